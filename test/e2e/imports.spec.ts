import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { In } from 'typeorm';
import { AuditLog, Brand, Creator, CreatorSale, Deliverable, Import, PerformanceSnapshot } from '../../libs/domain/entities';
import { DeliverableStatus } from '../../libs/domain/rules/lifecycle';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Performance data in, through the built API process over HTTP (docs/imports.md): the answers
 * are checked against what PostgreSQL then holds.
 */

interface Answer {
  status: number;
  body: any;
}

/** POSTs a CSV body (a string, or chunks streamed without Content-Length) to an import route. */
async function send(
  system: RunningSystem,
  route: string,
  authorization: string,
  body: string | AsyncIterable<string>,
  options: { query?: Record<string, string>; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const streamed = typeof body !== 'string';
  const response = await fetch(`${system.baseUrl}${route}${query}`, {
    method: 'POST',
    headers: { authorization, 'content-type': options.contentType ?? 'text/csv', ...options.headers },
    body: streamed ? (Readable.toWeb(Readable.from(body)) as ReadableStream) : body,
    ...(streamed ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed };
}

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('imports through the REST API', () => {
  let system: RunningSystem;
  let team: Team;
  let otherTeam: Team;
  let brand: Brand;
  let creators: Record<'asha' | 'mia' | 'jo' | 'ravi', Creator>;
  const as = (user: { email: string }, password = team.password) => system.basic(user.email, password);
  const sales = () => system.database.db.getRepository(CreatorSale);

  beforeAll(async () => {
    system = await startSystem();
    const db = system.database.db;
    team = await createTeam(db);
    otherTeam = await createTeam(db);
    brand = await db.getRepository(Brand).save({ name: 'GlowLab US', category: 'skincare' });
    const creator = (name: string, handle: string, ownerId: string, channels: Array<{ platform: Platform; handle: string }>) =>
      db.getRepository(Creator).save({ name, handle, ownerId, channels: channels.map((channel) => ({ ...channel, followers: 10_000 })) });
    creators = {
      asha: await creator('Asha Rao', 'asha.creates', team.talentManager.id, [
        { platform: Platform.Instagram, handle: '@asha' },
        { platform: Platform.TikTok, handle: 'sunnyskin.co' },
      ]),
      mia: await creator('Mia Tan', 'mia.makeup.co', team.talentManager.id, [{ platform: Platform.TikTok, handle: 'mia.makeup' }]),
      jo: await creator('Jo Park', 'jo.glows', team.talentManager.id, [{ platform: Platform.TikTok, handle: '@DailyGlowWithJo' }]),
      ravi: await creator('Ravi Iyer', 'ravi.reviews', otherTeam.talentManager.id, [{ platform: Platform.YouTube, handle: 'ravireviews' }]),
    };
  });

  afterAll(async () => {
    await system?.stop();
  });

  describe('creator sales', () => {
    it('stores a good file: new keys counted, amounts in minor units, the import listed and audited', async () => {
      const answer = await send(
        system,
        '/imports/creator-sales',
        as(team.talentManager),
        csv(
          'date,creator,orders,gmv,returns,cancellations,currency,status,brand',
          '2026-09-01,asha.creates,3,1249.50,0,24.99,USD,settled,GlowLab US',
          '2026-09-01,instagram:@ASHA,2,500,10.5,0,INR,pending,',
          `2026-09-02,Mia.Makeup.Co,1,99.99,0,0,usd,,${brand.id}`,
        ),
        { query: { filename: 'september.csv' } },
      );
      expect(answer).toEqual({ status: 200, body: { imported: 3, replaced: 0, rejected: [], rejectedCount: 0 } });

      const stored = await sales().find({ where: { creatorId: In([creators.asha.id, creators.mia.id]) }, order: { date: 'ASC', gmvMinor: 'DESC' } });
      expect(stored.map(({ creatorId, date, brandId, platform, orders, gmvMinor, returnsMinor, cancellationsMinor, currency, status }) => ({
        creatorId, date, brandId, platform, orders, gmvMinor, returnsMinor, cancellationsMinor, currency, status,
      }))).toEqual([
        { creatorId: creators.asha.id, date: '2026-09-01', brandId: brand.id, platform: null, orders: 3, gmvMinor: 124_950, returnsMinor: 0, cancellationsMinor: 2_499, currency: 'USD', status: 'settled' },
        { creatorId: creators.asha.id, date: '2026-09-01', brandId: null, platform: 'instagram', orders: 2, gmvMinor: 50_000, returnsMinor: 1_050, cancellationsMinor: 0, currency: 'INR', status: 'pending' },
        { creatorId: creators.mia.id, date: '2026-09-02', brandId: brand.id, platform: null, orders: 1, gmvMinor: 9_999, returnsMinor: 0, cancellationsMinor: 0, currency: 'USD', status: 'settled' },
      ]);

      const run = await system.database.db.getRepository(Import).findOneByOrFail({ id: stored[0].importId });
      expect(run).toMatchObject({ kind: 'creator_sales', format: 'canonical', fileName: 'september.csv', actorId: team.talentManager.id, imported: 3, replaced: 0, rejectedCount: 0, partial: false, outcome: 'stored' });
      const audit = await system.database.db.getRepository(AuditLog).findOneByOrFail({ entity: 'Import', entityId: run.id });
      expect(audit).toMatchObject({
        action: 'import.creator_sales',
        actorId: team.talentManager.id,
        actorRole: 'talent_manager',
        after: { fileName: 'september.csv', format: 'canonical', imported: 3, replaced: 0, rejectedCount: 0, partial: false, outcome: 'stored' },
      });
    });

    // Columns in another order; line 4 is empty and lines 6-7 are one record (a quoted line break).
    const withBadRows = csv(
      'creator,date,gmv,returns,cancellations,orders,currency',
      'jo.glows,2026-09-05,10.00,0,0,1,USD',
      'jo.glows,2026-09-06,"12,50",0,0,1,USD',
      '',
      'jo.glows,2026-09-07,5.00,0,0,1,USD',
      '"nobody',
      'here",2026-09-07,5.00,0,0,1,USD',
      'jo.glows,2026-09-08,5.001,0,0,1,USD',
      'ravi.reviews,2026-09-08,5.00,0,0,1,USD',
    );
    const expectedRejections = [
      { line: 3, column: 'gmv', message: '"12,50" contains ","; write amounts without thousands separators, with "." before the decimals' },
      { line: 6, column: 'creator', message: 'no creator has the handle "nobody\nhere"' },
      { line: 8, column: 'gmv', message: '"5.001" has 3 decimals; USD has 2' },
      { line: 9, column: 'creator', message: 'Creator "ravi.reviews" belongs to someone else; a talent manager acts only on their own' },
    ];

    it('refuses a file with bad rows as a whole: 400 listing every bad line, nothing stored', async () => {
      const answer = await send(system, '/imports/creator-sales', as(team.talentManager), withBadRows, { headers: { 'content-disposition': 'attachment; filename="jo-week.csv"' } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ imported: 0, replaced: 0, rejected: expectedRejections, rejectedCount: 4, message: expect.stringMatching(/^4 bad rows: nothing was stored/) });
      expect(await sales().countBy({ creatorId: creators.jo.id })).toBe(0);
      expect(await system.database.db.getRepository(Import).findOneByOrFail({ fileName: 'jo-week.csv' })).toMatchObject({ outcome: 'refused', rejectedCount: 4, imported: 0 });
    });

    it('stores the good rows of the same file with ?partial=true, listing the bad ones', async () => {
      const answer = await send(system, '/imports/creator-sales', as(team.talentManager), withBadRows, { query: { partial: 'true' } });
      expect(answer).toEqual({ status: 200, body: { imported: 2, replaced: 0, rejected: expectedRejections, rejectedCount: 4 } });
      const stored = await sales().find({ where: { creatorId: creators.jo.id }, order: { date: 'ASC' } });
      expect(stored.map((sale) => [sale.date, sale.gmvMinor])).toEqual([['2026-09-05', 1_000], ['2026-09-07', 500]]);
    });

    it('replaces the keys of a corrected file instead of doubling them; the later line of a key wins once', async () => {
      const corrected = csv(
        'creator,date,gmv,returns,cancellations,orders,currency',
        'jo.glows,2026-09-05,10.00,0,0,1,USD',
        'jo.glows,2026-09-06,12.50,0,0,1,USD',
        'jo.glows,2026-09-07,5.00,0,0,1,USD',
        'jo.glows,2026-09-07,7.00,0,0,2,USD',
        'jo.glows,2026-09-08,5.00,0,0,1,USD',
      );
      const first = await send(system, '/imports/creator-sales', as(team.talentManager), corrected);
      expect(first).toEqual({ status: 200, body: { imported: 2, replaced: 2, rejected: [], rejectedCount: 0 } });
      const again = await send(system, '/imports/creator-sales', as(team.talentManager), corrected);
      expect(again).toEqual({ status: 200, body: { imported: 0, replaced: 4, rejected: [], rejectedCount: 0 } });
      const stored = await sales().find({ where: { creatorId: creators.jo.id }, order: { date: 'ASC' } });
      expect(stored.map((sale) => [sale.date, sale.orders, sale.gmvMinor])).toEqual([
        ['2026-09-05', 1, 1_000],
        ['2026-09-06', 1, 1_250],
        ['2026-09-07', 2, 700],
        ['2026-09-08', 1, 500],
      ]);
    });

    it('reads a TikTok Shop affiliate orders export through its saved mapping (hand-computed canonical rows)', async () => {
      const exported = fs.readFileSync(path.join(__dirname, '../fixtures/imports/tiktok-shop-affiliate-orders.csv'), 'utf8');
      const answer = await send(system, '/imports/creator-sales', as(team.talentManager), exported, {
        query: { format: 'tiktok-shop-affiliate-orders', brand: 'glowlab us', filename: 'creator_order_all_20260901000000_20260904000000_1.csv' },
      });
      expect(answer).toEqual({ status: 200, body: { imported: 5, replaced: 0, rejected: [], rejectedCount: 0 } });
      const stored = await sales().find({ where: { platform: 'tiktok' }, order: { date: 'ASC', gmvMinor: 'ASC' } });
      const name = (id: string) => Object.entries(creators).find(([, creator]) => creator.id === id)![0];
      expect(stored.map((sale) => [sale.date, name(sale.creatorId), sale.brandId, sale.orders, sale.gmvMinor, sale.returnsMinor, sale.cancellationsMinor, sale.currency, sale.status])).toEqual([
        ['2026-09-01', 'asha', brand.id, 1, 2_249, 0, 0, 'USD', 'settled'],
        ['2026-09-01', 'mia', brand.id, 1, 5_184, 0, 0, 'USD', 'pending'],
        ['2026-09-02', 'mia', brand.id, 1, 1_800, 1_800, 0, 'USD', 'settled'],
        ['2026-09-02', 'asha', brand.id, 1, 2_499, 0, 2_499, 'USD', 'settled'],
        ['2026-09-03', 'jo', brand.id, 1, 124_950, 0, 0, 'USD', 'pending'],
      ]);
      expect(await system.database.db.getRepository(Import).findOneByOrFail({ format: 'tiktok-shop-affiliate-orders' })).toMatchObject({ imported: 5, outcome: 'stored' });

      const withoutFormat = await send(system, '/imports/creator-sales', as(team.talentManager), exported);
      expect(withoutFormat).toMatchObject({ status: 400, body: { rejected: [{ line: 1, message: expect.stringMatching(/send it with \?format=tiktok-shop-affiliate-orders/) }] } });

      const unknownBrand = await send(system, '/imports/creator-sales', as(team.talentManager), exported, { query: { format: 'tiktok-shop-affiliate-orders', brand: 'Nobody Inc' } });
      expect(unknownBrand).toMatchObject({ status: 400, body: { message: 'brand: no brand is called or has the id "Nobody Inc"' } });
    });

    it('reports bad export lines with their own line numbers', async () => {
      const exported = fs.readFileSync(path.join(__dirname, '../fixtures/imports/tiktok-shop-affiliate-orders.csv'), 'utf8').replace(',Ineligible,mia.makeup,', ',Ineligible,someone.else,');
      const answer = await send(system, '/imports/creator-sales', as(team.talentManager), exported, { query: { format: 'tiktok-shop-affiliate-orders' } });
      expect(answer).toMatchObject({
        status: 400,
        body: { rejected: [{ line: 6, column: 'Creator Username', message: 'no creator has the tiktok channel "someone.else"' }], rejectedCount: 1 },
      });
    });

    it('lets each role import only for the creators it reaches; finance not at all', async () => {
      const row = (creator: string, day: string) => csv('date,creator,orders,gmv,returns,cancellations,currency', `2026-10-${day},${creator},1,1.00,0,0,USD`);
      const outsider = await send(system, '/imports/creator-sales', as(otherTeam.talentManager, otherTeam.password), row('asha.creates', '01'));
      expect(outsider).toMatchObject({ status: 400, body: { rejected: [{ line: 2, column: 'creator', message: 'Creator "asha.creates" belongs to someone else; a talent manager acts only on their own' }] } });
      const otherManager = await send(system, '/imports/creator-sales', as(otherTeam.manager, otherTeam.password), row('asha.creates', '01'));
      expect(otherManager.body.rejected[0].message).toBe('Creator "asha.creates" belongs to someone outside your team; a manager acts only on their team\'s');

      expect((await send(system, '/imports/creator-sales', as(team.manager), row('asha.creates', '02'))).body).toMatchObject({ imported: 1 });
      expect((await send(system, '/imports/creator-sales', system.basic(system.admin.email, system.admin.password), row('ravi.reviews', '03'))).body).toMatchObject({ imported: 1 });

      const finance = await send(system, '/imports/creator-sales', as(team.finance), row('asha.creates', '04'));
      expect(finance).toMatchObject({ status: 403, body: { message: expect.stringMatching(/^A finance may not do this/) } });
      expect(await sales().countBy({ date: '2026-10-04' })).toBe(0);
    });

    it('previews a file with ?dryRun=true: what it would do, the first rows and the bad ones, storing nothing', async () => {
      const before = await sales().count();
      const imports = await system.database.db.getRepository(Import).count();
      const answer = await send(
        system,
        '/imports/creator-sales',
        as(team.talentManager),
        csv('date,creator,orders,gmv,returns,cancellations,currency', '2026-09-05,jo.glows,1,11.00,0,0,USD', '2026-11-01,jo.glows,1,1.00,0,0,USD', '2026-11-02,jo.glows,x,1.00,0,0,USD'),
        { query: { dryRun: 'true', partial: 'true' } },
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        dryRun: true,
        imported: 1,
        replaced: 1,
        rows: 2,
        rejectedCount: 1,
        rejected: [{ line: 4, column: 'orders', message: '"x" is not a whole number (digits only)' }],
        preview: [
          expect.objectContaining({ line: 2, date: '2026-09-05', creator: 'jo.glows', creatorId: creators.jo.id, gmvMinor: 1_100 }),
          expect.objectContaining({ line: 3, date: '2026-11-01' }),
        ],
      });
      expect(await sales().count()).toBe(before);
      expect(await system.database.db.getRepository(Import).count()).toBe(imports);
    });

    it('refuses what is not CSV with 415, and a header it cannot read with 400', async () => {
      const json = await fetch(`${system.baseUrl}/imports/creator-sales`, {
        method: 'POST',
        headers: { authorization: as(team.talentManager), 'content-type': 'application/json' },
        body: JSON.stringify([{ date: '2026-09-01' }]),
      });
      expect(json.status).toBe(415);
      expect(((await json.json()) as { message: string }).message).toBe('Send the file as the request body with Content-Type: text/csv (got application/json)');

      const header = await send(system, '/imports/creator-sales', as(team.talentManager), csv('day,creator,orders,gmv,returns,cancellations,currency', '2026-09-01,jo.glows,1,1,0,0,USD'));
      expect(header).toMatchObject({
        status: 400,
        body: { message: 'The file could not be read (see rejected): nothing was stored', rejectedCount: 1, rejected: [{ line: 1, column: 'day', message: expect.stringMatching(/unknown column "day"/) }] },
      });
      const broken = await send(system, '/imports/creator-sales', as(team.talentManager), csv('date,creator,orders,gmv,returns,cancellations,currency', '2026-09-01,"jo.glows"x,1,1,0,0,USD'), { query: { partial: 'true' } });
      expect(broken).toMatchObject({ status: 400, body: { rejected: [{ line: 2, column: null, message: expect.stringMatching(/^the file is not valid CSV from here on/) }] } });
    });

    it('streams a 100,000-row file with bounded memory', async () => {
      // 50 more creators of the talent manager's; 2,000 days each.
      const db = system.database.db;
      await db.query(
        `INSERT INTO "creators" ("name", "handle", "ownerId") SELECT 'Bulk ' || n, 'bulk.' || n, $1 FROM generate_series(0, 49) n`,
        [team.talentManager.id],
      );
      const header = 'date,creator,orders,gmv,returns,cancellations,currency,status';
      async function* rows(count: number) {
        yield `${header}\n`;
        let chunk = '';
        for (let i = 0; i < count; i += 1) {
          const date = new Date(Date.UTC(2018, 0, 1) + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10);
          chunk += `${date},bulk.${i % 50},${i % 7},${(i % 1_000) + 1}.25,0.50,0,USD,${i % 3 === 0 ? 'pending' : 'settled'}\n`;
          if (chunk.length > 64_000) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      }
      // Warm up (modules loaded, pools filled), then measure from the resident set after it.
      expect((await send(system, '/imports/creator-sales', as(team.talentManager), rows(1_000), { query: { dryRun: 'true' } })).status).toBe(200);
      const pid = system.pid('api')!;
      const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
      const baseline = rss();
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rss());
      }, 50);
      const started = Date.now();
      let answer: Answer;
      try {
        answer = await send(system, '/imports/creator-sales', as(team.talentManager), rows(100_000), { query: { filename: 'bulk.csv' } });
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, rss());
      const seconds = (Date.now() - started) / 1000;
      const growthMb = (peak - baseline) / 1024 / 1024;
      // Reported, not asserted on time: the figures go to docs/imports.md.
      console.log(`100,000 creator-sales rows: ${seconds.toFixed(1)} s, API resident set ${(baseline / 1048576).toFixed(0)} MB → peak ${(peak / 1048576).toFixed(0)} MB (+${growthMb.toFixed(1)} MB)`);
      expect(answer).toEqual({ status: 200, body: { imported: 100_000, replaced: 0, rejected: [], rejectedCount: 0 } });
      expect(growthMb).toBeLessThan(150);
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM "creator_sales" s JOIN "creators" c ON c."id" = s."creatorId" WHERE c."handle" LIKE 'bulk.%'`);
      expect(count).toBe(100_000);
    }, 600_000);
  });

  describe('post performance', () => {
    let reel: Deliverable;
    let othersReel: Deliverable;

    beforeAll(async () => {
      const db = system.database.db;
      const live = (collaborationId: string, liveUrl: string) =>
        db.getRepository(Deliverable).save({ collaborationId, type: DeliverableType.Reel, platform: Platform.Instagram, status: DeliverableStatus.Verified, liveUrl, postedAt: new Date('2026-09-01T10:00:00Z') });
      reel = await live((await createBookingRow(db, team)).id, 'https://www.instagram.com/reel/AbC123/');
      othersReel = await live((await createBookingRow(db, otherTeam)).id, 'https://www.instagram.com/reel/Other9/');
    });

    const readings = () => system.database.db.getRepository(PerformanceSnapshot).find({ where: { deliverableId: reel.id, label: 'imported' as never }, order: { capturedAt: 'ASC' } });

    it('stores readings by post URL or deliverable id as imported snapshots, NMV derived; a re-import replaces them', async () => {
      const file = csv(
        'post_url,deliverable_id,captured_at,views,reach,likes,comments,shares,saves,clicks,orders,gmv,returns,cancellations,currency',
        'https://WWW.Instagram.com/reel/AbC123,,2026-09-02T10:00:00Z,1000,800,50,4,3,2,20,2,100.00,10.00,5.00,USD',
        `,${reel.id},2026-09-08T10:00:00+05:30,5000,,,,,,,,,,,`,
      );
      expect(await send(system, '/imports/post-performance', as(team.talentManager), file)).toEqual({ status: 200, body: { imported: 2, replaced: 0, rejected: [], rejectedCount: 0 } });
      const [day, week] = await readings();
      expect(day).toMatchObject({ source: 'import', capturedAt: new Date('2026-09-02T10:00:00Z'), views: 1_000, reach: 800, likes: 50, clicks: 20, orders: 2, gmvMinor: 10_000, returnsMinor: 1_000, cancellationsMinor: 500, nmvMinor: 8_500, currency: 'USD' });
      expect(week).toMatchObject({ capturedAt: new Date('2026-09-08T04:30:00Z'), views: 5_000, likes: null, gmvMinor: null, nmvMinor: null, currency: null });

      const corrected = csv('post_url,captured_at,views', 'https://www.instagram.com/reel/AbC123/,2026-09-02T10:00:00Z,1100');
      expect(await send(system, '/imports/post-performance', as(team.talentManager), corrected)).toEqual({ status: 200, body: { imported: 0, replaced: 1, rejected: [], rejectedCount: 0 } });
      expect((await readings()).map((reading) => reading.views)).toEqual([1_100, 5_000]);
    });

    it("refuses unknown posts and another team's post as bad rows, all or nothing", async () => {
      const file = csv(
        'post_url,captured_at,views',
        'https://www.instagram.com/reel/AbC123/,2026-09-03T10:00:00Z,1200',
        'https://www.instagram.com/reel/Nope/,2026-09-03T10:00:00Z,1',
        'https://www.instagram.com/reel/Other9,2026-09-03T10:00:00Z,1',
        'https://www.instagram.com/reel/AbC123/,2026-09-03T10:00:00Z,',
      );
      const answer = await send(system, '/imports/post-performance', as(team.talentManager), file);
      expect(answer).toMatchObject({
        status: 400,
        body: {
          imported: 0,
          rejectedCount: 3,
          rejected: [
            { line: 3, column: 'post_url', message: 'no deliverable went live at https://www.instagram.com/reel/Nope' },
            { line: 4, column: 'post_url', message: 'The post https://www.instagram.com/reel/Other9 belongs to someone else; a talent manager acts only on their own' },
            { line: 5, column: null, message: expect.stringMatching(/^the row has no numbers/) },
          ],
        },
      });
      expect(await readings()).toHaveLength(2);
      expect(await system.database.db.getRepository(PerformanceSnapshot).countBy({ deliverableId: othersReel.id })).toBe(0);
    });
  });
});

describe('imports past the size limit', () => {
  let system: RunningSystem;
  let team: Team;

  beforeAll(async () => {
    system = await startSystem({ env: { IMPORT_MAX_BYTES: '2000' } });
    team = await createTeam(system.database.db);
    await system.database.db.getRepository(Creator).save({ name: 'Asha Rao', handle: 'asha', ownerId: team.talentManager.id });
  });

  afterAll(async () => {
    await system?.stop();
  });

  const file = (rows: number) =>
    csv('date,creator,orders,gmv,returns,cancellations,currency', ...Array.from({ length: rows }, (_row, i) => `${new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)},asha,1,1.00,0,0,USD`));

  it('answers 413 from Content-Length, and while streaming a body that declares none; nothing stored', async () => {
    const auth = system.basic(team.talentManager.email, team.password);
    expect(Buffer.byteLength(file(100))).toBeGreaterThan(2000);
    const declared = await send(system, '/imports/creator-sales', auth, file(100));
    expect(declared).toMatchObject({ status: 413, body: { message: `The file is ${Buffer.byteLength(file(100))} bytes; an import takes at most 2000` } });

    // Streamed (no Content-Length): counted as it arrives, refused past the limit even though its rows are bad too.
    async function* chunks(text: string) {
      for (const line of text.split(/(?<=\n)/)) yield line;
    }
    const readings = csv('deliverable_id,captured_at,views', ...Array.from({ length: 60 }, () => `${randomUUID()},2026-09-02T10:00:00Z,1`));
    const streamed = await send(system, '/imports/post-performance', auth, chunks(readings));
    expect(streamed).toMatchObject({ status: 413, body: { message: 'The file is larger than 2000 bytes, the most an import takes' } });
    const streamedSales = await send(system, '/imports/creator-sales', auth, chunks(file(100)));
    expect(streamedSales).toMatchObject({ status: 413, body: { message: 'The file is larger than 2000 bytes, the most an import takes' } });
    expect(await system.database.db.getRepository(CreatorSale).count()).toBe(0);
    expect(await system.database.db.getRepository(Import).count()).toBe(0);

    // Within the limit, the same route stores.
    expect(await send(system, '/imports/creator-sales', auth, file(20))).toMatchObject({ status: 200, body: { imported: 20 } });
  });
});
