import { liveUrlProblem, postedAtProblem } from '../../libs/domain/rules/posting';
import { Platform } from '../../libs/domain/rules/statuses';

describe('live URL verification', () => {
  it.each([
    [Platform.Instagram, 'https://www.instagram.com/reel/C1a2b3/'],
    [Platform.YouTube, 'https://youtu.be/dQw4w9WgXcQ'],
    [Platform.YouTube, 'https://m.youtube.com/shorts/abc'],
    [Platform.X, 'https://twitter.com/asha/status/1'],
    [Platform.Blog, 'https://asha.blog/winter-glow'],
  ])('accepts a %s post at %s', (platform, url) => {
    expect(liveUrlProblem(platform, url)).toBeNull();
  });

  it('refuses a post on another platform, naming both', () => {
    expect(liveUrlProblem(Platform.Instagram, 'https://www.tiktok.com/@asha/video/1')).toBe(
      'The live URL is on www.tiktok.com, not on instagram (instagram.com)',
    );
  });

  it('refuses look-alike hosts, plain http and non-URLs', () => {
    expect(liveUrlProblem(Platform.Instagram, 'https://instagram.com.evil.example/p/1')).toMatch(/not on instagram/);
    expect(liveUrlProblem(Platform.Instagram, 'http://instagram.com/p/1')).toBe('The live URL must be an https:// link');
    expect(liveUrlProblem(Platform.Instagram, 'instagram post')).toBe('"instagram post" is not a URL');
  });
});

describe('when a post went live', () => {
  const reportedAt = Date.parse('2026-12-05T10:00:00Z');

  it('defaults to the report and accepts any earlier time within 90 days', () => {
    expect(postedAtProblem(undefined, reportedAt)).toBeNull();
    expect(postedAtProblem('2026-12-04T18:30:00Z', reportedAt)).toBeNull();
    expect(postedAtProblem('2026-12-05T10:00:00Z', reportedAt)).toBeNull();
  });

  it('may not be later than the report, nor long before it, nor anything but a date and time', () => {
    expect(postedAtProblem('2026-12-05T10:00:01Z', reportedAt)).toBe('postedAt may not be later than the time the post is reported');
    expect(postedAtProblem('2026-09-05T09:59:59Z', reportedAt)).toBe('postedAt may be at most 90 days before the report');
    expect(postedAtProblem('yesterday', reportedAt)).toMatch(/must be a date and time/);
    expect(postedAtProblem('2026-12-04', reportedAt)).toMatch(/must be a date and time/);
  });
});
