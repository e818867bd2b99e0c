import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Report } from '../../libs/domain/entities';
import { summarizeCampaign } from '../../libs/domain/rules/campaign-summary';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { periodContaining } from '../../libs/domain/rules/periods';
import { monthlyReportsScheduleId } from '../../libs/temporal/report-schedule';
import { waitFor } from '../../scripts/lib/ports';
import { InsightDataset, seedInsightDataset } from '../support/insight-dataset';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/** The monthly team report: made by its Schedule and on demand, stored, its PDF read back with pdftotext. */
describe('monthly team reports', () => {
  let system: RunningSystem;
  let data: InsightDataset;
  let connection: Connection;
  let client: Client;
  const as = (user: { email: string }) => system.basic(user.email, data.password);

  beforeAll(async () => {
    system = await startSystem();
    data = await seedInsightDataset(system.database.db);
    for (const [user, kind, csv] of [[data.tara, 'creator-sales', data.taraSalesCsv], [data.tara, 'post-performance', data.postPerformanceCsv]] as const) {
      const response = await fetch(`${system.baseUrl}/imports/${kind}`, { method: 'POST', headers: { authorization: as(user), 'content-type': 'text/csv' }, body: csv });
      expect(response.status).toBe(200);
    }
    connection = await Connection.connect({ address: system.temporalAddress });
    client = new Client({ connection });
  });

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
  });

  it('has a Schedule on the 1st of each month that, fired, reports on the month that ended for every team lead', async () => {
    const schedule = client.schedule.getHandle(monthlyReportsScheduleId(system.taskQueue));
    const description = await waitFor('the Schedule', async () => schedule.describe().catch(() => undefined), 30_000);
    expect(description.spec.calendars).toEqual([
      expect.objectContaining({
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
        hour: [{ start: 6, end: 6, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
        month: [{ start: 'JANUARY', end: 'DECEMBER', step: 1 }],
        dayOfWeek: [{ start: 'SUNDAY', end: 'SATURDAY', step: 1 }],
      }),
    ]);
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monthlyTeamReportsWorkflow', taskQueue: system.taskQueue });

    await schedule.trigger();
    const lastMonth = periodContaining('month', new Date()).previous.start;
    const report = await waitFor('the scheduled report', async () => (await system.database.db.getRepository(Report).findOneBy({ subjectId: data.maya.id, periodStart: lastMonth })) ?? undefined, 90_000);
    expect(report).toMatchObject({ kind: 'team_monthly', trigger: 'schedule', periodLabel: lastMonth.slice(0, 7) });
  });

  it("makes a team lead's October report on demand: a PDF and a CSV holding the month's figures", async () => {
    const made = await requestJson(system.baseUrl, 'POST', '/reports/team-monthly', as(data.maya), { managerId: data.maya.id, month: '2026-10-01' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: 'team_monthly', trigger: 'on_demand', periodLabel: '2026-10', subjectId: data.maya.id, requestedById: data.maya.id });
    expect(made.body).not.toHaveProperty('pdf');

    const pdf = await fetch(`${system.baseUrl}/reports/${made.body.id}/pdf`, { headers: { authorization: as(data.maya) } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    fs.mkdirSync('test-artifacts', { recursive: true });
    fs.copyFileSync(file, path.join('test-artifacts', 'monthly-team-report-2026-10.pdf'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Monthly report — team of Maya Manager — 2026-10');
    expect(text).toContain('INR (₹)');
    expect(text).toContain('On-time delivery: 50 % (target 90 %, 55.6 % of target — missed)');
    expect(text).toContain('NMV (INR): INR 6,300.00 (target INR 10,000.00, 63 % of target — missed)');
    expect(text).toContain('Revenue through managed talent (INR): INR 10,000.00');
    expect(text).toContain('Asha Rao (Tara Talent): NMV INR 4,500.00; up 12.5 % on last month; 3 posts live');
    expect(text).toContain('BRIEF_ACK_OVERDUE: 1');
    expect(text).toContain('Rework: 0.5 revision rounds per approved deliverable');
    expect(text).toContain('On-time delivery is 50 % against a target of 90 %.');

    const csv = await fetch(`${system.baseUrl}/reports/${made.body.id}/csv`, { headers: { authorization: as(data.maya) } });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('section,item,currency,value,target,progress,note');
    expect(lines).toContain('outcome,NMV,INR,630000,1000000,0.63,missed; in INR');
    expect(lines.some((line) => line.startsWith('top creator,Asha Rao,INR,450000,'))).toBe(true);

    // The same month again replaces it: one report per team and month.
    const again = await requestJson(system.baseUrl, 'POST', '/reports/team-monthly', as(data.maya), { managerId: data.maya.id, month: '2026-10-01' });
    expect(again.body.id).toBe(made.body.id);
    expect(await system.database.db.getRepository(Report).countBy({ subjectId: data.maya.id, periodStart: '2026-10-01' })).toBe(1);
  });

  it('keeps reports within reach and refuses what it cannot make', async () => {
    const [report] = (await requestJson(system.baseUrl, 'GET', '/reports', as(data.maya))).body;
    expect((await requestJson(system.baseUrl, 'GET', '/reports', as(data.omar))).body).toEqual([]);
    expect((await fetch(`${system.baseUrl}/reports/${report.id}/pdf`, { headers: { authorization: as(data.omar) } })).status).toBe(403);
    expect((await requestJson(system.baseUrl, 'POST', '/reports/team-monthly', as(data.tara), { managerId: data.maya.id, month: '2026-10-01' })).status).toBe(403);
    const midMonth = await requestJson(system.baseUrl, 'POST', '/reports/team-monthly', as(data.maya), { managerId: data.maya.id, month: '2026-10-15' });
    expect(midMonth.status).toBe(400);
    expect(JSON.stringify(midMonth.body.message)).toMatch(/month must be the first day of a month/);
  });

  it("exports a campaign's summary, recorded when it ended, as a PDF and a CSV", async () => {
    const [campaign] = await system.database.db.query(`SELECT c."id", c."name" FROM "campaigns" c JOIN "collaborations" b ON b."campaignId" = c."id" WHERE b."talentManagerId" = $1 LIMIT 1`, [data.tara.id]);
    const route = `/reports/campaigns/${campaign.id}/summary`;
    const early = await requestJson(system.baseUrl, 'GET', `${route}.csv`, as(data.maya));
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/has not ended/);

    const summary = summarizeCampaign('INR', [
      { stage: CollaborationStage.Completed, currency: 'INR', brandPriceMinor: 1_000_000, feePaidMinor: 750_000, killFeeMinor: 0, escalations: 1 },
      { stage: CollaborationStage.Dropped, currency: 'INR', brandPriceMinor: 400_000, feePaidMinor: 0, killFeeMinor: 50_000, escalations: 1 },
    ]);
    await system.database.db.query(`UPDATE "campaigns" SET "summary" = $2 WHERE "id" = $1`, [campaign.id, summary]);
    const csv = await fetch(`${system.baseUrl}${route}.csv`, { headers: { authorization: as(data.maya) } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toContain(`${campaign.name},billed,"INR 10,000.00",INR,1000000`);
    expect(lines).toContain(`${campaign.name},margin_bps,2000,,`);

    const pdf = await fetch(`${system.baseUrl}${route}.pdf`, { headers: { authorization: as(data.maya) } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summary-')), 'summary.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`Campaign summary — ${campaign.name}`);
    expect(text).toContain('Billed to the brand: INR 10,000.00');
    expect(text).toContain('Kill fees: INR 500.00');
    expect(text).toContain('Margin: 20 %');
    expect((await fetch(`${system.baseUrl}${route}.pdf`, { headers: { authorization: as(data.omar) } })).status).toBe(403);
    expect((await fetch(`${system.baseUrl}${route}.xlsx`, { headers: { authorization: as(data.maya) } })).status).toBe(400);
  });
});
