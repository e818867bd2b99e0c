import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../libs/auth/passwords';
import { Collaboration, Escalation, User } from '../../libs/domain/entities';
import { EscalationKind, EscalationSeverity, EscalationStatus } from '../../libs/domain/rules/escalations';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { closePanelSessions, launchChromium, logIn as logInAt, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

/**
 * The back office as an ops person uses it: the built API and worker (dist/), a fresh database,
 * Chromium. Every test leaves a screenshot in test-artifacts/.
 */

let system: RunningSystem;
let browser: Browser;
let talentManager: User;
let campaignId: string;

const sessions: PanelSession[] = [];

async function newSession(): Promise<PanelSession> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  return session;
}

const logIn = (page: Page, email: string, password: string) => logInAt(page, system.baseUrl, email, password);

/** The REST API, as the seeded admin (HTTP Basic). */
async function api<T = Record<string, unknown>>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${system.baseUrl}${route}`, {
    method,
    headers: { authorization: system.basic(system.admin.email, system.admin.password), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A new creator of the talent manager's, booked on the shared campaign: its workflow runs. */
async function bookCreator(): Promise<string> {
  const handle = `creator.${randomBytes(4).toString('hex')}`;
  const creator = await api<{ id: string }>('POST', '/creators', { name: `Creator ${handle}`, handle, ownerId: talentManager.id });
  const booking = await api<{ id: string; stage: string }>('POST', '/collaborations', {
    campaignId,
    creatorId: creator.id,
    brandPriceMinor: 10_000_000,
    creatorFeeMinor: 7_000_000,
  });
  expect(booking.stage).toBe(CollaborationStage.Briefed);
  return booking.id;
}

async function storedStage(id: string): Promise<string> {
  return (await system.database.db.getRepository(Collaboration).findOneByOrFail({ id })).stage;
}

const showUrl = (id: string) => `${system.baseUrl}/admin/resources/Collaboration/records/${id}/show`;

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);

  const users = system.database.db.getRepository(User);
  talentManager = await users.save(
    users.create({
      email: 'tara.tm@creatorops.test',
      name: 'Tara Thomas',
      role: Role.TalentManager,
      passwordHash: await hashPassword(`pw-${randomBytes(6).toString('hex')}`),
    }),
  );
  const brand = await api<{ id: string }>('POST', '/brands', { name: 'GlowCo', category: 'skincare' });
  const campaign = await api<{ id: string }>('POST', '/campaigns', {
    brandId: brand.id,
    name: 'Winter Glow',
    budgetMinor: 150_000_000,
    currency: 'INR',
    ...upcomingCampaign(),
  });
  campaignId = campaign.id;
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test('(a) /admin without a session goes to the login page, and the API gives no data', async () => {
  const { page } = await newSession();
  await page.goto(`${system.baseUrl}/admin`);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
  await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true);
  await expect(page.getByText('CreatorOps').first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'back-office-login-redirect');

  for (const route of ['/admin/api/resources/Collaboration/actions/list', '/admin/api/resources/User/actions/list']) {
    const response = await fetch(`${system.baseUrl}${route}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/login');
    expect(await response.text()).not.toContain('"records"');
  }
  const csp = (await fetch(`${system.baseUrl}/admin/login`)).headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
});

/** A conflict-free booking passes CONFLICT_CHECK on its own and waits in NEGOTIATING. */
async function settledIn(id: string, stage: CollaborationStage): Promise<void> {
  await waitFor(`collaboration ${id} in ${stage}`, async () => ((await storedStage(id)) === stage ? true : undefined), 20_000);
}

test('(b) "Acknowledge brief" in the panel moves the workflow on from BRIEFED', async () => {
  const id = await bookCreator();
  const { page } = await newSession();
  await logIn(page, system.admin.email, system.admin.password);
  expect(new URL(page.url()).pathname).toBe('/admin');
  // Our home page, not AdminJS's developer welcome.
  await page.getByText('CreatorOps back office').waitFor();
  await expect(page.getByText('Welcome on Board').count()).resolves.toBe(0);

  await page.goto(showUrl(id));
  const action = page.getByTestId('action-acknowledgeBrief');
  await action.waitFor();
  await expect(action.textContent()).resolves.toContain('Acknowledge brief');
  await expect(page.getByText('Tara Thomas').first().isVisible()).resolves.toBe(true);
  await action.click();
  await page.getByText('Confirm that the creator has acknowledged the brief').waitFor();
  await page.getByRole('button', { name: /^confirm$/i }).click();
  await page.getByText('Brief acknowledged — stage is now CONFLICT_CHECK').waitFor({ timeout: 30_000 });
  // The page shows the new stage (the conflict check may already have passed), and the decision is no longer offered.
  await page.getByText(/^(conflict.check|negotiating)$/i).first().waitFor();
  await expect(page.getByTestId('action-acknowledgeBrief').count()).resolves.toBe(0);
  await screenshot(page, 'back-office-acknowledge-brief');

  await settledIn(id, CollaborationStage.Negotiating);
  const view = await api<{ live: { stage: string } | null; collaboration: { stage: string } }>('GET', `/collaborations/${id}?live=true`);
  expect(view.live?.stage).toBe(CollaborationStage.Negotiating);
});

