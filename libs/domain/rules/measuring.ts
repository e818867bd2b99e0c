import { SnapshotLabel } from './lifecycle';

/**
 * Which numbers a MEASURING capture takes (docs/imports.md#measuring): of the numbers entered or
 * imported for the post, the reading nearest to the capture's moment among those read after
 * the previous moment, the post going live for `+1d`, the `+1d` capture for `+7d`. So `+7d` never
 * repeats what `+1d` took, and a capture with nothing new records "no data" instead of an older
 * number under a new label.
 */

export interface Reading {
  capturedAt: Date;
}

/** The reading nearest to `moment` of those strictly after `after` (none: any); on a tie, the earlier. */
export function nearestReading<T extends Reading>(readings: readonly T[], moment: Date, after: Date | null): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const reading of readings) {
    const at = reading.capturedAt.getTime();
    if (after && at <= after.getTime()) continue;
    const distance = Math.abs(at - moment.getTime());
    if (distance < bestDistance || (distance === bestDistance && best && at < best.capturedAt.getTime())) {
      best = reading;
      bestDistance = distance;
    }
  }
  return best;
}

export interface EarlierCapture {
  /** The capture's moment. */
  capturedAt: Date;
  /** When the numbers it took were read (null: it had none). */
  measuredAt: Date | null;
}

/**
 * After which moment a capture takes readings: for `+1d` the post going live; for `+7d` the
 * `+1d` capture's moment, or the reading it took when that was read later still. Without a
 * `+1d` capture (collaborations measured before captures recorded "no data"), the post going live.
 */
export function readingsAfter(label: SnapshotLabel, postedAt: Date | null, firstCapture: EarlierCapture | null): Date | null {
  if (label !== SnapshotLabel.SevenDays || !firstCapture) return postedAt;
  const taken = firstCapture.measuredAt;
  return taken && taken > firstCapture.capturedAt ? taken : firstCapture.capturedAt;
}
