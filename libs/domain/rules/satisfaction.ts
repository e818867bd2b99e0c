/**
 * Creator satisfaction (docs/metrics.md#team-kpis): a creator's 1–5 rating of one
 * collaboration, recorded once its fee is paid.
 */

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_NOTE_MAX_LENGTH = 2_000;

/** Why a rating cannot be recorded as given; null when it can. */
export function ratingProblem(rating: unknown, note: unknown): string | null {
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) {
    return `rating must be a whole number from ${RATING_MIN} (very unhappy) to ${RATING_MAX} (very happy)`;
  }
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > RATING_NOTE_MAX_LENGTH)) {
    return `note must be text of at most ${RATING_NOTE_MAX_LENGTH} characters`;
  }
  return null;
}

/** How long an open rating task waits before its talent manager is reminded. */
export const DEFAULT_SATISFACTION_REMINDER = '3d';
