import type { NearbyParkingLot } from '../data/types';
import type { StringKey } from '../i18n/strings';
import { PARKING } from '../theme/theme';
import { parkingFee } from './fee';

type Translate = (key: StringKey) => string;

/** Fills `{name}` placeholders of a translated string. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

export const KIND_LABEL: Record<NearbyParkingLot['kind'], StringKey> = {
  public: 'parkingKindPublic',
  residential: 'parkingKindResidential',
  shared: 'parkingKindShared',
  on_street: 'parkingKindOnStreet',
};

export function feeText(t: Translate, feePerHourCny: number | null): string {
  const fee = parkingFee(feePerHourCny);
  if (fee.kind === 'free') return t('parkingFeeFree');
  if (fee.kind === 'unknown') return t('parkingFeeUnknown');
  return fill(t('parkingFeePerHour'), { cny: fee.cny });
}

/** Straight-line distance: metres to 1 km, then tenths of a kilometre. */
export const distanceText = (metres: number): string =>
  metres < 995 ? `${Math.round(metres / 10) * 10} m` : `${(metres / 1000).toFixed(1)} km`;

export function ageText(t: Translate, ageMs: number): string {
  const minutes = Math.floor(ageMs / 60_000);
  return minutes < 1 ? t('parkingUpdatedJustNow') : fill(t('parkingUpdatedAgo'), { n: minutes });
}

/** The colour band a lot's number falls in, as on the dashboard's parking layer. */
export function lotState(lot: Pick<NearbyParkingLot, 'freeSpaces' | 'capacity' | 'stale'>): keyof typeof PARKING.colours {
  if (lot.stale) return 'stale';
  const ratio = lot.freeSpaces / lot.capacity;
  return ratio > PARKING.ample ? 'ample' : ratio > PARKING.tight ? 'tight' : 'full';
}
