import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hashPassword } from '../../libs/auth/passwords';
import { User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { createTeam, sampleDeliverables, Team } from '../support/fixtures';
import { FuzzRequest, OpenApiDocument, operationsOf, requestArbitrary } from '../support/openapi-fuzz';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Property-based requests from the OpenAPI document against the built API and worker: every
 * route, every role (and none, and a wrong password), real and unknown ids, bodies valid,
 * broken in one field, or any JSON. The properties: no answer is a 5xx, and a request answered
 * 4xx changes nothing (a fingerprint of every record table before and after it).
 *
 * Requests go four at a time. When records changed across a batch (a success in it, workflow
 * work an earlier success started, or a refusal that should have changed nothing), each refused
 * request of the batch is sent again alone once the records are still, and only a change across
 * that send counts against it; when it shows one, a second lone send must change them again, since
 * a workflow's own timer (a campaign starting, a reminder) may have written meanwhile. Bounded by
 * count and time.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5_000);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 170_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
/** Requests in flight at once; a batch that changed anything has its refused requests checked one by one. */
const LANES = Number(process.env.FUZZ_LANES ?? 4);

/** Written by requests for their own bookkeeping, not records: sessions, throttles, the keys of refused requests. */
const NOT_RECORDS = new Set(['migrations', 'admin_session', 'login_throttle', 'request_keys']);

