/**
 * English names for places the data names only in Chinese: Hanyu Pinyin of the
 * proper name (from pinyin-pro) with the usual translation of the generic part,
 * and a road's direction suffix as an English prefix (大连西路 → West Dalian Road).
 * Build time only, so that the browser ships no pinyin dictionary.
 */
import { customPinyin, pinyin } from 'pinyin-pro';

/** Place names whose reading differs from the characters' common one (陂 is pí in 黄陂). */
customPinyin({ 黄陂: 'huáng pí' });

/** Generic endings, longest first so that 街道 wins over 街 and 公路 over 路. */
const GENERICS: [string, string][] = [
  ['街道', 'Subdistrict'],
  ['公路', 'Highway'],
  ['大道', 'Avenue'],
  ['运河', 'Canal'],
  ['公园', 'Park'],
  ['新村', 'Xincun'],
  ['寺', 'Temple'],
  ['大学', 'University'],
  ['路', 'Road'],
  ['街', 'Street'],
  ['镇', 'Town'],
  ['江', 'River'],
  ['河', 'River'],
];
const STREETS = new Set(['Highway', 'Avenue', 'Road', 'Street']);
const DIRECTIONS: Record<string, string> = { 东: 'East', 西: 'West', 南: 'South', 北: 'North', 中: 'Middle' };
const ORDINALS = '一二三四五六七八九';
/** A one-character remainder is part of the name: 通北路 is Tongbei Road, 镇江 is Zhenjiang. */
const MIN_PROPER_CHARS = 2;

const HAN = /\p{Script=Han}/u;

/** One word of pinyin: syllables run together, an apostrophe before a/o/e (Jing'an), capitalised. */
export function pinyinWord(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function splitGeneric(name: string): [string, string] | null {
  const match = GENERICS.find(([zh]) => name.endsWith(zh) && name.length - zh.length >= MIN_PROPER_CHARS);
  return match ? [name.slice(0, -match[0].length), match[1]] : null;
}

/** 中山北二路 → North Zhongshan No.2 Road: an ordinal and a direction between the name and the generic. */
function streetName(proper: string, generic: string): string {
  let rest = proper;
  let ordinal: string | null = null;
  let direction: string | null = null;
  const n = ORDINALS.indexOf(rest.at(-1)!) + 1;
  if (n > 0 && rest.length > MIN_PROPER_CHARS) [ordinal, rest] = [`No.${n}`, rest.slice(0, -1)];
  if (rest.at(-1)! in DIRECTIONS && rest.length > MIN_PROPER_CHARS) [direction, rest] = [DIRECTIONS[rest.at(-1)!], rest.slice(0, -1)];
  return [direction, pinyinWord(rest), ordinal, generic].filter(Boolean).join(' ');
}

/** English name of a Chinese place name; text without Chinese characters is returned as it is. */
export function englishName(chinese: string): string {
  const name = chinese.trim();
  if (!HAN.test(name)) return name;
  if (name.includes('·')) return name.split('·').map(englishName).join(' · ');
  const split = splitGeneric(name);
  if (!split) return pinyinWord(name);
  const [proper, generic] = split;
  if (STREETS.has(generic)) return streetName(proper, generic);
  return `${englishName(proper)} ${generic}`;
}
