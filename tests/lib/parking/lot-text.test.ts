import { expect, it } from 'vitest';
import { STRINGS, type StringKey } from '../../../src/lib/i18n/strings';
import { ageText, distanceText, feeText, fill, lotState } from '../../../src/lib/parking/lot-text';

const zh = (key: StringKey) => STRINGS[key].zh;
const en = (key: StringKey) => STRINGS[key].en;

it('writes the three kinds of fee differently, in both languages', () => {
  expect([feeText(zh, 0), feeText(zh, 6), feeText(zh, null)]).toEqual(['免费', '¥6/小时', '收费未知']);
  expect([feeText(en, 0), feeText(en, 2.5), feeText(en, null)]).toEqual(['Free of charge', '¥2.5 per hour', 'Fee unknown']);
});

it('writes distances in metres below a kilometre', () => {
  expect([distanceText(34), distanceText(994), distanceText(995), distanceText(1540)]).toEqual(['30 m', '990 m', '1.0 km', '1.5 km']);
});

it('writes how old a number is in whole minutes', () => {
  expect(ageText(en, 59_000)).toBe('Updated just now');
  expect(ageText(zh, 14 * 60_000 + 59_000)).toBe('14 分钟前更新');
});

it('fills only the placeholders it is given', () => {
  expect(fill('{free} of {capacity} free', { free: 3 })).toBe('3 of {capacity} free');
});

it('bands a lot as the dashboard does, stale above all', () => {
  expect(lotState({ freeSpaces: 40, capacity: 100, stale: false })).toBe('ample');
  expect(lotState({ freeSpaces: 20, capacity: 100, stale: false })).toBe('tight');
  expect(lotState({ freeSpaces: 5, capacity: 100, stale: false })).toBe('full');
  expect(lotState({ freeSpaces: 0, capacity: 100, stale: false })).toBe('full');
  expect(lotState({ freeSpaces: 40, capacity: 100, stale: true })).toBe('stale');
});
