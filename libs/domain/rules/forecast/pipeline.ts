/**
 * The pipeline component (docs/metrics.md#pipeline): bookings contracted but not yet posted
 * add expected NMV to the months their posts are due.
 */

/** Empirical-Bayes prior strength: a creator's own NMV per post weighs as much as the cohort's after this many posts. */
export const NMV_PER_POST_PRIOR_POSTS = 5;

/**
 * The completion rate learned from history: of the contracted bookings whose outcome is known,
 * the share that posted, with a Laplace prior ((posted + 1) ÷ (posted + failed + 2)), so a
 * short history says ½ rather than 0 or 1.
 */
export function completionRate(posted: number, failed: number): number {
  return (posted + 1) / (posted + failed + 2);
}

/**
 * A creator's NMV per post shrunk towards the cohort's: (posts·own + k·cohort) ÷ (posts + k),
 * own = NMV ÷ posts over the history, k = NMV_PER_POST_PRIOR_POSTS.
 */
export function shrunkNmvPerPost(nmvMinor: number, posts: number, cohortPerPost: number, priorPosts = NMV_PER_POST_PRIOR_POSTS): number {
  if (posts <= 0) return cohortPerPost;
  return (nmvMinor + priorPosts * cohortPerPost) / (posts + priorPosts);
}

/**
 * What a month's booked posts add on top of the series' forecast. The series already carries
 * the creator's usual posting (its history is the NMV of the posts they made), so only the
 * expected posts beyond the usual monthly rate add: perPost × max(0, rate × booked − usual).
 */
export function pipelineUplift(bookedPosts: number, usualPostsPerMonth: number, completion: number, perPost: number): number {
  return perPost * Math.max(0, completion * bookedPosts - usualPostsPerMonth);
}

/**
 * How much of the pipeline's expected NMV history says comes on top of the series' own
 * forecast: the least-squares slope through the origin of the back-test residuals
 * (actual − series forecast) on the pipeline uplift, within 0…1. Where sales do not follow
 * posts (affiliate income that runs on its own), the slope is about 0 and booked posts add
 * nothing; where each post brings its own sales, it approaches 1.
 */
export function pipelineWeight(residuals: readonly number[], uplifts: readonly number[]): number {
  let cross = 0;
  let square = 0;
  residuals.forEach((residual, i) => {
    cross += residual * uplifts[i];
    square += uplifts[i] ** 2;
  });
  if (square === 0) return 0;
  return Math.max(0, Math.min(1, cross / square));
}
