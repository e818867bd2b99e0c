import { Platform } from './statuses';

/** Where each platform's posts live; a live URL elsewhere is not the post that was agreed. */
const POST_HOSTS: Record<Platform, readonly string[] | null> = {
  [Platform.Instagram]: ['instagram.com'],
  [Platform.YouTube]: ['youtube.com', 'youtu.be'],
  [Platform.TikTok]: ['tiktok.com'],
  [Platform.X]: ['x.com', 'twitter.com'],
  [Platform.LinkedIn]: ['linkedin.com'],
  [Platform.Facebook]: ['facebook.com', 'fb.watch'],
  // A blog can live anywhere.
  [Platform.Blog]: null,
};

/** Null when the live URL is an https link on the deliverable's platform; otherwise why not. */
export function liveUrlProblem(platform: Platform, liveUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(liveUrl);
  } catch {
    return `"${liveUrl}" is not a URL`;
  }
  if (url.protocol !== 'https:') return 'The live URL must be an https:// link';
  const hosts = POST_HOSTS[platform];
  if (!hosts) return null;
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  if (!hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
    return `The live URL is on ${url.hostname}, not on ${platform} (${hosts.join(' or ')})`;
  }
  return null;
}

/** How far back a post's go-live time may be reported: a quarter covers any late report. */
export const POSTED_AT_MAX_AGE_DAYS = 90;

/**
 * Null when `postedAt` (ISO 8601, optional) can be when a post went live, reported at
 * `reportedAt` (epoch ms): not later than the report, and not absurdly long before it.
 */
export function postedAtProblem(postedAt: unknown, reportedAt: number): string | null {
  if (postedAt === undefined || postedAt === null) return null;
  if (typeof postedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(postedAt) || Number.isNaN(Date.parse(postedAt))) {
    return 'postedAt must be a date and time (ISO 8601), when the post went live';
  }
  const at = Date.parse(postedAt);
  if (at > reportedAt) return 'postedAt may not be later than the time the post is reported';
  if (at < reportedAt - POSTED_AT_MAX_AGE_DAYS * 86_400_000) return `postedAt may be at most ${POSTED_AT_MAX_AGE_DAYS} days before the report`;
  return null;
}
