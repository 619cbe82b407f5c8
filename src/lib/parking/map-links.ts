import { wgs84ToBd09, wgs84ToGcj02 } from '../geo/china-offsets';

/** Where a lot is, for a maps app: positions are WGS84 as stored. */
export interface Destination {
  lon: number;
  lat: number;
  name: string;
}

const fixed = (value: number) => value.toFixed(6);

/** RFC 5870 `geo:` URI (WGS84), with a label Android maps apps show. */
export function geoUri({ lon, lat, name }: Destination): string {
  return `geo:${fixed(lat)},${fixed(lon)}?q=${fixed(lat)},${fixed(lon)}(${encodeURIComponent(name)})`;
}

/** Amap (高德) directions by car, in GCJ-02; opens the app when installed. */
export function amapUrl(destination: Destination): string {
  const [lon, lat] = wgs84ToGcj02([destination.lon, destination.lat]);
  const to = `${fixed(lon)},${fixed(lat)},${encodeURIComponent(destination.name)}`;
  return `https://uri.amap.com/navigation?to=${to}&mode=car&coordinate=gaode&callnative=1&src=citygrid`;
}

/** Baidu Maps marker, in BD-09 (`coord_type=bd09ll`). */
export function baiduUrl(destination: Destination): string {
  const [lon, lat] = wgs84ToBd09([destination.lon, destination.lat]);
  const title = encodeURIComponent(destination.name);
  return `https://api.map.baidu.com/marker?location=${fixed(lat)},${fixed(lon)}&title=${title}&content=${title}&coord_type=bd09ll&output=html&src=citygrid`;
}
