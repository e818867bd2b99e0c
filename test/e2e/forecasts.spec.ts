import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../libs/auth/passwords';
import { Brand, Creator, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { CreatorStatus } from '../../libs/domain/rules/statuses';
import { generateSalesHistory, heldOutMase, salesCsv, type GeneratedHistory } from '../support/forecast-dataset';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * The NMV forecast through the REST API on a generated history with known structure (trend,
 * festive peak, intermittent sellers, newcomers), imported through POST /imports/creator-sales.
 * Forecasts made as of July 2026 are scored against August to October, which they never saw.
 */
describe('NMV forecast through the REST API', () => {
  let system: RunningSystem;
  let history: GeneratedHistory;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const people: Record<'mia' | 'tom' | 'zed' | 'uma', User> = {} as never;
  const creatorIds = new Map<string, string>();
  const owners = new Map<string, string>();
  const brands: Record<'lumen' | 'orbit', Brand> = {} as never;
  // Each creator sells for one brand: every third for Orbit, the others for Lumen.
  const brandOf = (index: number) => (index % 3 === 0 ? 'Orbit' : 'Lumen');
  const as = (user: { email: string }) => system.basic(user.email, password);
  const admin = () => system.basic(system.admin.email, system.admin.password);
  const forecast = (query: string, authorization = admin()) => requestJson(system.baseUrl, 'GET', `/forecasts/nmv?${query}`, authorization);

  beforeAll(async () => {
    system = await startSystem();
    const db = system.database.db;
    const passwordHash = await hashPassword(password);
    const user = (email: string, name: string, role: Role, managerId: string | null) => db.getRepository(User).save(db.getRepository(User).create({ email, name, role, managerId, passwordHash }));
    people.mia = await user('mia@forecast.test', 'Mia Manager', Role.Manager, null);
    people.tom = await user('tom@forecast.test', 'Tom Talent', Role.TalentManager, people.mia.id);
    people.zed = await user('zed@forecast.test', 'Zed Manager', Role.Manager, null);
    people.uma = await user('uma@forecast.test', 'Uma Talent', Role.TalentManager, people.zed.id);

    history = generateSalesHistory('2026-10', 30);
    // A creator whose first sales come after the as-of month (a forecast as of July never sees
    // them), in rupees and in dollars.
    history.creators.push({
      handle: 'gen.late', name: 'Generated late', archetype: 'newcomer', nmv: [...Array(28).fill(0), 500_000, 600_000],
      rows: [
        { date: '2026-09-05', gmvMinor: 500_000, returnsMinor: 0 },
        { date: '2026-10-05', gmvMinor: 600_000, returnsMinor: 0 },
        { date: '2026-10-06', gmvMinor: 7_000, returnsMinor: 0, currency: 'USD' },
      ],
    });
    const brand = (name: string) => db.getRepository(Brand).save(db.getRepository(Brand).create({ name, category: 'beauty', competitorCategories: [], competitorBrands: [] }));
    brands.lumen = await brand('Lumen');
    brands.orbit = await brand('Orbit');
    for (const [i, generated] of history.creators.entries()) {
      const owner = i % 2 === 0 ? people.tom : people.uma;
      const creator = await db.getRepository(Creator).save(db.getRepository(Creator).create({ name: generated.name, handle: generated.handle, ownerId: owner.id, status: CreatorStatus.Active }));
      creatorIds.set(generated.handle, creator.id);
      owners.set(creator.id, owner.id);
    }
    const response = await fetch(`${system.baseUrl}/imports/creator-sales?filename=generated-sales.csv`, {
      method: 'POST',
      headers: { authorization: admin(), 'content-type': 'text/csv' },
      body: salesCsv(history, (creator) => brandOf(history.creators.indexOf(creator))),
    });
    expect(response.status).toBe(200);
  });

  afterAll(async () => {
    await system?.stop();
  });

  // The history runs from May 2024 to October 2026: July 2026 is month 26, August the first held out.
  const asOfJuly = { asOf: '2026-07', origin: 27 };

  it('beats both naive baselines on the three held-out months', async () => {
    const { status, body } = await forecast(`level=creator&horizon=3&asOf=${asOfJuly.asOf}`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['asOf', 'horizon', 'items', 'level']);
    expect(body).toMatchObject({ asOf: '2026-07', level: 'creator', horizon: 3 });
    const result = heldOut(body.items, 3);
    expect(result.series).toBe(28);
    expect(result.model).toBeLessThan(result.naive);
    expect(result.model).toBeLessThan(result.meanOf3);
  });

  it.each([1, 3])('beats both naive baselines in its own rolling-origin back-test, horizon %i', async (horizon) => {
    const { body } = await forecast(`level=creator&horizon=${horizon}&asOf=${asOfJuly.asOf}`);
    const backtest = aggregate(body.items);
    // The figures quoted in docs/metrics.md#measured-error (the held-out one-month figure is reported, not asserted: one month of 28 series is a coin toss).
    console.log(`generated history, h=${horizon}: held-out ${JSON.stringify(heldOut(body.items, horizon))}; back-test ${JSON.stringify(backtest)}`);
    expect(backtest.mase).toBeLessThan(backtest.naiveMase);
    expect(backtest.mase).toBeLessThan(backtest.meanOf3Mase);
  });

  function heldOut(items: any[], horizon: number) {
    const byId = new Map<string, any>(items.map((item: any) => [item.id, item]));
    const scored = history.creators
      .filter((c) => c.handle !== 'gen.late')
      .map((c) => ({ actual: c.nmv, forecast: byId.get(creatorIds.get(c.handle)!).months.slice(0, horizon).map((m: any) => m.pointMinor) }));
    return heldOutMase(scored, asOfJuly.origin);
  }

  it('answers one item per creator and currency, in the contract’s shape, with an interval around each point', async () => {
    const { body } = await forecast('level=creator&horizon=3&asOf=2026-07');
    expect(body.items).toHaveLength(28);
    expect(body.items.some((item: any) => item.id === creatorIds.get('gen.late'))).toBe(false);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['backtest', 'currency', 'id', 'model', 'months', 'name']);
      expect(Object.keys(item.backtest).sort()).toEqual(['mase', 'meanOf3Mase', 'naiveMase', 'wape']);
      expect(item.currency).toBe('INR');
      expect(['ses', 'damped-holt', 'croston-sba', 'tsb', 'cohort-growth']).toContain(item.model);
      expect(item.months.map((m: any) => m.month)).toEqual(['2026-08', '2026-09', '2026-10']);
      for (const month of item.months) {
        expect(Number.isInteger(month.pointMinor)).toBe(true);
        expect(month.lowMinor).toBeLessThanOrEqual(month.pointMinor);
        expect(month.highMinor).toBeGreaterThanOrEqual(month.pointMinor);
      }
    }
    const model = (handle: string) => body.items.find((item: any) => item.id === creatorIds.get(handle)).model;
    expect(model('gen.intermittent.1')).toMatch(/croston-sba|tsb/);
    expect(model('gen.newcomer.1')).toBe('cohort-growth');
    expect(model('gen.trend.1')).toBe('damped-holt');
    // Made as of October, the late creator is there, once per currency: amounts are never added across currencies.
    const october = await forecast('level=creator&horizon=1&asOf=2026-10');
    const late = october.body.items.filter((item: any) => item.id === creatorIds.get('gen.late'));
    expect(late.map((item: any) => item.currency)).toEqual(['INR', 'USD']);
  });

  it('sums the creators bottom-up to talent managers and teams', async () => {
    const creators = (await forecast('level=creator&horizon=2&asOf=2026-07')).body.items;
    const executives = (await forecast('level=talentManager&horizon=2&asOf=2026-07')).body.items;
    const teams = (await forecast('level=team&horizon=2&asOf=2026-07')).body.items;
    const sumOf = (owner: string, h: number) => creators.filter((item: any) => owners.get(item.id) === owner).reduce((sum: number, item: any) => sum + item.months[h].pointMinor, 0);
    const tom = executives.find((item: any) => item.id === people.tom.id);
    const mia = teams.find((item: any) => item.id === people.mia.id);
    expect(tom.model).toBe('bottom-up');
    for (const h of [0, 1]) {
      // Each creator's point is rounded on its own: the sums agree to within a unit per creator.
      expect(Math.abs(tom.months[h].pointMinor - sumOf(people.tom.id, h))).toBeLessThanOrEqual(15);
      expect(mia.months[h].pointMinor).toBe(tom.months[h].pointMinor);
    }
    expect(teams.map((item: any) => item.name)).toEqual(['Mia Manager', 'Zed Manager']);
    expect(tom.backtest.wape).toBeGreaterThan(0);
    expect(tom.backtest.wape).toBeLessThan(1);
  });

  it('sums each brand’s sales bottom-up from its creators', async () => {
    const creators = (await forecast('level=creator&horizon=1&asOf=2026-07')).body.items;
    const { status, body } = await forecast('level=brand&horizon=1&asOf=2026-07');
    expect(status).toBe(200);
    expect(body.items.map((item: any) => [item.id, item.name, item.currency])).toEqual([
      [brands.lumen.id, 'Lumen', 'INR'],
      [brands.orbit.id, 'Orbit', 'INR'],
    ]);
    const orbitCreators = new Set(history.creators.filter((_, i) => brandOf(i) === 'Orbit').map((c) => creatorIds.get(c.handle)));
    const expected = creators.filter((item: any) => orbitCreators.has(item.id)).reduce((sum: number, item: any) => sum + item.months[0].pointMinor, 0);
    expect(Math.abs(body.items[1].months[0].pointMinor - expected)).toBeLessThanOrEqual(orbitCreators.size);
  });

  it('keeps to the reader’s reach, like the analytics', async () => {
    const own = await forecast('level=creator&horizon=1&asOf=2026-07', as(people.tom));
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBe(14);
    expect(own.body.items.every((item: any) => owners.get(item.id) === people.tom.id)).toBe(true);
    const teams = await forecast('level=team&horizon=1&asOf=2026-07', as(people.mia));
    expect(teams.body.items.map((item: any) => item.name)).toEqual(['Mia Manager']);
    const brand = await forecast('level=brand&horizon=1&asOf=2026-07', as(people.tom));
    expect(brand.status).toBe(403);
    expect((await forecast('level=creator', null as never)).status).toBe(401);
  });

  it('refuses a query it cannot answer, saying why', async () => {
    const message = async (query: string) => {
      const { status, body } = await forecast(query);
      expect(status).toBe(400);
      return JSON.stringify(body.message);
    };
    expect(await message('level=planet')).toMatch(/level must be one of creator, talentManager, team, brand/);
    expect(await message('horizon=4')).toMatch(/horizon must be 1 to 3 months/);
    expect(await message('horizon=0')).toMatch(/horizon must be 1 to 3 months/);
    expect(await message('asOf=2026-13')).toMatch(/asOf must be a month \(YYYY-MM\)/);
    expect(await message('asOf=2999-01')).toMatch(/asOf must be a complete month/);
  });

  it('is described in the OpenAPI document with its query', async () => {
    const document = (await (await fetch(`${system.baseUrl}/docs-json`)).json()) as any;
    const operation = document.paths['/forecasts/nmv'].get;
    expect(operation.parameters.map((p: any) => p.name).sort()).toEqual(['asOf', 'horizon', 'level']);
    expect(operation.security).toEqual(expect.arrayContaining([{ basic: [] }]));
  });

  it('forecasts as of the last complete month by default', async () => {
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const { status, body } = await forecast('level=creator&horizon=1');
    expect(status).toBe(200);
    expect(body.asOf).toBe(last);
  });
});

/** The mean back-test MASE of the items and of both baselines, over items with a defined scale. */
function aggregate(items: any[]) {
  const mean = (key: string) => {
    const values = items.map((item) => item.backtest[key]).filter((value) => value !== null);
    return values.reduce((sum: number, value: number) => sum + value, 0) / values.length;
  };
  return { mase: mean('mase'), naiveMase: mean('naiveMase'), meanOf3Mase: mean('meanOf3Mase') };
}
