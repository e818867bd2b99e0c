import { Creator } from '../../libs/domain/entities';
import { TargetMetric } from '../../libs/domain/rules/lifecycle';
import { periodContaining } from '../../libs/domain/rules/periods';
import { ASHA_OCTOBER_2026, InsightDataset, OCTOBER_2026, seedInsightDataset } from '../support/insight-dataset';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/** The KPI board and creator satisfaction through the REST API, on a dataset whose answers are known. */
describe('team KPIs and analytics through the REST API', () => {
  let system: RunningSystem;
  let data: InsightDataset;
  const as = (user: { email: string }) => system.basic(user.email, data.password);

  async function importCsv(user: { email: string }, kind: 'creator-sales' | 'post-performance', csv: string) {
    const response = await fetch(`${system.baseUrl}/imports/${kind}?filename=${kind}.csv`, {
      method: 'POST',
      headers: { authorization: as(user), 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    system = await startSystem();
    data = await seedInsightDataset(system.database.db);
    await importCsv(data.tara, 'creator-sales', data.taraSalesCsv);
    await importCsv(data.omar, 'creator-sales', data.omarSalesCsv);
    await importCsv(data.tara, 'post-performance', data.postPerformanceCsv);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const board = (user: { email: string }, query: string) => requestJson(system.baseUrl, 'GET', `/kpis?${query}`, as(user));
  const october = (scope: string, id: string) => `scope=${scope}&id=${id}&period=month&start=2026-10-01`;
  const row = (kpis: any[], id: TargetMetric, currency: string | null = null) => kpis.find((r) => r.id === id && r.currency === currency);

  it("shows a manager their team's October: every KPI by its definition, beside its target", async () => {
    const { status, body } = await board(data.maya, october('team', data.maya.id));
    expect(status).toBe(200);
    expect(body.scope).toMatchObject({ kind: 'team', id: data.maya.id, name: 'Maya Manager', members: 2 });
    expect(body.period).toMatchObject({ kind: 'month', start: '2026-10-01', end: '2026-11-01', label: '2026-10' });
    expect(body.definitions).toBe('docs/metrics.md#team-kpis');
    const kpis = body.kpis;
    expect(row(kpis, TargetMetric.OnTimeDeliveryRate)).toMatchObject({ actual: OCTOBER_2026.onTime.rate, target: OCTOBER_2026.targets.onTime, met: false, basis: '1 of 2 posts on time' });
    expect(row(kpis, TargetMetric.Nmv, 'INR')).toMatchObject({ actual: OCTOBER_2026.nmvInr, target: OCTOBER_2026.targets.nmvInr, progress: 0.63, met: false });
    expect(row(kpis, TargetMetric.NmvGrowth, 'INR').actual).toBeCloseTo(OCTOBER_2026.nmvGrowthInr, 10);
    expect(row(kpis, TargetMetric.Revenue, 'INR')).toMatchObject({ actual: OCTOBER_2026.revenueInr });
    expect(row(kpis, TargetMetric.Margin, 'INR')).toMatchObject({ actual: OCTOBER_2026.marginInr });
    expect(row(kpis, TargetMetric.CreatorRetention)).toMatchObject({ actual: OCTOBER_2026.retention.rate, basis: '1 of 2 creators booked again' });
    expect(row(kpis, TargetMetric.RosterChurn).actual).toBeCloseTo(1 / 3, 10);
    expect(row(kpis, TargetMetric.Escalations).actual).toBeCloseTo(2 / 3, 10);
    expect(row(kpis, TargetMetric.ResolvedLateShare)).toMatchObject({ actual: 0.5, basis: '1 of 2 resolved late' });
    expect(row(kpis, TargetMetric.ReworkRate)).toMatchObject({ actual: OCTOBER_2026.rework });
    expect(row(kpis, TargetMetric.RepeatCollaborations)).toMatchObject({ actual: 0.5 });
    // Another team's sales and collaborations never count: no USD, and only INR of Tara's creators.
    expect(kpis.filter((r: any) => r.id === TargetMetric.Nmv).map((r: any) => r.currency)).toEqual(['INR']);
  });

  it('shows a talent manager their own figures, and nobody else\'s', async () => {
    const own = await board(data.tara, october('executive', data.tara.id));
    expect(own.status).toBe(200);
    expect(row(own.body.kpis, TargetMetric.Nmv, 'INR')).toMatchObject({ actual: OCTOBER_2026.nmvInr, target: null });

    const team = await board(data.tara, october('team', data.maya.id));
    expect(team.status).toBe(403);
    expect(team.body.message).toMatch(/belongs to someone else/);
    const other = await board(data.omar, october('executive', data.tara.id));
    expect(other.status).toBe(403);
    // Finance reads everyone's.
    expect((await board(data.fiona, october('team', data.maya.id))).status).toBe(200);
  });

  it('refuses a period or scope it cannot measure, saying why', async () => {
    const week = await board(data.maya, `scope=team&id=${data.maya.id}&period=week&start=2026-10-01`);
    expect(week.status).toBe(400);
    expect(JSON.stringify(week.body.message)).toMatch(/period must be month or quarter/);
    const midMonth = await board(data.maya, `scope=team&id=${data.maya.id}&period=month&start=2026-10-02`);
    expect(midMonth).toMatchObject({ status: 400, body: { message: 'start must be the first day of a month' } });
    const notManager = await board(data.maya, `scope=team&id=${data.tara.id}&period=month&start=2026-10-01`);
    expect(notManager.status).toBe(400);
    expect(notManager.body.message).toMatch(/not a manager/);
    expect((await board(data.maya, `scope=team&id=nope&period=month&start=2026-10-01`)).status).toBe(400);
  });

  it("records the creator's rating once the fee is paid, and counts it in this month's satisfaction", async () => {
    const tasks = await requestJson(system.baseUrl, 'GET', '/satisfaction/tasks', as(data.tara));
    expect(tasks.status).toBe(200);
    expect(tasks.body).toEqual([expect.objectContaining({ collaborationId: data.ratedCollaborationId, creatorName: 'Asha Rao' })]);
    expect((await requestJson(system.baseUrl, 'GET', '/satisfaction/tasks', as(data.omar))).body).toEqual([]);

    const rate = (user: { email: string }, body: unknown) => requestJson(system.baseUrl, 'POST', `/collaborations/${data.ratedCollaborationId}/satisfaction`, as(user), body);
    const outOfRange = await rate(data.tara, { rating: 6 });
    expect(outOfRange.status).toBe(400);
    expect(JSON.stringify(outOfRange.body.message)).toMatch(/rating must be a whole number from 1 to 5/);
    expect((await rate(data.fiona, { rating: 4 })).status).toBe(403);
    expect((await rate(data.omar, { rating: 4 })).status).toBe(403);

    const recorded = await rate(data.tara, { rating: 4, note: 'Loved the brief; wants faster payment' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ rating: 4, ratedById: data.tara.id, ratedByRole: 'talent_manager' });
    expect((await rate(data.tara, { rating: 4, note: 'Loved the brief; wants faster payment' })).status).toBe(200);
    const changed = await rate(data.tara, { rating: 2 });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toMatch(/already recorded \(4 of 5/);

    expect((await requestJson(system.baseUrl, 'GET', '/satisfaction/tasks', as(data.tara))).body).toEqual([]);
    const creator = await system.database.db.getRepository(Creator).findOneByOrFail({ id: data.creators.asha.id });
    expect(creator.satisfactionScore).toBe('4.0');

    const thisMonth = periodContaining('month', new Date());
    const now = await board(data.maya, `scope=team&id=${data.maya.id}&period=month&start=${thisMonth.start}`);
    expect(row(now.body.kpis, TargetMetric.Satisfaction)).toMatchObject({ actual: 4, basis: '1 rating' });
  });

  const analytics = (user: { email: string }, path: string) => requestJson(system.baseUrl, 'GET', `/analytics/${path}`, as(user));

  it("gives a creator's page its totals, its monthly trend and its collaborations, by the metric definitions", async () => {
    const { status, body } = await analytics(data.tara, `creators/${data.creators.asha.id}?period=month&start=2026-10-01`);
    expect(status).toBe(200);
    expect(body.entity).toMatchObject({ kind: 'creators', name: 'Asha Rao' });
    expect(body.totals).toMatchObject({
      nmv: { INR: ASHA_OCTOBER_2026.nmvInr }, gmv: { INR: ASHA_OCTOBER_2026.gmvInr }, orders: ASHA_OCTOBER_2026.orders, spend: { INR: ASHA_OCTOBER_2026.spendInr },
      roas: { INR: ASHA_OCTOBER_2026.roasInr }, posts: ASHA_OCTOBER_2026.posts, views: ASHA_OCTOBER_2026.views,
      engagementRateByViews: ASHA_OCTOBER_2026.engagementRateByViews, engagementRateByReach: ASHA_OCTOBER_2026.engagementRateByReach, conversion: ASHA_OCTOBER_2026.conversion,
    });
    expect(body.totals.roi.INR).toBeCloseTo(ASHA_OCTOBER_2026.roiInr, 10);
    expect(body.trend).toHaveLength(12);
    expect(body.trend[0].month).toBe('2025-11-01');
    const [september, october] = body.trend.slice(-2);
    expect(september).toMatchObject({ month: '2026-09-01', nmv: { INR: ASHA_OCTOBER_2026.septemberNmvInr } });
    expect(october).toMatchObject({ month: '2026-10-01', nmv: { INR: ASHA_OCTOBER_2026.nmvInr }, growth: { INR: ASHA_OCTOBER_2026.growthInr }, roas: { INR: ASHA_OCTOBER_2026.roasInr } });
    expect(body.table.of).toBe('collaborations');
    expect(body.table.rows).toEqual([expect.objectContaining({ name: expect.stringMatching(/^Autumn .* \(Glow .*\)$/), detail: 'COMPLETED' })]);

    const csv = await fetch(`${system.baseUrl}/analytics/creators/${data.creators.asha.id}/table.csv?period=month&start=2026-10-01`, { headers: { authorization: as(data.tara) } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,name,detail,currency,nmv_minor,gmv_minor,spend_minor,roas,roi,orders,posts,views,engagement_rate_by_views,engagement_rate_by_reach,conversion');
    expect(lines).toHaveLength(2);
    // A collaboration has no sales of its own (creator sales are not split per collaboration): no NMV, so no ROAS.
    expect(lines[1]).toContain(',COMPLETED,INR,,,1000000,,,0,3,20000,0.05,0.08,0.03');
  });

  it("gives a team's page a row per executive, and keeps the reach of the KPI board", async () => {
    const team = await analytics(data.maya, `teams/${data.maya.id}?period=month&start=2026-10-01`);
    expect(team.status).toBe(200);
    expect(team.body.totals.nmv).toEqual({ INR: OCTOBER_2026.nmvInr });
    const tara = team.body.table.rows.find((r: any) => r.id === data.tara.id);
    expect(tara).toMatchObject({ name: 'Tara Talent', link: { analytics: 'executives' } });
    expect(tara.totals.nmv).toEqual({ INR: OCTOBER_2026.nmvInr });

    expect((await analytics(data.omar, `creators/${data.creators.asha.id}`)).status).toBe(403);
    expect((await analytics(data.tara, `brands/${data.creators.asha.id}`)).status).toBe(404);
    expect((await analytics(data.tara, `planets/${data.creators.asha.id}`)).status).toBe(400);
    const custom = await analytics(data.tara, `executives/${data.tara.id}?period=custom&from=2026-10-01&to=2026-10-31`);
    expect(custom.status).toBe(200);
    expect(custom.body.totals.nmv).toEqual({ INR: OCTOBER_2026.nmvInr });
    expect((await analytics(data.tara, `executives/${data.tara.id}?period=custom&from=2026-10-31&to=2026-10-01`)).status).toBe(400);
  });
});
