/**
 * A lot's fee is one of three different things: parking is free (0), it costs
 * so much an hour, or nobody told us (null). "¥0/h" must never stand for unknown.
 */
export type ParkingFee = { kind: 'free' } | { kind: 'per_hour'; cny: number } | { kind: 'unknown' };

export function parkingFee(feePerHourCny: number | null): ParkingFee {
  if (feePerHourCny == null || !Number.isFinite(feePerHourCny) || feePerHourCny < 0) return { kind: 'unknown' };
  return feePerHourCny === 0 ? { kind: 'free' } : { kind: 'per_hour', cny: feePerHourCny };
}