test('(c) acknowledging again returns the workflow\'s refusal as an error notice, and nothing changes', async () => {
  const id = await bookCreator();
  const { page } = await newSession();
  await logIn(page, system.admin.email, system.admin.password);
  await page.goto(showUrl(id));
  const action = page.getByTestId('action-acknowledgeBrief');
  await action.waitFor();
  // The decision is a form the panel posts (a GET only opens it): open it.
  await action.click();
  await page.getByText('Confirm that the creator has acknowledged the brief').waitFor();

  // Someone else acknowledges through the API while this form is open: the page is now stale.
  await api('POST', `/collaborations/${id}/acknowledge-brief`);
  await settledIn(id, CollaborationStage.Negotiating);
  const refusal = 'The brief can only be acknowledged while the collaboration is BRIEFED; it is NEGOTIATING';

  await page.getByRole('button', { name: /^confirm$/i }).click();
  await page.getByTestId('decision-error').getByText(refusal).waitFor();
  await screenshot(page, 'back-office-acknowledge-refused');

  // A forged or repeated call: the action endpoint itself, with the browser's session.
  const response = await page.request.post(`${system.baseUrl}/admin/api/resources/Collaboration/records/${id}/acknowledgeBrief`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { notice?: { message: string; type: string }; record?: { params: Record<string, unknown> } };
  expect(body.notice).toEqual({ type: 'error', message: refusal });
  expect(body.record?.params.stage).toBe(CollaborationStage.Negotiating);

  const view = await api<{ live: { stage: string; history: Array<{ event: string }> } | null }>('GET', `/collaborations/${id}?live=true`);
  expect(view.live?.stage).toBe(CollaborationStage.Negotiating);
  expect(view.live?.history.filter((entry) => entry.event === 'brief.acknowledged')).toHaveLength(1);
  expect(await storedStage(id)).toBe(CollaborationStage.Negotiating);
});

test('(d) a wrong password shows a login error', async () => {
  const { page } = await newSession();
  await logIn(page, system.admin.email, `wrong-${randomBytes(6).toString('hex')}`);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
  await page.getByText('Wrong email and/or password').waitFor();
  await screenshot(page, 'back-office-wrong-password');

  const session = (await page.context().cookies()).find((cookie) => cookie.name === 'creatorops.sid');
  expect(session).toBeUndefined();
});

test('(e) escalations are listed, newest first, and no panel response carries a secret', async () => {
  const id = await bookCreator();
  const escalations = system.database.db.getRepository(Escalation);
  await escalations.save([
    escalations.create({
      collaborationId: id,
      kind: EscalationKind.Conflict,
      severity: EscalationSeverity.High,
      status: EscalationStatus.Open,
      raisedAt: new Date(Date.now() - 60 * 60 * 1000),
      summary: 'An older escalation, listed second.',
      eventKey: `browser-test:${id}:older`,
    }),
    escalations.create({
      collaborationId: id,
      kind: EscalationKind.BriefAckOverdue,
      severity: EscalationSeverity.Medium,
      status: EscalationStatus.Open,
      raisedAt: new Date(),
      assigneeId: talentManager.id,
      summary: 'The creator has not acknowledged the brief within the agreed time.',
      eventKey: `browser-test:${id}:newer`,
    }),
  ]);

  const { page } = await newSession();
  await logIn(page, system.admin.email, system.admin.password);
  await page.goto(`${system.baseUrl}/admin/resources/Escalation`);
  const newer = page.getByText('The creator has not acknowledged the brief within the agreed time.');
  const older = page.getByText('An older escalation, listed second.');
  await newer.waitFor();
  await older.waitFor();
  expect((await newer.boundingBox())!.y).toBeLessThan((await older.boundingBox())!.y);
  await expect(page.getByText(/^brief.ack.overdue$/i).first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'back-office-escalations');

  // Hidden columns are not properties: they can be neither read nor used to filter or sort.
  const users = await page.request.get(`${system.baseUrl}/admin/api/resources/User/actions/list?filters.passwordHash=argon2&sortBy=passwordHash`);
  const listed = (await users.json()) as { records: Array<{ params: Record<string, unknown> }> };
  expect(listed.records.length).toBeGreaterThanOrEqual(2);
  expect(JSON.stringify(listed)).not.toMatch(/passwordHash|argon2/);
  const creators = await page.request.get(`${system.baseUrl}/admin/api/resources/Creator/actions/list`);
  expect(await creators.text()).not.toContain('payoutReference');
});
