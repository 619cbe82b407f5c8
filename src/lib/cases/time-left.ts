import type { Locale } from '../i18n/locale.svelte';

const MINUTE = 60_000;
const UNITS = { zh: { d: ' 天', h: ' 小时', m: ' 分' }, en: { d: ' d', h: ' h', m: ' min' } } as const;

/** A span in the two largest units: "2 d 3 h", "3 h 20 min", "5 min". */
export function span(ms: number, locale: Locale): string {
  const u = UNITS[locale];
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return `${d}${u.d}${h ? ` ${h}${u.h}` : ''}`;
  if (h) return `${h}${u.h}${m ? ` ${m}${u.m}` : ''}`;
  return `${m}${u.m}`;
}

/** Time left until `due`, or how long past it: "剩余 3 小时 20 分" / "overdue by 2 d 1 h". */
export function timeLeft(due: number, now: number, locale: Locale): { overdue: boolean; text: string } {
  const overdue = now > due;
  const text = span(Math.abs(due - now), locale);
  if (locale === 'zh') return { overdue, text: overdue ? `超时 ${text}` : `剩余 ${text}` };
  return { overdue, text: overdue ? `overdue by ${text}` : `${text} left` };
}

/** A time in Shanghai, short. */
export function shanghaiTime(ms: number, locale: Locale): string {
  return new Date(ms).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
}
