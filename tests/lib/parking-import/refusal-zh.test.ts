import { describe, expect, it } from 'vitest';
import { refusalZh } from '../../../src/lib/parking-import/refusal-zh';

/** Every sentence the database and the parser refuse a row with, as they write it. */
const REASONS: [string, string][] = [
  ['the row is not an object', '该行不是一个对象'],
  ['the lot is not an object', '该停车场条目不是一个对象'],
  ['missing field: code', '缺少字段：编号（code）'],
  ['missing field: lat', '缺少字段：纬度（lat）'],
  ['missing field: lon', '缺少字段：经度（lon）'],
  ['missing field: observed_at (when the free spaces were counted)', '缺少字段：观测时间（observed_at，空余车位的统计时间）'],
  ['missing field: free_spaces (observed_at has no count with it)', '缺少字段：空余车位（free_spaces，观测时间没有对应的数量）'],
  ['missing field: name (name_zh or name_en) for a new lot', '新停车场缺少名称（name_zh 或 name_en）'],
  ['missing field: capacity for a new lot', '新停车场缺少车位总数（capacity）'],
  ['missing field: lon and lat for a new lot', '新停车场缺少经纬度（lon、lat）'],
  ['missing field: free_spaces and observed_at for a new lot', '新停车场缺少空余车位和观测时间（free_spaces、observed_at）'],
  ['7 fields where the header has 11', '该行有 7 个字段，表头有 11 个'],
  ['geometry is Polygon, not a Point', '几何类型为 Polygon，不是点（Point）'],
  ["code 'x''; drop' must be 1 to 60 letters, digits and - _ . :", "编号 'x''; drop' 须为 1 至 60 个字母、数字或 - _ . :"],
  ["capacity '12.5' is not a whole number", "车位总数 '12.5' 不是整数"],
  ['capacity 0: a lot has at least one space', '车位总数为 0：停车场至少有一个车位'],
  ['capacity 20000 is outside 1 to 10000', '车位总数 20000 不在 1 至 10000 之间'],
  ["free spaces 'many' is not a whole number", "空余车位 'many' 不是整数"],
  ['free spaces -3 is below 0', '空余车位 -3 小于 0'],
  ['free spaces 60 exceed capacity 50', '空余车位 60 超过车位总数 50'],
  [
    "unknown timestamp 'yesterday' (ISO 8601 like 2026-11-24T08:30:00+08:00, or epoch seconds)",
    "无法识别的时间 'yesterday'（应为 ISO 8601，如 2026-11-24T08:30:00+08:00，或 Unix 秒数）",
  ],
  [
    'observed at 2099-01-01 00:00:00+00, outside the accepted window (7 days ago to 5 minutes ahead of 2026-11-24 04:00:00+00)',
    '观测时间 2099-01-01 00:00:00+00 超出可接受范围（2026-11-24 04:00:00+00 之前 7 天至之后 5 分钟）',
  ],
  ["fee '-2' is not an amount of yuan per hour", "收费 '-2' 不是每小时的元数"],
  ["unknown kind 'garage' (public, residential, shared or on_street)", "未知类型 'garage'（应为 public、residential、shared 或 on_street）"],
  ["hours '8-20' are not HH:MM-HH:MM", "营业时间 '8-20' 不是 HH:MM-HH:MM 格式"],
  ['position (500, 31.2) is not a longitude and latitude in degrees', '位置 (500, 31.2) 不是以度表示的经纬度'],
  ['position (13.7373, 51.0504) is outside the service area', '位置 (13.7373, 51.0504) 在服务区域之外'],
  ['capacity 30 is below the 40 free spaces stored; send a reading with it', '车位总数 30 少于已存的 40 个空余车位；请同时发送一条读数'],
  ['name longer than 60 characters (zh) or 100 (en)', '名称过长（中文不超过 60 个字，英文不超过 100 个字符）'],
];

describe('refusalZh', () => {
  it.each(REASONS)('reads "%s" in Chinese, values in place', (english, chinese) => {
    expect(refusalZh(english)).toBe(chinese);
  });

  it('leaves a sentence it does not know as it came', () => {
    expect(refusalZh('duplicate key value violates unique constraint')).toBe('duplicate key value violates unique constraint');
  });
});
