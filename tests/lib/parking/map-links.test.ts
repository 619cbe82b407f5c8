import { expect, it } from 'vitest';
import { wgs84ToBd09, wgs84ToGcj02 } from '../../../src/lib/geo/china-offsets';
import { amapUrl, baiduUrl, geoUri } from '../../../src/lib/parking/map-links';

const lot = { lon: 121.519636, lat: 31.279171, name: '控江路34号小区停车场' };

it('hands a lot to any maps app as a WGS84 geo: URI with its name', () => {
  expect(geoUri(lot)).toBe(`geo:31.279171,121.519636?q=31.279171,121.519636(${encodeURIComponent(lot.name)})`);
});

it('hands a lot to Amap in GCJ-02 and to Baidu in BD-09, not in WGS84', () => {
  const [gLon, gLat] = wgs84ToGcj02([lot.lon, lot.lat]);
  const amap = new URL(amapUrl(lot));
  expect(amap.host).toBe('uri.amap.com');
  expect(amap.searchParams.get('to')).toBe(`${gLon.toFixed(6)},${gLat.toFixed(6)},${lot.name}`);
  expect(amap.searchParams.get('coordinate')).toBe('gaode');

  const [bLon, bLat] = wgs84ToBd09([lot.lon, lot.lat]);
  const baidu = new URL(baiduUrl(lot));
  expect(baidu.searchParams.get('location')).toBe(`${bLat.toFixed(6)},${bLon.toFixed(6)}`);
  expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
  expect(baidu.searchParams.get('title')).toBe(lot.name);
});
