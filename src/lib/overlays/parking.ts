import type { ParkingLot } from '../data/types';
import { badgeLayers } from './badge-layers';
import { PARKING, type Rgba } from '../theme/theme';
import type { Overlay, OverlayContext } from './overlay';
import { rowSource, type RowStore } from './row-store';

export type ParkingState = 'ample' | 'tight' | 'full' | 'stale';

/** Green with room, amber when tight, red when (nearly) full; grey when the number is too old to trust. */
export function parkingState(lot: ParkingLot, now: number): ParkingState {
  if (!(now - lot.updatedAt <= PARKING.staleAfterMs)) return 'stale';
  const ratio = lot.freeSpaces / lot.capacity;
  if (ratio > PARKING.ample) return 'ample';
  if (ratio > PARKING.tight) return 'tight';
  return 'full';
}

const colour = (lot: ParkingLot, now: number): Rgba => PARKING.colours[parkingState(lot, now)];

const KIND_LABEL = {
  public: { zh: '公共停车场', en: 'Public' },
  residential: { zh: '小区停车', en: 'Residential' },
  shared: { zh: '共享泊位', en: 'Shared' },
  on_street: { zh: '道路停车', en: 'On-street' },
} as const;

function minutesAgo(lot: ParkingLot, ctx: OverlayContext): string {
  const minutes = Math.max(0, Math.round((ctx.now - lot.updatedAt) / 60_000));
  return ctx.locale === 'zh' ? `${minutes} 分钟前` : `${minutes} min ago`;
}

export const parkingOverlay: Overlay<RowStore<ParkingLot>> = {
  id: 'parking',
  label: 'layerParking',
  table: 'parking_lots',

  ...rowSource((data, ids) => data.parkingLots(undefined, ids)),

  layers(store, ctx) {
    return badgeLayers<ParkingLot>({
      id: 'parking',
      data: store.rows,
      getPosition: (l) => [l.lon, l.lat],
      zoom: ctx.zoom,
      getColor: (l) => colour(l, ctx.now),
      radiusPx: (l) => (l.kind === 'on_street' ? 7 : 10),
      getGlyph: () => 'P',
      getCaption: ctx.zoom >= 15 ? (l) => `${l.freeSpaces}/${l.capacity}` : null,
      updateTriggers: { color: ctx.now, caption: store },
    });
  },

  legend(ctx) {
    const label = { ample: ctx.t('parkingAmple'), tight: ctx.t('parkingTight'), full: ctx.t('parkingFull'), stale: ctx.t('parkingStale') };
    return (['ample', 'tight', 'full', 'stale'] as const).map((s) => ({ label: label[s], colour: PARKING.colours[s], shape: 'circle' as const }));
  },

  tooltip(info, _store, ctx) {
    const lot = info.object as ParkingLot | undefined;
    if (!lot) return null;
    return `${ctx.locale === 'zh' ? lot.nameZh : lot.nameEn}\n${ctx.t('free')} ${lot.freeSpaces}/${lot.capacity} · ${minutesAgo(lot, ctx)}`;
  },

  async popup(info, _store, ctx) {
    const lot = info.object as ParkingLot | undefined;
    if (!lot) return null;
    return {
      title: ctx.locale === 'zh' ? lot.nameZh : lot.nameEn,
      subtitle: `${KIND_LABEL[lot.kind][ctx.locale]} · ${lot.code}`,
      fields: [
        { label: ctx.t('free'), value: `${lot.freeSpaces} / ${lot.capacity}` },
        { label: ctx.t('updated'), value: minutesAgo(lot, ctx) },
        { label: ctx.t('fee'), value: lot.feePerHourCny == null ? '—' : `¥${lot.feePerHourCny}/h` },
        { label: ctx.t('hours'), value: lot.hours },
      ],
    };
  },
};
