/**
 * Why a parking row was refused, in Chinese. The database and the parser say
 * it in English (the command line prints that); this reads each of their
 * sentences back with its values in place. A sentence not known here stays
 * as it came.
 */
type Reading = [RegExp, (...values: string[]) => string];

const MISSING: Record<string, string> = {
  code: '缺少字段：编号（code）',
  lat: '缺少字段：纬度（lat）',
  lon: '缺少字段：经度（lon）',
  'observed_at (when the free spaces were counted)': '缺少字段：观测时间（observed_at，空余车位的统计时间）',
  'free_spaces (observed_at has no count with it)': '缺少字段：空余车位（free_spaces，观测时间没有对应的数量）',
  'name (name_zh or name_en) for a new lot': '新停车场缺少名称（name_zh 或 name_en）',
  'capacity for a new lot': '新停车场缺少车位总数（capacity）',
  'lon and lat for a new lot': '新停车场缺少经纬度（lon、lat）',
  'free_spaces and observed_at for a new lot': '新停车场缺少空余车位和观测时间（free_spaces、observed_at）',
};

const READINGS: Reading[] = [
  [/^missing field: (.+)$/, (field) => MISSING[field] ?? `缺少字段：${field}`],
  [/^the row is not an object$/, () => '该行不是一个对象'],
  [/^the lot is not an object$/, () => '该停车场条目不是一个对象'],
  [/^(\d+) fields where the header has (\d+)$/, (got, want) => `该行有 ${got} 个字段，表头有 ${want} 个`],
  [/^geometry is (.+), not a Point$/, (type) => `几何类型为 ${type}，不是点（Point）`],
  [/^code (.+) must be 1 to 60 letters, digits and - _ \. :$/s, (code) => `编号 ${code} 须为 1 至 60 个字母、数字或 - _ . :`],
  [/^capacity (.+) is not a whole number$/s, (value) => `车位总数 ${value} 不是整数`],
  [/^capacity 0: a lot has at least one space$/, () => '车位总数为 0：停车场至少有一个车位'],
  [/^capacity (.+) is outside 1 to 10000$/, (value) => `车位总数 ${value} 不在 1 至 10000 之间`],
  [/^free spaces (.+) is not a whole number$/s, (value) => `空余车位 ${value} 不是整数`],
  [/^free spaces (.+) is below 0$/, (value) => `空余车位 ${value} 小于 0`],
  [/^free spaces (.+) exceed capacity (.+)$/, (free, capacity) => `空余车位 ${free} 超过车位总数 ${capacity}`],
  [
    /^unknown timestamp (.+) \(ISO 8601 like .+, or epoch seconds\)$/s,
    (value) => `无法识别的时间 ${value}（应为 ISO 8601，如 2026-11-24T08:30:00+08:00，或 Unix 秒数）`,
  ],
  [
    /^observed at (.+), outside the accepted window \(7 days ago to 5 minutes ahead of (.+)\)$/,
    (at, now) => `观测时间 ${at} 超出可接受范围（${now} 之前 7 天至之后 5 分钟）`,
  ],
  [/^fee (.+) is not an amount of yuan per hour$/s, (value) => `收费 ${value} 不是每小时的元数`],
  [/^unknown kind (.+) \(public, residential, shared or on_street\)$/s, (kind) => `未知类型 ${kind}（应为 public、residential、shared 或 on_street）`],
  [/^hours (.+) are not HH:MM-HH:MM$/s, (hours) => `营业时间 ${hours} 不是 HH:MM-HH:MM 格式`],
  [/^position \((.+), (.+)\) is not a longitude and latitude in degrees$/, (lon, lat) => `位置 (${lon}, ${lat}) 不是以度表示的经纬度`],
  [/^position \((.+), (.+)\) is outside the service area$/, (lon, lat) => `位置 (${lon}, ${lat}) 在服务区域之外`],
  [
    /^capacity (.+) is below the (.+) free spaces stored; send a reading with it$/,
    (capacity, free) => `车位总数 ${capacity} 少于已存的 ${free} 个空余车位；请同时发送一条读数`,
  ],
  [/^name longer than 60 characters \(zh\) or 100 \(en\)$/, () => '名称过长（中文不超过 60 个字，英文不超过 100 个字符）'],
];

export function refusalZh(reason: string): string {
  for (const [pattern, say] of READINGS) {
    const match = pattern.exec(reason);
    if (match) return say(...match.slice(1));
  }
  return reason;
}
