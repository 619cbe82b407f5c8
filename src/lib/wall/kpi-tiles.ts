import type { WallKpi, WallKpis } from '../data/types';
import type { Locale } from '../i18n/locale.svelte';
import { STRINGS, type StringKey } from '../i18n/strings';

export type Tone = 'good' | 'bad' | 'neutral';

export interface KpiTile {
  key: string;
  label: string;
  value: string;
  /** A second line: the target, occupancy, planned. */
  note: string | null;
  tone: Tone;
  /** Against the same hour yesterday; null where the KPI keeps no history. */
  trend: { arrow: '▲' | '▼' | '＝'; text: string; tone: Tone } | null;
}

type Better = 'higher' | 'lower' | 'neither';
type Unit = 'count' | 'share' | 'hours';

const number = (locale: Locale, value: number, digits = 0) =>
  value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function formatted(value: number | null, unit: Unit, locale: Locale): string {
  if (value === null) return '—';
  if (unit === 'share') return `${number(locale, value * 100, 1)} %`;
  if (unit === 'hours') return `${number(locale, value, 1)} ${STRINGS.wallHours[locale]}`;
  return number(locale, value);
}

function trendOf(kpis: WallKpis, kpi: WallKpi, unit: Unit, better: Better, locale: Locale): KpiTile['trend'] {
  const { now, yesterday } = kpis[kpi];
  if (now === null || yesterday === null) return null;
  // A change too small to show at the precision shown is no change.
  const precision = unit === 'share' ? 1e-3 : unit === 'hours' ? 0.1 : 1;
  const delta = Math.round((now - yesterday) / precision) * precision;
  const size = unit === 'share' ? `${number(locale, Math.abs(delta) * 100, 1)} pt` : unit === 'hours' ? `${number(locale, Math.abs(delta), 1)} ${STRINGS.wallHours[locale]}` : number(locale, Math.abs(delta));
  if (delta === 0) return { arrow: '＝', text: STRINGS.wallSame[locale], tone: 'neutral' };
  const improved = better === 'neither' ? null : (delta > 0) === (better === 'higher');
  return { arrow: delta > 0 ? '▲' : '▼', text: size, tone: improved === null ? 'neutral' : improved ? 'good' : 'bad' };
}

/** The wall's KPI tiles, in reading order. */
export function kpiTiles(kpis: WallKpis, locale: Locale): KpiTile[] {
  const t = (key: StringKey) => STRINGS[key][locale];
  const tile = (kpi: WallKpi, label: StringKey, unit: Unit, better: Better, note: string | null = null, tone: Tone = 'neutral'): KpiTile => ({
    key: kpi, label: t(label), value: formatted(kpis[kpi].now, unit, locale), note, tone, trend: trendOf(kpis, kpi, unit, better, locale),
  });
  const met = kpis.close_rate_met.now;
  const target = t('wallTarget').replace('{value}', formatted(kpis.close_rate_target.now, 'share', locale));
  const targetNote = met === null ? target : `${target} · ${t(met ? 'wallTargetMet' : 'wallTargetMissed')}`;
  const occupancy = kpis.parking_occupancy.now;
  const overdue = kpis.overdue.now ?? 0;
  return [
    tile('open_cases', 'wallOpenCases', 'count', 'lower'),
    tile('overdue', 'wallOverdue', 'count', 'lower', null, overdue > 0 ? 'bad' : 'good'),
    tile('reported_today', 'wallReportedToday', 'count', 'neither'),
    tile('closed_today', 'wallClosedToday', 'count', 'higher'),
    tile('close_rate', 'wallCloseRate', 'share', 'higher', targetNote, met === null ? 'neutral' : met ? 'good' : 'bad'),
    tile('on_time_close_rate', 'wallOnTimeRate', 'share', 'higher'),
    tile('median_close_hours', 'wallMedianClose', 'hours', 'lower'),
    { ...tile('parking_occupancy', 'wallParking', 'share', 'lower', occupancy === null ? null : t('wallOccupancy').replace('{value}', formatted(occupancy, 'share', locale))),
      value: formatted(kpis.parking_free.now, 'count', locale) },
    { ...tile('volunteers_on_duty', 'wallVolunteers', 'count', 'higher'),
      value: `${formatted(kpis.volunteers_on_duty.now, 'count', locale)} / ${formatted(kpis.volunteers_planned.now, 'count', locale)}` },
    tile('fire_reach', 'wallFireReach', 'share', 'higher'),
  ];
}
