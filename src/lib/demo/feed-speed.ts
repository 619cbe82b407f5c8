/** The fastest the demo day may run: an hour a second. */
export const MAX_FEED_SPEED = 3600;

/** A feed speed (simulated seconds per real second), or a RangeError naming the bad value. */
export function checkedSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0 || speed > MAX_FEED_SPEED) {
    throw new RangeError(`demo feed speed must be above 0 and at most ${MAX_FEED_SPEED} (got ${speed})`);
  }
  return speed;
}
