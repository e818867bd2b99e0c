import { parse } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../libs/auth/passwords';
import { Creator, Target, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { CreatorStatus } from '../../libs/domain/rules/statuses';
import { generateSalesHistory, salesCsv, type GeneratedHistory } from '../support/forecast-dataset';
import { panelPost, panelSignIn } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Planning through the REST API on a generated sales history (imported through POST
 * /imports/creator-sales, ending October 2026): the forecast per executive and team for a quarter
 * and a year, targets set at forecast + stretch % as Target rows with who and when, the KPI board
 * tracking them, the CSV, and the refusals.
 */
describe('Planning through the REST API', () => {
  let system: RunningSystem;
  let history: GeneratedHistory;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const people: Record<'mia' | 'tom' | 'uma' | 'zed' | 'zoe', User> = {} as never;
  const ownerOf = new Map<string, string>();
  const as = (user: { email: string }) => system.basic(user.email, password);
  const admin = () => system.basic(system.admin.email, system.admin.password);
  const get = (route: string, authorization = admin()) => requestJson(system.baseUrl, 'GET', route, authorization);
  const post = (body: unknown, authorization = admin()) => requestJson(system.baseUrl, 'POST', '/planning/targets', authorization, body);
  const targets = () => system.database.db.getRepository(Target).find({ order: { periodStart: 'ASC' } });

  beforeAll(async () => {
    system = await startSystem();
    const db = system.database.db;
    const passwordHash = await hashPassword(password);
    const user = (email: string, name: string, role: Role, managerId: string | null) => db.getRepository(User).save(db.getRepository(User).create({ email, name, role, managerId, passwordHash }));
    people.mia = await user('mia@planning.test', 'Mia Manager', Role.Manager, null);
    people.tom = await user('tom@planning.test', 'Tom Talent', Role.TalentManager, people.mia.id);
    people.uma = await user('uma@planning.test', 'Uma Talent', Role.TalentManager, people.mia.id);
    people.zed = await user('zed@planning.test', 'Zed Manager', Role.Manager, null);
    people.zoe = await user('zoe@planning.test', 'Zoe Talent', Role.TalentManager, people.zed.id);

    history = generateSalesHistory('2026-10', 24);
    // One of Tom's creators also sells in dollars: his plan has a target per currency.
    history.creators[0].rows.push({ date: '2026-08-04', gmvMinor: 40_000, returnsMinor: 0, currency: 'USD' }, { date: '2026-09-04', gmvMinor: 50_000, returnsMinor: 0, currency: 'USD' });
    const owners = [people.tom, people.uma, people.zoe];
    for (const [i, generated] of history.creators.entries()) {
      const owner = owners[i % 3];
      const creator = await db.getRepository(Creator).save(db.getRepository(Creator).create({ name: generated.name, handle: generated.handle, ownerId: owner.id, status: CreatorStatus.Active }));
      ownerOf.set(generated.handle, owner.id);
      expect(creator.id).toBeTruthy();
    }
    const response = await fetch(`${system.baseUrl}/imports/creator-sales?filename=planning-sales.csv`, {
      method: 'POST',
      headers: { authorization: admin(), 'content-type': 'text/csv' },
      body: salesCsv(history),
    });
    expect(response.status).toBe(200);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers the forecast per executive for a quarter, per quarter and currency, with its bounds, back-test and the proposed target', async () => {
    const { status, body } = await get('/planning?period=quarter&start=2027-01-01&level=talentManager&stretchPercent=10&asOf=2026-10');
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: '2026-10', level: 'talentManager', horizon: 5, stretchPercent: 10, period: { kind: 'quarter', start: '2027-01-01', end: '2027-04-01', label: '2027-Q1' } });
    expect(body.items.map((item: any) => [item.name, item.currency])).toEqual([
      ['Tom Talent', 'INR'],
      ['Tom Talent', 'USD'],
      ['Uma Talent', 'INR'],
      ['Zoe Talent', 'INR'],
    ]);
    // The same forecast as GET /forecasts/nmv, reaching further: its first months agree.
    const forecast = await get('/forecasts/nmv?level=talentManager&horizon=3&asOf=2026-10');
    for (const item of body.items) {
      const [quarter] = item.quarters;
      expect(quarter).toMatchObject({ start: '2027-01-01', label: '2027-Q1', target: null });
      expect(quarter.lowMinor).toBeLessThanOrEqual(quarter.forecastMinor);
      expect(quarter.highMinor).toBeGreaterThanOrEqual(quarter.forecastMinor);
      expect(quarter.proposedMinor).toBe(Math.round(quarter.forecastMinor * 1.1));
      expect(Object.keys(item.backtest).sort()).toEqual(['mase', 'meanOf3Mase', 'naiveMase', 'wape']);
      expect(forecast.body.items.some((f: any) => f.id === item.id && f.currency === item.currency)).toBe(true);
    }
    const tom = body.items.find((item: any) => item.id === people.tom.id && item.currency === 'INR');
    expect(tom.quarters[0].forecastMinor).toBeGreaterThan(0);
    // Within a manager's reach: their own team's executives only.
    const mia = await get('/planning?period=quarter&start=2027-01-01&level=talentManager&asOf=2026-10', as(people.mia));
    expect([...new Set(mia.body.items.map((item: any) => item.name))]).toEqual(['Tom Talent', 'Uma Talent']);
  });

  it('back-tests the forecast at the plan’s own horizon (the figures quoted in docs/metrics.md#planning)', async () => {
    for (const [period, start, horizon] of [['quarter', '2027-01-01', 5], ['year', '2027-01-01', 14]] as const) {
      for (const level of ['talentManager', 'team']) {
        const { body } = await get(`/planning?period=${period}&start=${start}&level=${level}&asOf=2026-10`);
        expect(body.horizon).toBe(horizon);
        const inr = body.items.filter((item: any) => item.currency === 'INR');
        expect(inr.length).toBeGreaterThan(0);
        const mean = (key: string) => inr.reduce((sum: number, item: any) => sum + item.backtest[key], 0) / inr.length;
        for (const item of inr) expect(Number.isFinite(item.backtest.mase)).toBe(true);
        console.log(`planning back-test, ${level}, ${period} (h=${horizon}), ${inr.length} INR items: mase ${mean('mase').toFixed(2)}, naive ${mean('naiveMase').toFixed(2)}, meanOf3 ${mean('meanOf3Mase').toFixed(2)}, wape ${mean('wape').toFixed(2)}`);
      }
    }
  });

  it('sets a quarter’s targets from forecast + stretch as Target rows with who and when; the KPI board tracks them with their attainment', async () => {
    // As of September, Q4 2026 had not begun: its plan is made then, and October's sales are its actuals so far.
    const before = Date.now();
    const { status, body } = await post({ period: 'quarter', start: '2026-10-01', level: 'team', stretchPercent: 12.5, asOf: '2026-09' }, as(people.mia));
    expect(status).toBe(200);
    // Mia's team sells in rupees and (Tom's creator, from August) in dollars: a target in each.
    expect(body).toMatchObject({ created: 2, updated: 0, unchanged: 0, skipped: [] });
    const team = body.plan.items.find((item: any) => item.id === people.mia.id && item.currency === 'INR');
    const [quarter] = team.quarters;
    expect(quarter.target).toMatchObject({ valueMinor: quarter.proposedMinor, setBy: { id: people.mia.id, name: 'Mia Manager' } });
    expect(quarter.proposedMinor).toBe(Math.round(quarter.forecastMinor * 1.125));

    const rows = (await targets()).filter((t) => t.teamManagerId === people.mia.id).sort((a, b) => String(a.currency).localeCompare(String(b.currency)));
    expect(rows.map((t) => t.currency)).toEqual(['INR', 'USD']);
    expect(rows[0]).toMatchObject({ period: 'quarter', periodStart: '2026-10-01', metric: 'nmv', currency: 'INR', valueNumeric: String(quarter.proposedMinor), setById: people.mia.id, userId: null });
    expect(rows[0].setAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audited: Array<{ actorId: string; action: string }> = await system.database.db.query(`SELECT "actorId", "action" FROM "audit_log" WHERE "entity" = 'Target' AND "entityId" = $1`, [rows[0].id]);
    expect(audited).toEqual([{ actorId: people.mia.id, action: 'created' }]);

    const board = await get(`/kpis?scope=team&id=${people.mia.id}&period=quarter&start=2026-10-01`, as(people.mia));
    expect(board.status).toBe(200);
    const nmv = board.body.kpis.find((row: any) => row.id === 'nmv' && row.currency === 'INR');
    // October's NMV of the creators of Tom and Uma (Mia's reports), against the target set.
    const october = history.months.indexOf('2026-10');
    const actual = history.creators.filter((c) => ownerOf.get(c.handle) !== people.zoe.id).reduce((sum, c) => sum + c.nmv[october], 0);
    expect(nmv).toMatchObject({ actual, target: quarter.proposedMinor, met: false });
    expect(nmv.progress).toBeCloseTo(actual / quarter.proposedMinor, 6);
  });

  it('plans a year as four quarterly targets per executive and currency, idempotently', async () => {
    const request = { period: 'year', start: '2027-01-01', level: 'talentManager', stretchPercent: 10, asOf: '2026-10' };
    const first = await post(request, as(people.mia));
    expect(first.status).toBe(200);
    // Tom (INR, USD) and Uma (INR), four quarters each.
    expect(first.body).toMatchObject({ created: 12, updated: 0, unchanged: 0 });
    const stored = (await targets()).filter((t) => t.userId === people.tom.id);
    expect(stored.map((t) => `${t.periodStart} ${t.currency}`).sort()).toEqual(
      ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'].flatMap((start) => [`${start} INR`, `${start} USD`]),
    );
    expect(stored.every((t) => t.period === 'quarter' && t.metric === 'nmv' && t.setById === people.mia.id)).toBe(true);
    const tom = first.body.plan.items.find((item: any) => item.id === people.tom.id && item.currency === 'INR');
    expect(tom.quarters.map((q: any) => q.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(tom.total.targetMinor).toBe(tom.quarters.reduce((sum: number, q: any) => sum + q.proposedMinor, 0));

    // The same request again changes nothing, not even who and when.
    const setAt = stored.map((t) => t.setAt.toISOString()).sort();
    const again = await post(request, as(people.mia));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    expect((await targets()).filter((t) => t.userId === people.tom.id).map((t) => t.setAt.toISOString()).sort()).toEqual(setAt);

    // An admin resets Tom's alone at another stretch: his 8 are updated and carry the admin's name.
    const reset = await post({ ...request, stretchPercent: 20, ids: [people.tom.id] });
    expect(reset.body).toMatchObject({ created: 0, updated: 8, unchanged: 0 });
    const after = (await targets()).filter((t) => t.userId === people.tom.id);
    const adminUser = await system.database.db.getRepository(User).findOneByOrFail({ email: system.admin.email });
    expect(after.every((t) => t.setById === adminUser.id)).toBe(true);
    expect((await targets()).filter((t) => t.userId === people.uma.id).every((t) => t.setById === people.mia.id)).toBe(true);

    // The KPI board of an executive tracks a quarter of the year's plan.
    const board = await get(`/kpis?scope=executive&id=${people.tom.id}&period=quarter&start=2027-04-01`, as(people.mia));
    const usd = board.body.kpis.find((row: any) => row.id === 'nmv' && row.currency === 'USD');
    const q2 = reset.body.plan.items.find((item: any) => item.id === people.tom.id && item.currency === 'USD').quarters[1];
    expect(usd).toMatchObject({ actual: 0, target: q2.target.valueMinor, progress: q2.target.valueMinor ? 0 : null, met: q2.target.valueMinor ? false : true });
  });

  it('exports the plan as CSV, one line per subject, currency and quarter, with who set each target', async () => {
    const { status, text } = await get('/planning.csv?period=year&start=2027-01-01&level=talentManager&stretchPercent=20&asOf=2026-10', as(people.mia));
    expect(status).toBe(200);
    const records: Record<string, string>[] = parse(text, { columns: true });
    expect(Object.keys(records[0])).toEqual([
      'period', 'periodStart', 'level', 'id', 'name', 'currency', 'asOf', 'model', 'forecastMinor', 'lowMinor', 'highMinor', 'mase', 'naiveMase', 'meanOf3Mase',
      'stretchPercent', 'proposedMinor', 'targetMinor', 'setById', 'setBy', 'setAt',
    ]);
    // Tom in two currencies and Uma in one, four quarters each.
    expect(records).toHaveLength(12);
    for (const record of records) {
      expect(record).toMatchObject({ period: 'quarter', level: 'talentManager', asOf: '2026-10', stretchPercent: '20' });
      expect(Number(record.proposedMinor)).toBe(Math.round(Number(record.forecastMinor) * 1.2));
      expect(record.setAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const adminUser = await system.database.db.getRepository(User).findOneByOrFail({ email: system.admin.email });
    const toms = records.filter((r) => r.id === people.tom.id);
    expect(toms).toHaveLength(8);
    // Tom's were reset at 20 %, the stretch asked for here: the stored target is the proposed one.
    expect(toms.every((r) => r.targetMinor === r.proposedMinor && r.setById === adminUser.id && r.setBy === adminUser.name)).toBe(true);
    expect(records.filter((r) => r.id === people.uma.id).every((r) => r.setBy === 'Mia Manager' && r.setById === people.mia.id)).toBe(true);
  });

  it('records who set a target and when for targets created and edited in the panel too, and the plan shows them', async () => {
    const mia = await panelSignIn(system.baseUrl, people.mia.email, password);
    const before = Date.now();
    const created = await panelPost(system.baseUrl, mia, '/admin/api/resources/Target/actions/new', {
      metric: 'nmv', period: 'quarter', periodStart: '2027-04-01', teamManagerId: people.mia.id, valueNumeric: '123456', currency: 'INR', setById: people.zed.id,
    });
    expect(created.status).toBe(200);
    const id = created.body.record.id;
    const row = await system.database.db.getRepository(Target).findOneByOrFail({ id });
    // The form cannot name someone else: the signed-in user set it.
    expect(row).toMatchObject({ setById: people.mia.id, valueNumeric: '123456' });
    expect(row.setAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const adminCookie = await panelSignIn(system.baseUrl, system.admin.email, system.admin.password);
    const edited = await panelPost(system.baseUrl, adminCookie, `/admin/api/resources/Target/records/${id}/edit`, { valueNumeric: '234567' });
    expect(edited.status).toBe(200);
    const adminUser = await system.database.db.getRepository(User).findOneByOrFail({ email: system.admin.email });
    const after = await system.database.db.getRepository(Target).findOneByOrFail({ id });
    expect(after).toMatchObject({ setById: adminUser.id, valueNumeric: '234567' });
    expect(after.setAt.getTime()).toBeGreaterThanOrEqual(row.setAt.getTime());

    const plan = await get('/planning?period=year&start=2027-01-01&level=team&asOf=2026-10', as(people.mia));
    const q2 = plan.body.items.find((item: any) => item.id === people.mia.id && item.currency === 'INR').quarters[1];
    expect(q2.target).toMatchObject({ targetId: id, valueMinor: 234567, setBy: { id: adminUser.id } });
  });

  it('lets only managers and admins set targets, within their reach', async () => {
    const quarter = { period: 'quarter', start: '2027-01-01', level: 'team', stretchPercent: 5, asOf: '2026-10' };
    const tom = await post(quarter, as(people.tom));
    expect(tom.status).toBe(403);
    expect(JSON.stringify(tom.body.message)).toMatch(/manager|admin/i);
    const ownOnly = await post({ ...quarter, level: 'talentManager', ids: [people.tom.id] }, as(people.tom));
    expect(ownOnly.status).toBe(403);
    // Mia may not set the targets of Zed's team.
    const outside = await post({ ...quarter, ids: [people.zed.id] }, as(people.mia));
    expect(outside.status).toBe(403);
    expect((await targets()).some((t) => t.teamManagerId === people.zed.id)).toBe(false);
    // A talent manager still sees the plan of their own figures.
    const view = await get('/planning?period=quarter&start=2027-01-01&level=talentManager&asOf=2026-10', as(people.tom));
    expect(view.status).toBe(200);
    expect([...new Set(view.body.items.map((item: any) => item.id))]).toEqual([people.tom.id]);
  });

  it('refuses bad input with a 400 that says why, and sets nothing', async () => {
    const count = (await targets()).length;
    const valid = { period: 'quarter', start: '2027-01-01', level: 'team', stretchPercent: 5, asOf: '2026-10' };
    const refusals: Array<[unknown, RegExp]> = [
      [{ ...valid, period: 'month' }, /period must be quarter or year/],
      [{ ...valid, start: '2027-02-01' }, /first day of a quarter/],
      [{ ...valid, period: 'year', start: '2027-04-01' }, /first day of a year/],
      [{ ...valid, start: '2027-13-01' }, /must be a date/],
      [{ ...valid, start: '2026-10-01' }, /starts before 2026-11/],
      [{ ...valid, period: 'year', start: '2028-01-01' }, /at most 15 months/],
      [{ ...valid, level: 'brand' }, /level must be talentManager or team/],
      [{ ...valid, stretchPercent: 500 }, /stretchPercent must be a number between -50 and 200/],
      [{ ...valid, stretchPercent: '10' }, /stretchPercent must be a number/],
      [{ ...valid, stretchPercent: 10.125 }, /stretchPercent may have at most two decimals/],
      // A number printed in exponent form once made the validator itself throw (a 500).
      [{ ...valid, stretchPercent: 5e-324, start: 'instagram' }, /start must be a date/],
      [{ ...valid, stretchPercent: undefined }, /stretchPercent/],
      [{ ...valid, ids: ['nobody'] }, /each of ids must be a user id/],
      [{ ...valid, ids: [] }, /at least one/],
      [{ ...valid, asOf: '2026-13' }, /asOf must be a month/],
      [{ ...valid, owner: 'me' }, /owner should not exist/],
    ];
    for (const [body, message] of refusals) {
      const answer = await post(body, as(people.mia));
      expect([answer.status, JSON.stringify(answer.body.message)]).toEqual([400, expect.stringMatching(message)]);
    }
    for (const query of ['period=month&start=2027-01-01&level=team', 'period=quarter&start=v%40&level=team&stretchPercent=3e-323', 'period=quarter&start=2027-01-01&level=creator', 'period=quarter&start=2027-01-01&level=team&stretchPercent=abc', 'period=quarter&level=team']) {
      expect((await get(`/planning?${query}`)).status).toBe(400);
      expect((await get(`/planning.csv?${query}`)).status).toBe(400);
    }
    expect((await targets()).length).toBe(count);
    expect((await requestJson(system.baseUrl, 'GET', '/planning?period=quarter&start=2027-01-01&level=team', null)).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await fetch(`${system.baseUrl}/docs-json`)).json()) as any;
    expect(document.paths['/planning'].get.parameters.map((p: any) => p.name).sort()).toEqual(['asOf', 'level', 'period', 'start', 'stretchPercent']);
    expect(Object.keys(document.paths['/planning/targets'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(document.paths['/planning.csv'].get).toBeDefined();
  });
});
