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