describe('fuzzing the REST API from its OpenAPI document', () => {
  let system: RunningSystem;
  let team: Team;
  let tables: string[];
  const credentials: Array<string | null> = [];

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    const admin = await system.database.db.getRepository(User).save({
      email: `admin-${randomBytes(4).toString('hex')}@test.local`, name: 'Ada Admin', role: Role.Admin, passwordHash: await hashPassword(team.password),
    });
    const people = [team.talentManager.email, team.manager.email, team.finance.email, admin.email].map((email) => system.basic(email, team.password));
    // Each person also through an API key: wrong passwords soon lock out the test's address
    // (the per-address login throttle), and keys keep every role in play after that.
    const keys: string[] = [];
    for (const person of people) {
      const created = await requestJson(system.baseUrl, 'POST', '/api-keys', person, { name: 'fuzz' });
      expect(created.status).toBe(201);
      keys.push(`Bearer ${created.body.token}`);
    }
    credentials.push(...people, ...keys, ...keys, null, system.basic(`nobody-${randomBytes(4).toString('hex')}@test.local`, randomBytes(12).toString('hex')));
    tables = (
      await system.database.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
    ).map((row: { tablename: string }) => row.tablename).filter((table: string) => !NOT_RECORDS.has(table));
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** A booking in NEGOTIATING with terms on the table, and one just briefed, so decision routes meet real state. */
  async function seed() {
    const as = credentials[0];
    const call = (method: string, path: string, body?: unknown) => requestJson(system.baseUrl, method, path, as, body);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const brand = await call('POST', '/brands', { name: `Fuzz ${randomBytes(3).toString('hex')}`, category: 'skincare' });
    const creators = [];
    for (const n of [1, 2]) {
      creators.push(
        await call('POST', '/creators', {
          name: `Creator ${n}`, handle: `fuzz.${n}.${randomBytes(3).toString('hex')}`, niches: ['beauty'],
          channels: [{ platform: 'instagram', handle: `@fuzz${n}`, followers: 10000, engagementRate: 0.03 }], payoutReference: `tok_${randomBytes(5).toString('hex')}`,
        }),
      );
    }
    const campaign = await call('POST', '/campaigns', {
      brandId: brand.body.id, name: 'Fuzz', budgetMinor: 100_000_000, currency: 'INR', startsOn: day(1), endsOn: day(90), ownerId: team.manager.id,
    });
    const bookings = [];
    for (const creator of creators) {
      const booked = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId: creator.body.id, brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000 });
      expect(booked.status).toBe(201);
      bookings.push(booked.body.id as string);
    }
    expect((await call('POST', `/collaborations/${bookings[0]}/acknowledge-brief`)).status).toBe(200);
    // The conflict check runs after the acknowledgement answers; terms wait for NEGOTIATING.
    for (let i = 0; i < 100 && (await call('GET', `/collaborations/${bookings[0]}`)).body.collaboration.stage !== 'NEGOTIATING'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const terms = { brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables() };
    expect((await call('POST', `/collaborations/${bookings[0]}/terms`, terms)).status).toBe(200);
    return { brandId: brand.body.id as string, creatorIds: creators.map((c) => c.body.id as string), campaignId: campaign.body.id as string, bookings };
  }

  /**
   * Traces a refused request leaves on purpose, left out of the fingerprint: the audit of a
   * sign-in failure that locks an account; a refused import, listed and audited with its bad
   * rows (docs/imports.md) while nothing of it is stored; when an API key was last used.
   */
  const TRACES: Record<string, string> = {
    audit_log: `t."action" NOT LIKE 'auth.%' AND NOT (t."action" LIKE 'import.%' AND t."after"->>'outcome' = 'refused')`,
    imports: `t."outcome" <> 'refused'`,
  };

  /** One hash per record table, in one query. */
  async function fingerprint(): Promise<Record<string, string>> {
    const rowText = `(to_jsonb(t) - 'lastUsedAt')::text`;
    const hashes = tables.map(
      (table) =>
        `(SELECT md5(coalesce(string_agg(md5(${rowText}), '' ORDER BY md5(${rowText})), '')) FROM "${table}" t${TRACES[table] ? ` WHERE ${TRACES[table]}` : ''}) AS "${table}"`,
    );
    const [row] = await system.database.db.query(`SELECT ${hashes.join(', ')}`);
    return row;
  }

  /** Until three fingerprints 100 ms apart agree (workflows have finished what earlier requests started). */
  async function settled(): Promise<Record<string, string>> {
    let previous = await fingerprint();
    let unchanged = 0;
    for (let i = 0; i < 40 && unchanged < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const next = await fingerprint();
      unchanged = JSON.stringify(next) === JSON.stringify(previous) ? unchanged + 1 : 0;
      previous = next;
    }
    return previous;
  }

  async function send(request: FuzzRequest): Promise<number> {
    const authorization = credentials[request.as];
    const response = await fetch(`${system.baseUrl}${request.url}`, {
      method: request.method,
      headers: { ...(authorization ? { authorization } : {}), ...(request.contentType ? { 'content-type': request.contentType } : {}) },
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  }

  it(`answers ${REQUESTS} generated requests with no 5xx, and changes nothing on a 4xx`, async () => {
    const records = await seed();
    const document = (await (await fetch(`${system.baseUrl}/docs-json`)).json()) as OpenApiDocument;
    const operations = operationsOf(document);
    const db = system.database.db;
    const rowsOf = async (sql: string, ...params: unknown[]) => ((await db.query(sql, params)) as Array<{ id: string }>).map((row) => row.id);
    const deliverables = await rowsOf(`SELECT "id" FROM "deliverables"`);
    const contracts = await rowsOf(`SELECT "id" FROM "contracts"`);
    const users = [team.talentManager.id, team.manager.id, team.finance.id];
    const idsFor = (path: string, parameter: string): string[] => {
      if (parameter === 'deliverableId') return deliverables;
      if (parameter === 'contractId') return contracts;
      if (parameter === 'escalationId') return [];
      const resource = path.split('/')[1];
      if (resource === 'brands') return [records.brandId];
      if (resource === 'creators') return records.creatorIds;
      if (resource === 'campaigns') return [records.campaignId];
      if (resource === 'collaborations') return records.bookings;
      return [...users, ...records.bookings, records.campaignId, ...records.creatorIds, records.brandId];
    };
    const requests = fc.sample(requestArbitrary(operations, idsFor, credentials.length), { seed: SEED, numRuns: REQUESTS });

    const started = Date.now();
    const byStatus: Record<number, number> = {};
    const serverErrors: string[] = [];
    const changesAfterRefusal: string[] = [];
    const operationsHit = new Set<string>();
    const refusedAlone = (status: number) => status >= 400 && status < 500;
    const differs = (a: Record<string, string>, b: Record<string, string>) => tables.filter((table) => a[table] !== b[table]);
    const describe = (request: FuzzRequest) => `${request.method} ${request.url} as #${request.as} ${request.contentType ?? ''} ${request.body?.slice(0, 300) ?? ''}`;
    let before = await settled();
    let sent = 0;
    let rechecked = 0;
    for (let i = 0; i < requests.length && Date.now() - started <= TIME_LIMIT_MS; i += LANES) {
      const batch = requests.slice(i, i + LANES);
      const statuses = await Promise.all(batch.map(send));
      sent += batch.length;
      batch.forEach((request, j) => {
        operationsHit.add(request.operation);
        byStatus[statuses[j]] = (byStatus[statuses[j]] ?? 0) + 1;
        if (statuses[j] >= 500) serverErrors.push(`${statuses[j]} ${describe(request)}`);
      });
      const after = await fingerprint();
      const refused = batch.filter((_, j) => refusedAlone(statuses[j]));
      if (!differs(after, before).length || !refused.length) {
        before = after;
        continue;
      }
      // Something changed: a success in the batch, earlier work settling, or a refusal that
      // should have changed nothing. Each refused request is sent again alone to tell.
      let still = await settled();
      for (const request of refused) {
        // A workflow's own timer (a campaign starting, a reminder) can write while the request
        // is in flight: a change counts only when the refused request, sent alone twice on still
        // records, changes them both times.
        let changed: string[] = [];
        let again = 0;
        for (let attempt = 0; attempt < 2 && (attempt === 0 || changed.length); attempt += 1) {
          if (attempt > 0) still = await settled();
          again = await send(request);
          const afterAgain = await fingerprint();
          changed = refusedAlone(again) ? differs(afterAgain, still) : [];
          still = changed.length ? still : afterAgain;
        }
        if (changed.length) changesAfterRefusal.push(`${again} ${describe(request)} changed ${changed.join(', ')}`);
        rechecked += 1;
        if (changed.length) still = await settled();
      }
      before = still;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `fuzz: ${sent} requests in ${seconds} s over ${operationsHit.size} of ${operations.length} operations (seed ${SEED}); ` +
        `by status ${JSON.stringify(byStatus)}; 5xx = ${serverErrors.length}; state changes after 4xx = ${changesAfterRefusal.length} ` +
        `(${LANES} at a time; ${rechecked} refused requests sent again alone after a batch that changed something)\n`,
    );
    if (serverErrors.length || changesAfterRefusal.length) {
      // The requests to replay and what the API logged about them (FUZZ_SEED reproduces the run).
      const errors = system.logs().split('\n').filter((line) => /ERROR|→ 5\d\d|^\s+at /.test(line));
      mkdirSync('test-artifacts', { recursive: true });
      writeFileSync('test-artifacts/fuzz-failures.txt', [...serverErrors, '', ...changesAfterRefusal, '', ...errors.slice(0, 400)].join('\n'));
    }
    expect(serverErrors.slice(0, 20)).toEqual([]);
    expect(changesAfterRefusal.slice(0, 20)).toEqual([]);
    expect(operationsHit.size).toBe(operations.length);
    expect(sent).toBe(REQUESTS);
  }, TIME_LIMIT_MS + 120_000);
});
