import { ForbiddenException } from '@nestjs/common';
import { pageCurrencies, sortRows } from '../../apps/api/analytics/analytics-figures';
import type { AnalyticsRow, AnalyticsView } from '../../apps/api/analytics/analytics-page.component';
import { analyticsPage, periodParams, periodQueryOf, rowLinks } from '../../apps/api/analytics/analytics.panel';
import { pageLinks, plainQuery, toAdminPages, viewerOf, type PanelPage } from '../../apps/api/back-office/pages';
import type { ScopeChoice } from '../../apps/api/kpis/kpi-board.component';
import { kpiBoardPage, kpiBoardSelection } from '../../apps/api/kpis/kpis.panel';
import { panelPages } from '../../apps/api/panel-pages';
import { flagFigure, underperformerRow, underperformersPage } from '../../apps/api/underperformers/underperformers.panel';
import { totals } from '../../libs/domain/rules/analytics';
import { Role } from '../../libs/domain/rules/roles';

const NOW = new Date('2026-11-29T12:00:00Z');
const MAYA = '11111111-1111-4111-8111-111111111111';
const TARA = '22222222-2222-4222-8222-222222222222';
const choices: ScopeChoice[] = [
  { kind: 'team', id: MAYA, name: 'Maya Manager', role: Role.Manager },
  { kind: 'executive', id: TARA, name: 'Tara Talent', role: Role.TalentManager },
];
const links = pageLinks('/admin');
const viewer = { userId: TARA, role: Role.TalentManager, name: 'Tara Talent' };

const row = (id: string, name: string, nmv: Record<string, number>): AnalyticsRow => ({
  id, name, detail: '', link: { analytics: 'creators' },
  totals: { ...totals([], [], []), nmv },
});

