import { liveUrlProblem } from '../../libs/domain/rules/posting';
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
