import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaceLabel } from '../../src/lib/map/basemap-labels';

/** The committed labels.json, as `npm run geo:build` writes it. */
const labels = JSON.parse(readFileSync('public/basemap/labels.json', 'utf8')) as PlaceLabel[];
const HAN = /\p{Script=Han}/u;

describe('basemap labels', () => {
  it('give every place an English name without Chinese characters', () => {
    const untranslated = labels.filter((l) => HAN.test(l.en)).map((l) => l.zh);
    expect(untranslated).toEqual([]);
  });

  it('name neighbouring sub-districts and streets the data has only in Chinese in pinyin', () => {
    const en = (kind: PlaceLabel['kind'], zh: string) => labels.find((l) => l.kind === kind && l.zh === zh)?.en;
    expect(en('area', '北外滩')).toBe('Beiwaitan');
    expect(en('area', '南京东路')).toBe('East Nanjing Road');
    expect(en('area', '江湾镇')).toBe('Jiangwan Town');
    expect(en('station', '江浦公园')).toBe('Jiangpu Park');
    expect(en('street', '长阳路')).toBe('Changyang Road');
  });

  it('name the Huangpu along its real course', () => {
    expect(labels.filter((l) => l.kind === 'water' && l.zh === '黄浦江').length).toBeGreaterThan(3);
    expect(labels.some((l) => l.kind === 'water' && l.en === 'Suzhou Creek')).toBe(true);
  });
});