describe('the panel pages platform', () => {
  it('keeps the string values of a query, the first of a repeated one', () => {
    expect(plainQuery({ a: '1', b: ['2', '3'], c: { d: 1 }, e: 4 })).toEqual({ a: '1', b: '2' });
    expect(plainQuery(undefined)).toEqual({});
  });

  it('knows the signed-in viewer from the session, or nobody', () => {
    expect(viewerOf({ id: TARA, role: 'talent_manager', name: 'Tara', email: 't@x' })).toEqual({ userId: TARA, role: Role.TalentManager, name: 'Tara' });
    expect(viewerOf({ id: TARA, role: 'emperor', email: 't@x' })).toBeNull();
    expect(viewerOf(undefined)).toBeNull();
  });

  it('links to pages, their data and records under the root path', () => {
    expect(links.page('analytics', { kind: 'creators', id: 'x' })).toBe('/admin/pages/analytics?kind=creators&id=x');
    expect(links.data('analytics', { format: 'csv' })).toBe('/admin/api/pages/analytics?format=csv');
    expect(links.record('Collaboration', 'c1')).toBe('/admin/resources/Collaboration/records/c1/show');
  });

  function fakeResponse() {
    const sent: { status: number; headers: Record<string, string>; body?: string } = { status: 200, headers: {} };
    const response = {
      status(code: number) {
        sent.status = code;
        return response;
      },
      setHeader(name: string, value: string) {
        sent.headers[name] = value;
      },
      send(body: string) {
        sent.body = body;
      },
    };
    return { response, sent };
  }

  const handlerOf = (page: PanelPage, onError = jest.fn()) => toAdminPages([page], '/admin', onError).pages[page.name].handler!;

  it('answers JSON, a refusal with its status and reason, a file, or a 500 that hides the bug', async () => {
    const page = (load: PanelPage['load']): PanelPage => ({ name: 'p', label: 'P', component: 'C', load });
    let { response, sent } = fakeResponse();
    expect(await handlerOf(page(async () => ({ data: { ok: 1 } })))({}, response, { currentAdmin: { id: TARA, role: 'talent_manager', email: '' } } as never)).toEqual({ ok: 1 });
    expect(sent.status).toBe(200);

    ({ response, sent } = fakeResponse());
    const refused = await handlerOf(page(async () => Promise.reject(new ForbiddenException('not yours'))))({}, response, { currentAdmin: { id: TARA, role: 'manager', email: '' } } as never);
    expect([sent.status, refused]).toEqual([403, { error: 'not yours' }]);

    ({ response, sent } = fakeResponse());
    const file = await handlerOf(page(async () => ({ file: { filename: 'a b.csv', contentType: 'text/csv', body: 'x\r\n' } })))({}, response, { currentAdmin: { id: TARA, role: 'manager', email: '' } } as never);
    expect(file).toBeUndefined();
    expect(sent).toEqual({ status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="a-b.csv"' }, body: 'x\r\n' });

    ({ response, sent } = fakeResponse());
    const onError = jest.fn();
    const broken = await handlerOf(page(async () => Promise.reject(new Error('SELECT went wrong'))), onError)({}, response, { currentAdmin: { id: TARA, role: 'manager', email: '' } } as never);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(broken)).not.toContain('SELECT');
    expect(onError).toHaveBeenCalled();

    ({ response, sent } = fakeResponse());
    await handlerOf(page(async () => ({ data: {} })))({}, response, {} as never);
    expect(sent.status).toBe(401);
  });

  it('lists the KPI board, planning, the analytics, the reports, Find creators, Underperformers and Notification preferences, labelled for the sidebar', () => {
    const pages = panelPages({
      kpis: { board: jest.fn() }, insightScopes: { choices: jest.fn() }, analytics: { view: jest.fn() }, analyticsScopes: { choices: jest.fn() }, forecasts: { nmv: jest.fn() },
      reports: { list: jest.fn(), file: jest.fn(), generate: jest.fn(), names: jest.fn(), campaignSummary: jest.fn() },
      candidates: { rank: jest.fn(), campaignChoices: jest.fn() }, collaborations: { create: jest.fn() }, planning: { view: jest.fn(), setTargets: jest.fn() },
      underperformers: { list: jest.fn() }, notificationPreferences: { get: jest.fn(), update: jest.fn() },
    });
    expect(toAdminPages(pages, '/admin', jest.fn()).labels).toEqual({
      kpiBoard: 'KPI board', planning: 'Planning', analytics: 'Analytics', reports: 'Reports', findCreators: 'Find creators', underperformers: 'Underperformers',
      notificationPreferences: 'Notification preferences',
    });
  });
});

describe('the KPI board page', () => {
  it('opens the first board the viewer may open, this month, unless asked for another', () => {
    expect(kpiBoardSelection({}, choices, NOW)).toMatchObject({ selected: { scope: 'team', id: MAYA, period: 'month', start: '2026-11-01' } });
    expect(kpiBoardSelection({ scope: 'executive', id: TARA, period: 'quarter', start: '2026-07-01' }, choices, NOW)).toMatchObject({
      selected: { scope: 'executive', id: TARA, period: 'quarter' }, period: { label: '2026-Q3' },
    });
    expect(kpiBoardSelection({}, [], NOW)).toBeNull();
  });

  it('says why a query cannot be a board', () => {
    expect(kpiBoardSelection({ period: 'week' }, choices, NOW)).toMatchObject({ error: 'period must be month or quarter' });
    expect(kpiBoardSelection({ scope: 'planet', id: TARA }, choices, NOW)).toMatchObject({ error: 'scope must be team or executive' });
    expect(kpiBoardSelection({ scope: 'team', id: 'nope' }, choices, NOW)).toMatchObject({ error: 'id must be a user id (UUID)' });
    expect(kpiBoardSelection({ scope: 'team', id: MAYA, start: '2026-10-02' }, choices, NOW)).toMatchObject({ error: 'start must be the first day of a month' });
  });

  it("passes a board out of reach to the service, and shows its refusal with the viewer's choices", async () => {
    const board = jest.fn().mockRejectedValue(new ForbiddenException('The team of Maya Manager belongs to someone else; a talent manager acts only on their own'));
    const page = kpiBoardPage({ kpis: { board }, insightScopes: { choices: async () => [choices[1]] }, now: () => NOW });
    const answer = (await page.load({ scope: 'team', id: MAYA, period: 'month', start: '2026-10-01' }, viewer, links)) as { status: number; data: any };
    expect(board).toHaveBeenCalledWith(viewer, 'team', MAYA, expect.objectContaining({ start: '2026-10-01', end: '2026-11-01' }), NOW);
    expect(answer.status).toBe(403);
    expect(answer.data).toMatchObject({ board: null, choices: [choices[1]], error: expect.stringMatching(/belongs to someone else/) });
    expect(answer.data.periods.month).toHaveLength(18);
    expect(answer.data.periods.quarter).toHaveLength(6);
  });
});

describe('the analytics page', () => {
  const view = (rows: AnalyticsRow[]): AnalyticsView => ({
    entity: { kind: 'executives', id: TARA, name: 'Tara Talent' },
    period: { kind: 'month', start: '2026-10-01', end: '2026-11-01', lastDay: '2026-10-31', previous: { start: '2026-09-01', end: '2026-10-01' }, label: '2026-10', provisional: true, returnWindowDays: 30 },
    totals: { ...totals([], [], []), nmv: { INR: 630_000, USD: 1_000 } },
    trend: [],
    table: { of: 'creators', rows },
    definitions: 'docs/metrics.md',
  });

  it('draws the currency with the most NMV and lists the others', () => {
    expect(pageCurrencies(view([]))).toEqual({ main: 'INR', others: ['USD'] });
    expect(pageCurrencies({ totals: totals([], [], []), trend: [] })).toEqual({ main: null, others: [] });
  });

  it('sorts the table on a column, the unmeasurable last either way', () => {
    const rows = [row('a', 'Asha', { INR: 450_000 }), row('b', 'Bina', { INR: 180_000 }), row('c', 'Chen', {})];
    expect(sortRows(rows, 'name', 'desc', 'INR').map((r) => r.name)).toEqual(['Chen', 'Bina', 'Asha']);
    expect(sortRows(rows, 'nmv', 'asc', 'INR').map((r) => r.name)).toEqual(['Bina', 'Asha', 'Chen']);
    expect(sortRows(rows, 'nmv', 'desc', 'INR').map((r) => r.name)).toEqual(['Asha', 'Bina', 'Chen']);
    expect(sortRows(rows, 'nmv', 'desc', 'USD').map((r) => r.name)).toEqual(['Asha', 'Bina', 'Chen']);
  });

  it('reads the period of the query and links each row on for the same period', () => {
    expect(periodQueryOf({})).toEqual({ period: 'month' });
    expect(periodQueryOf({ period: 'custom', from: '2026-10-01', to: '2026-10-31', start: 'x' })).toEqual({ period: 'custom', from: '2026-10-01', to: '2026-10-31' });
    expect(periodQueryOf({ period: 'week' })).toBe('period must be month, quarter or custom');
    expect(periodParams({ period: 'quarter', start: '2026-10-01' })).toEqual({ period: 'quarter', start: '2026-10-01' });
    const rows = [row('a', 'Asha', {}), { ...row('c1', 'Autumn', {}), link: { resource: 'Collaboration' } }];
    expect(rowLinks(view(rows), { period: 'month', start: '2026-10-01' }, links)).toEqual({
      a: '/admin/pages/analytics?kind=creators&id=a&period=month&start=2026-10-01',
      c1: '/admin/resources/Collaboration/records/c1/show',
    });
  });

  it('answers the table as CSV with format=csv, from the same view as the page', async () => {
    const rows = [row('a', 'Asha', { INR: 450_000 })];
    const viewOf = jest.fn().mockResolvedValue(view(rows));
    const nmv = jest.fn().mockResolvedValue({ asOf: '2026-10', level: 'talentManager', horizon: 3, items: [] });
    const page = analyticsPage({ analytics: { view: viewOf }, analyticsScopes: { choices: async () => ({ entities: [], note: null }) }, forecasts: { nmv }, now: () => NOW });
    const csv = (await page.load({ kind: 'executives', id: TARA, period: 'month', start: '2026-10-01', format: 'csv' }, viewer, links)) as any;
    expect(csv.file.filename).toBe('analytics-executives-tara-talent-2026-10.csv');
    expect(csv.file.body.split('\r\n')[1]).toBe('a,Asha,,INR,450000,,,,,0,0,,,,');
    const json = (await page.load({ kind: 'executives', id: TARA, period: 'month', start: '2026-10-01' }, viewer, links)) as any;
    expect(json.data.links.csv).toBe(`/admin/api/pages/analytics?kind=executives&id=${TARA}&period=month&start=2026-10-01&format=csv`);
    expect(json.data.links.apiCsv).toBe(`/analytics/executives/${TARA}/table.csv?period=month&start=2026-10-01`);
    expect(viewOf).toHaveBeenCalledWith(viewer, 'executives', TARA, expect.objectContaining({ label: '2026-10' }), NOW);
    // An executive's page carries their NMV forecast, made as at the last complete month, for them alone.
    expect(nmv).toHaveBeenCalledWith(viewer, 'talentManager', 3, undefined, NOW, TARA);
    expect(json.data.forecast).toEqual({ asOf: '2026-10', horizon: 3, items: [] });
  });

  it('refuses an unknown kind, a bad id or period with a reason, and shows a refusal of the service', async () => {
    const viewOf = jest.fn().mockRejectedValue(new ForbiddenException('The figures of Dev Omar belongs to someone else'));
    const page = analyticsPage({ analytics: { view: viewOf }, analyticsScopes: { choices: async () => ({ entities: [], note: null }) }, forecasts: { nmv: jest.fn() }, now: () => NOW });
    expect(await page.load({ kind: 'planets' }, viewer, links)).toMatchObject({ status: 400, data: { error: expect.stringMatching(/not for "planets"/) } });
    expect(await page.load({ kind: 'creators', id: 'x' }, viewer, links)).toMatchObject({ status: 400, data: { error: expect.stringMatching(/UUID/) } });
    expect(await page.load({ kind: 'creators', id: TARA, period: 'custom', from: '2026-10-31', to: '2026-10-01' }, viewer, links)).toMatchObject({ status: 400, data: { error: 'to must not be before from' } });
    expect(await page.load({ kind: 'creators', id: TARA }, viewer, links)).toMatchObject({ status: 403, data: { view: null, error: expect.stringMatching(/someone else/) } });
    // Nothing to pick and nothing asked for: the pickers alone.
    expect(await page.load({ kind: 'brands' }, viewer, links)).toMatchObject({ data: { view: null, error: null, selected: { kind: 'brands', id: null, period: 'month', start: '2026-11-01' } } });
  });
});

describe('the Underperformers page', () => {
  const flag = {
    id: 'f1', subjectKind: 'creator', subjectId: 'c1', subjectName: 'Riya Sen', metric: 'engagementRate', observed: 0.025, baseline: 0.055, basis: 'trend', since: '2026-11-08',
    suggestion: 'refresh_brief_hook', explanation: 'why', currency: null, raisedOn: '2026-11-30', evaluatedOn: '2026-11-30', clearedOn: null,
  };

  it('says what is low, against what, since when and what to do, in the units of the metric', () => {
    expect(underperformerRow(flag)).toEqual({
      id: 'f1', subject: 'Creator: Riya Sen', metric: 'engagement rate by views', observed: '2.50 %', comparedWith: 'own trend: 5.50 %', since: '2026-11-08',
      suggestion: 'Refresh the brief and the hook', explanation: 'why', raisedOn: '2026-11-30', clearedOn: null,
    });
    expect(flagFigure('nmvPerPost', 123456, 'INR')).toBe('INR 1,234.56');
    expect(flagFigure('roas', 0.8, null)).toBe('0.80×');
  });

  it('lists the open flags by default within the viewer\'s reach, and refuses an unknown status', async () => {
    const list = jest.fn().mockResolvedValue({ items: [flag], total: 1, limit: 100, offset: 0, nextOffset: null });
    const page = underperformersPage({ underperformers: { list } });
    const viewer = { userId: MAYA, role: 'manager', name: 'Maya' } as never;
    expect(await page.load({}, viewer, {} as never)).toMatchObject({ data: { status: 'open', total: 1, rows: [{ id: 'f1' }] } });
    expect(list).toHaveBeenCalledWith(viewer, 'open', { limit: 100 });
    expect(await page.load({ status: 'gone' }, viewer, {} as never)).toMatchObject({ status: 400, data: { error: 'status must be open, cleared or all' } });
    expect(list).toHaveBeenCalledTimes(1);
  });
});
