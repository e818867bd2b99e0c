import { mapHeader } from '../../libs/domain/rules/import-rows';
import { POST_PERFORMANCE_HEADER, postUrlKey, readMoment, readPostPerformance } from '../../libs/domain/rules/post-performance';

const HEADER = ['post_url', 'deliverable_id', 'captured_at', 'views', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders', 'gmv', 'returns', 'cancellations', 'currency'];
const { columns } = mapHeader(HEADER, POST_PERFORMANCE_HEADER);
const row = (values: Partial<Record<string, string>>) => HEADER.map((name) => values[name] ?? '');
const read = (values: Partial<Record<string, string>>) => readPostPerformance(row(values), columns);

describe('post-performance header', () => {
  it('needs captured_at and a way to name the post', () => {
    expect(mapHeader(['views', 'likes'], POST_PERFORMANCE_HEADER).problems).toEqual([
      { column: 'captured_at', message: 'the header has no "captured_at" column' },
      { column: 'post_url', message: 'the header needs one of the columns post_url, deliverable_id' },
    ]);
    expect(mapHeader(['deliverable_id', 'captured_at', 'views'], POST_PERFORMANCE_HEADER).problems).toEqual([]);
  });
});

describe('a post-performance row', () => {
  it('reads counts, amounts in minor units, and derives NMV', () => {
    const { row: reading, problems } = read({
      post_url: 'https://WWW.Instagram.com/reel/C1a2b3/', captured_at: '2026-09-02T10:00:00+07:00', views: '150000', likes: '9000',
      gmv: '5000.00', returns: '200', cancellations: '100.50', currency: 'INR',
    });
    expect(problems).toEqual([]);
    expect(reading).toMatchObject({
      postUrl: 'https://www.instagram.com/reel/C1a2b3',
      deliverableId: null,
      capturedAt: new Date('2026-09-02T03:00:00Z'),
      views: 150_000,
      likes: 9_000,
      reach: null,
      gmvMinor: 500_000,
      returnsMinor: 20_000,
      cancellationsMinor: 10_050,
      nmvMinor: 469_950,
      currency: 'INR',
    });
  });

  it('has no NMV without GMV, and takes no NMV column from the file', () => {
    expect(read({ deliverable_id: '0b4f6f0e-8f1e-4b5e-9b3c-1e2d3c4b5a69', captured_at: '2026-09-02', returns: '5', currency: 'USD' }).row).toMatchObject({
      gmvMinor: null,
      returnsMinor: 500,
      nmvMinor: null,
      capturedAt: new Date('2026-09-02T00:00:00Z'),
    });
    expect(mapHeader(['deliverable_id', 'captured_at', 'nmv'], POST_PERFORMANCE_HEADER).problems[0]).toMatchObject({ column: 'nmv' });
  });

  it('reports every problem with its column', () => {
    expect(read({ post_url: 'instagram reel', captured_at: '02/09/2026 10:00', views: '1.5', likes: '-3', gmv: '10' }).problems).toEqual([
      { column: 'post_url', message: '"instagram reel" is not an http(s) link' },
      { column: 'captured_at', message: '"02/09/2026 10:00" is not a time written ISO 8601 (2026-09-02T10:00:00Z)' },
      { column: 'views', message: '"1.5" is not a whole number (digits only)' },
      { column: 'likes', message: '"-3" is negative; counts are never below zero' },
      { column: 'currency', message: 'gmv given without a currency' },
    ]);
    expect(read({ captured_at: '2026-09-02T10:00:00Z', views: '1' }).problems).toEqual([{ column: null, message: 'name the post: a post_url or a deliverable_id' }]);
    expect(read({ deliverable_id: 'nope', captured_at: '2026-12-02T10:00:00Z' }).problems).toEqual([
      { column: 'deliverable_id', message: '"nope" is not a deliverable id' },
      { column: null, message: expect.stringMatching(/^the row has no numbers/) },
    ]);
  });

  it('reads ISO 8601 moments, UTC when no offset is written', () => {
    expect(readMoment('2026-09-02T10:00:00.250Z')).toEqual({ ok: true, at: new Date('2026-09-02T10:00:00.250Z') });
    expect(readMoment('2026-09-02 17:00:00+0700')).toEqual({ ok: true, at: new Date('2026-09-02T10:00:00Z') });
    expect(readMoment('2026-09-02T10:00')).toEqual({ ok: true, at: new Date('2026-09-02T10:00:00Z') });
    expect(readMoment('2026-09-02')).toEqual({ ok: true, at: new Date('2026-09-02T00:00:00Z') });
    expect(readMoment('2026-02-30')).toEqual({ ok: false, problem: '"2026-02-30" is not a real date' });
    expect(readMoment('2026-09-02T25:00:00Z')).toEqual({ ok: false, problem: '"2026-09-02T25:00:00Z" is not a real date' });
    expect(readMoment('02/09/2026')).toEqual({ ok: false, problem: '"02/09/2026" is not a time written ISO 8601 (2026-09-02T10:00:00Z)' });
  });
});

describe('post URLs', () => {
  it('compare trimmed, without a trailing slash, the host in any case, the path as written', () => {
    expect(postUrlKey(' https://WWW.TikTok.com/@Asha/video/1/ ')).toBe('https://www.tiktok.com/@Asha/video/1');
    expect(postUrlKey('https://youtu.be/AbC?t=3')).toBe('https://youtu.be/AbC?t=3');
    expect(postUrlKey('ftp://example.com/x')).toBeNull();
    expect(postUrlKey('not a url')).toBeNull();
  });
});
