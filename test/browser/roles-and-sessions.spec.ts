import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../libs/auth/passwords';
import { AuditLog, Collaboration, Creator, Escalation, Payout, User } from '../../libs/domain/entities';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { PayoutKind, PayoutStatus } from '../../libs/domain/rules/lifecycle';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, SESSION_COOKIE, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';
import { dayFromToday, upcomingCampaign } from '../support/dates';

/**
 * Who may do what in the back office (docs/access.md), checked where it matters: on the server.
 * The built API and worker, a fresh database, Chromium; every test leaves a screenshot in
 * test-artifacts/.
 */

let system: RunningSystem;
let browser: Browser;
const password = `pw-${randomBytes(8).toString('hex')}`;
let maya: User; // manager
let tara: User; // talent manager in Maya's team
let tom: User; // talent manager in no team
let farhan: User; // finance
let brandId: string;
let campaignId: string;
let taraCreator: Creator;
let tomCreator: Creator;
let taraBooking: string;
let tomBooking: string;
let taraPayout: Payout;
let tomPayout: Payout;

const sessions: PanelSession[] = [];
async function session(): Promise<PanelSession> {
  const opened = await newPanelSession(browser);
  sessions.push(opened);
  return opened;
}

const adminApi = (route: string) => `${system.baseUrl}/admin/api${route}`;

/** The REST API with HTTP Basic. */
async function api<T = Record<string, unknown>>(method: 'GET' | 'POST', route: string, body?: unknown, as = system.admin): Promise<T> {
  const response = await fetch(`${system.baseUrl}${route}`, {
    method,
    headers: { authorization: system.basic(as.email, as.password), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function createUser(name: string, role: Role, managerId: string | null = null): Promise<User> {
  const users = system.database.db.getRepository(User);
  const tag = randomBytes(3).toString('hex');
  return users.save(
    users.create({ email: `${name.toLowerCase()}.${tag}@creatorops.test`, name, role, managerId, passwordHash: await hashPassword(password) }),
  );
}

async function createCreator(owner: User): Promise<Creator> {
  const handle = `creator.${randomBytes(4).toString('hex')}`;
  const created = await api<{ id: string }>('POST', '/creators', { name: `Creator of ${owner.name} ${handle}`, handle, ownerId: owner.id });
  return system.database.db.getRepository(Creator).findOneByOrFail({ id: created.id });
}

async function book(creatorId: string, campaign = campaignId): Promise<string> {
  const booking = await api<{ id: string; stage: string }>('POST', '/collaborations', {
    campaignId: campaign,
    creatorId,
    brandPriceMinor: 10_000_000,
    creatorFeeMinor: 7_000_000,
  });
  expect(booking.stage).toBe(CollaborationStage.Briefed);
  return booking.id;
}

/** A payout row as the payout workflow writes it (invoiced, due yesterday: overdue). */
async function payoutFor(collaborationId: string, requestedBy: User): Promise<Payout> {
  const payouts = system.database.db.getRepository(Payout);
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return payouts.save(
    payouts.create({
      collaborationId,
      kind: PayoutKind.Fee,
      amountMinor: 7_000_000,
      currency: 'INR',
      status: PayoutStatus.Invoiced,
      invoiceNumber: `INV-${randomBytes(3).toString('hex')}`,
      dueOn: yesterday,
      requestedById: requestedBy.id,
      idempotencyKey: `browser-test:${randomBytes(6).toString('hex')}`,
    }),
  );
}

type PanelAnswer = { notice?: { type: string; message: string }; record?: { params: Record<string, unknown> }; records?: Array<{ id: string; params: Record<string, unknown> }> };

async function panelGet(page: Page, route: string): Promise<PanelAnswer> {
  const response = await page.request.get(adminApi(route));
  if (response.status() !== 200) throw new Error(`GET ${route} answered ${response.status()}: ${(await response.text()).slice(0, 500)}\n${system.logs().split('\n').filter((l) => /error|Error|at /.test(l)).slice(-30).join('\n')}`);
  return (await response.json()) as PanelAnswer;
}

async function panelPost(page: Page, route: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return page.request.post(adminApi(route), { form, headers: { origin: system.baseUrl, ...headers } });
}

/** AdminJS's answer to a refused action: an error notice and no data. */
function expectRefused(answer: PanelAnswer): void {
  expect(answer.notice?.type).toBe('error');
  expect(answer.record?.params ?? {}).toEqual({});
  expect(answer.records ?? []).toEqual([]);
}

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  maya = await createUser('Maya', Role.Manager);
  tara = await createUser('Tara', Role.TalentManager, maya.id);
  tom = await createUser('Tom', Role.TalentManager);
  farhan = await createUser('Farhan', Role.Finance);

  const brand = await api<{ id: string }>('POST', '/brands', { name: 'GlowCo', category: 'skincare' });
  brandId = brand.id;
  const campaign = await api<{ id: string }>('POST', '/campaigns', {
    brandId,
    name: 'Winter Glow',
    budgetMinor: 150_000_000,
    currency: 'INR',
    ...upcomingCampaign(),
  });
  campaignId = campaign.id;
  taraCreator = await createCreator(tara);
  tomCreator = await createCreator(tom);
  taraBooking = await book(taraCreator.id);
  tomBooking = await book(tomCreator.id);
  taraPayout = await payoutFor(taraBooking, tara);
  tomPayout = await payoutFor(tomBooking, tom);
}, 180_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test('(a) sign in lands on the per-role dashboard; signing out ends the session in the database', async () => {
  const { page, context } = await session();
  await logIn(page, system.baseUrl, tara.email, password);
  expect(new URL(page.url()).pathname).toBe('/admin');
  await page.getByTestId('dashboard').waitFor();
  await page.getByText(`Signed in as ${tara.name} (talent_manager)`).waitFor();
  for (const panel of ['escalations', 'deadlines', 'drafts', 'on-time', 'monthly']) await page.getByTestId(`dashboard-${panel}`).waitFor();
  // Payouts due are finance's.
  await expect(page.getByTestId('dashboard-payouts').count()).resolves.toBe(0);
  await page.getByTestId('dashboard-chart').waitFor();
  // Counts and money on charts of their own, each with its axes and unit.
  const bookings = page.locator('svg[data-testid="dashboard-bookings"]');
  expect(await bookings.locator('[data-testid="dashboard-bookings-x-axis-line"]').count()).toBe(1);
  expect(await bookings.locator('[data-testid="dashboard-bookings-y-axis-line"]').count()).toBe(1);
  await expect(bookings.getByTestId('dashboard-bookings-y-axis-title').textContent()).resolves.toBe('Collaborations booked');

  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/admin' });
  const sid = decodeURIComponent(cookie!.value).slice(2).split('.')[0];
  const stored = await system.database.db.query(`SELECT "sess" FROM "admin_session" WHERE "sid" = $1`, [sid]);
  expect(stored).toHaveLength(1);
  // The session row holds who is signed in, never a password or a hash.
  expect(JSON.stringify(stored[0].sess)).not.toMatch(/argon2|passwordHash|password/);
  await screenshot(page, 'roles-login-dashboard');

  // Sign out through the user menu.
  await page.getByText(tara.email).first().click();
  await Promise.all([page.waitForURL(/\/admin\/login$/), page.getByText(/log ?out/i).first().click()]);
  await page.locator('input[name="email"]').waitFor();
  await screenshot(page, 'roles-logout');
  expect(await system.database.db.query(`SELECT 1 FROM "admin_session" WHERE "sid" = $1`, [sid])).toHaveLength(0);
  // The old cookie is worth nothing now.
  const replay = await fetch(`${system.baseUrl}/admin/api/resources/Collaboration/actions/list`, {
    headers: { cookie: `${SESSION_COOKIE}=${cookie!.value}` },
    redirect: 'manual',
  });
  expect(replay.status).toBe(302);
});

test('(b) an account is locked after repeated failures, and a disabled user cannot sign in', async () => {
  const victim = await createUser('Victim', Role.TalentManager);
  const { page } = await session();
  for (let i = 0; i < 5; i += 1) {
    const response = await fetch(`${system.baseUrl}/collaborations/${taraBooking}`, { headers: { authorization: system.basic(victim.email, `wrong-${i}`) } });
    expect(response.status).toBe(401);
  }
  // Locked: even the right password is refused, in the panel and in the API, until the lock ends.
  await logIn(page, system.baseUrl, victim.email, password);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
  await page.getByText(/Too many failed sign-ins for this account/).waitFor();
  await screenshot(page, 'roles-account-locked');
  const locked = await fetch(`${system.baseUrl}/collaborations/${taraBooking}`, { headers: { authorization: system.basic(victim.email, password) } });
  expect(locked.status).toBe(429);
  expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  const audited = await system.database.db.getRepository(AuditLog).findBy({ entity: 'User', entityId: victim.id, action: 'auth.account_locked' });
  expect(audited).toHaveLength(1);

  // Disabled: the right password no longer signs in, and a running session ends.
  const disabled = await createUser('Gone', Role.TalentManager);
  const other = await session();
  await logIn(other.page, system.baseUrl, disabled.email, password);
  expect(new URL(other.page.url()).pathname).toBe('/admin');
  await system.database.db.getRepository(User).update({ id: disabled.id }, { active: false });
  const afterDisable = await other.page.request.get(adminApi('/resources/Collaboration/actions/list'), { maxRedirects: 0 });
  expect(afterDisable.status()).toBe(302);
  await logIn(other.page, system.baseUrl, disabled.email, password);
  expect(new URL(other.page.url()).pathname).toBe('/admin/login');
  await other.page.getByText('Wrong email and/or password').waitFor();
});

test('(c) a talent manager cannot open others\' payouts or approve any: the server refuses, not only the buttons', async () => {
  const { page } = await session();
  await logIn(page, system.baseUrl, tara.email, password);

  // The list holds only the payouts of her own bookings.
  const listed = await panelGet(page, '/resources/Payout/actions/list');
  expect(listed.records!.map((r) => r.id)).toEqual([taraPayout.id]);
  // Someone else's payout, by its address: refused.
  expectRefused(await panelGet(page, `/resources/Payout/records/${tomPayout.id}/show`));
  await page.goto(`${system.baseUrl}/admin/resources/Payout/records/${tomPayout.id}/show`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(tomPayout.invoiceNumber!).count()).resolves.toBe(0);
  await screenshot(page, 'roles-tm-payout-refused');

  // Approving, even her own booking's payout, by a direct POST: refused, nothing changes.
  const approve = await panelPost(page, `/resources/Payout/records/${taraPayout.id}/approvePayout`);
  expect(approve.status()).toBe(200);
  expectRefused((await approve.json()) as PanelAnswer);
  const own = await panelGet(page, `/resources/Payout/records/${taraPayout.id}/show`);
  expect(own.record?.params.status).toBe(PayoutStatus.Invoiced);
  expect(JSON.stringify(own)).not.toContain('"approvePayout"');
  // The REST API refuses her too.
  const rest = await fetch(`${system.baseUrl}/collaborations/${taraBooking}/payout/approve`, {
    method: 'POST',
    headers: { authorization: system.basic(tara.email, password) },
  });
  expect(rest.status).toBe(403);
  expect((await system.database.db.getRepository(Payout).findOneByOrFail({ id: taraPayout.id })).status).toBe(PayoutStatus.Invoiced);

  // Roster and bookings: read-only outside her own.
  expect((await panelGet(page, `/resources/Creator/records/${tomCreator.id}/show`)).record?.params.name).toBe(tomCreator.name);
  const editOthers = await panelPost(page, `/resources/Creator/records/${tomCreator.id}/edit`, { name: 'Taken over' });
  expectRefused((await editOthers.json()) as PanelAnswer);
  const editOwn = await panelPost(page, `/resources/Creator/records/${taraCreator.id}/edit`, { city: 'Pune' });
  expect(((await editOwn.json()) as PanelAnswer).notice?.type).toBe('success');
  // …and she cannot give her creator away to someone outside her team.
  const giveAway = await panelPost(page, `/resources/Creator/records/${taraCreator.id}/edit`, { ownerId: tom.id });
  expect(((await giveAway.json()) as PanelAnswer).notice?.type).toBe('error');
  const creators = system.database.db.getRepository(Creator);
  expect((await creators.findOneByOrFail({ id: tomCreator.id })).name).toBe(tomCreator.name);
  expect(await creators.findOneByOrFail({ id: taraCreator.id })).toMatchObject({ city: 'Pune', ownerId: tara.id });
  const decideOthers = await panelPost(page, `/resources/Collaboration/records/${tomBooking}/acknowledgeBrief`);
  expectRefused((await decideOthers.json()) as PanelAnswer);

  // Her manager sees the team's payout but not Tom's; finance sees both, and may approve.
  const manager = await session();
  await logIn(manager.page, system.baseUrl, maya.email, password);
  expect((await panelGet(manager.page, '/resources/Payout/actions/list')).records!.map((r) => r.id)).toEqual([taraPayout.id]);
  expectRefused(await panelGet(manager.page, `/resources/Payout/records/${tomPayout.id}/show`));
  const finance = await session();
  await logIn(finance.page, system.baseUrl, farhan.email, password);
  expect((await panelGet(finance.page, '/resources/Payout/actions/list')).records!.map((r) => r.id).sort()).toEqual([taraPayout.id, tomPayout.id].sort());
  await finance.page.goto(`${system.baseUrl}/admin/resources/Payout/records/${tomPayout.id}/show`);
  await finance.page.getByTestId('action-approvePayout').waitFor();
  await finance.page.goto(`${system.baseUrl}/admin`);
  await finance.page.getByTestId('dashboard-payout-overdue').first().waitFor();
  await screenshot(finance.page, 'roles-finance-dashboard');
  // Finance reads bookings but does not edit them.
  expectRefused((await (await panelPost(finance.page, `/resources/Collaboration/records/${tomBooking}/edit`, { creatorFeeMinor: '1' })).json()) as PanelAnswer);
});

test('(d) the dashboard shows an escalation raised by a lapsed deadline, to whom it concerns; lists filter on overdue', async () => {
  const flash = await api<{ id: string }>('POST', '/campaigns', {
    brandId,
    name: 'Flash',
    budgetMinor: 5_000_000,
    currency: 'INR',
    // Tomorrow for 30 days: a campaign whose end has passed is refused.
    startsOn: dayFromToday(1),
    endsOn: dayFromToday(31),
    slaOverrides: { briefAckReminder: '1s', briefAckEscalation: '2s' },
  });
  const creator = await createCreator(tara);
  const booking = await book(creator.id, flash.id);
  const escalation = await waitFor(
    'the BRIEF_ACK_OVERDUE escalation',
    async () => (await system.database.db.getRepository(Escalation).findOneBy({ collaborationId: booking, kind: EscalationKind.BriefAckOverdue })) ?? undefined,
    60_000,
  );

  const { page } = await session();
  await logIn(page, system.baseUrl, tara.email, password);
  const item = page.getByTestId('dashboard-escalation').filter({ hasText: creator.name });
  await item.waitFor();
  await expect(item.textContent()).resolves.toContain('BRIEF_ACK_OVERDUE');
  await expect(item.textContent()).resolves.toContain('Flash');
  await screenshot(page, 'roles-dashboard-escalation');
  // The link opens the escalation.
  await item.getByRole('link').click();
  await page.waitForURL(new RegExp(`/admin/resources/Escalation/records/${escalation.id}/show$`));

  // Her manager (the assignee) sees it; another talent manager does not.
  const manager = await session();
  await logIn(manager.page, system.baseUrl, maya.email, password);
  await manager.page.getByTestId('dashboard-escalation').filter({ hasText: creator.name }).waitFor();
  const stranger = await session();
  await logIn(stranger.page, system.baseUrl, tom.email, password);
  await stranger.page.getByTestId('dashboard-escalations').waitFor();
  await expect(stranger.page.getByTestId('dashboard-escalation').filter({ hasText: creator.name }).count()).resolves.toBe(0);

  // The "Overdue" list filter (yes/no): the lapsed booking is overdue, one within its deadlines is not.
  const listed = async (on: Page, resource: string, overdue: boolean, filter: string) =>
    (await panelGet(on, `/resources/${resource}/actions/list?filters.overdue=${overdue}&${filter}`)).records!.map((record) => record.id);
  expect(await listed(page, 'Collaboration', true, `filters.creatorId=${creator.id}`)).toEqual([booking]);
  expect(await listed(page, 'Collaboration', false, `filters.creatorId=${creator.id}`)).toEqual([]);
  expect(await listed(page, 'Collaboration', true, `filters.creatorId=${taraCreator.id}`)).toEqual([]);
  expect(await listed(page, 'Collaboration', false, `filters.creatorId=${taraCreator.id}`)).toEqual([taraBooking]);
  // A payout past its due date and not paid is overdue (the manager reaches her team's payouts).
  expect(await listed(manager.page, 'Payout', true, `filters.collaborationId=${taraBooking}`)).toEqual([taraPayout.id]);
  expect(await listed(manager.page, 'Payout', false, `filters.collaborationId=${taraBooking}`)).toEqual([]);
  expect(await listed(manager.page, 'Deliverable', true, `filters.collaborationId=${taraBooking}`)).toEqual([]);
  // In the page: the filter drawer offers it, and the list shows the lapsed booking.
  await page.goto(`${system.baseUrl}/admin/resources/Collaboration?filters.overdue=true&filters.creatorId=${creator.id}`);
  await page.getByText(creator.name).first().waitFor();
  await page.getByText(/^Filter \(2\)$/).first().click();
  await page.getByText('Overdue', { exact: true }).first().waitFor();
  await screenshot(page, 'roles-overdue-filter');
});

test('(e) a panel session survives an API restart (sessions live in PostgreSQL)', async () => {
  const { page } = await session();
  await logIn(page, system.baseUrl, system.admin.email, system.admin.password);
  await page.getByTestId('dashboard').waitFor();
  await system.restartApi();
  await page.goto(`${system.baseUrl}/admin/resources/Collaboration`);
  expect(new URL(page.url()).pathname).toBe('/admin/resources/Collaboration');
  await page.getByText(taraCreator.name).first().waitFor();
  await screenshot(page, 'roles-session-after-restart');
});

test('(f) a forged cross-site POST to a panel action, or a cross-site sign-out, is refused', async () => {
  const { page } = await session();
  await logIn(page, system.baseUrl, tara.email, password);
  const route = `/resources/Creator/records/${taraCreator.id}/edit`;
  const foreignOrigin = await page.request.post(adminApi(route), { form: { name: 'Forged' }, headers: { origin: 'https://evil.example' } });
  expect(foreignOrigin.status()).toBe(403);
  expect(await foreignOrigin.text()).toContain('cross-origin request refused');
  const crossSite = await page.request.post(adminApi(route), { form: { name: 'Forged' }, headers: { 'sec-fetch-site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
  // A custom action run as a cross-site GET (AdminJS runs some actions as GET) is refused too.
  const crossSiteGet = await page.request.get(adminApi(`/resources/Collaboration/records/${taraBooking}/acknowledgeBrief`), {
    headers: { 'sec-fetch-site': 'cross-site' },
  });
  expect(crossSiteGet.status()).toBe(403);
  expect((await system.database.db.getRepository(Creator).findOneByOrFail({ id: taraCreator.id })).name).toBe(taraCreator.name);
  // Signing out is a GET in AdminJS: a link on another site does not end the session.
  const crossSiteSignOut = await page.request.get(`${system.baseUrl}/admin/logout`, { headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
  expect(crossSiteSignOut.status()).toBe(403);
  await page.goto(`${system.baseUrl}/admin/resources/Creator/records/${taraCreator.id}/show`);
  await page.getByText(taraCreator.name).first().waitFor();
  await screenshot(page, 'roles-forged-post-refused');
});

test('(g) the generic edit form cannot change a booking\'s stage or a payout\'s status, even when posted directly; a new end date reaches the campaign', async () => {
  const { page } = await session();
  await logIn(page, system.baseUrl, system.admin.email, system.admin.password);
  const edit = await panelPost(page, `/resources/Collaboration/records/${taraBooking}/edit`, {
    stage: CollaborationStage.Completed,
    workflowId: 'forged',
    creatorFeeMinor: '6500000',
  });
  expect(((await edit.json()) as PanelAnswer).notice?.type).toBe('success');
  const booking = await system.database.db.getRepository(Collaboration).findOneByOrFail({ id: taraBooking });
  expect(booking.stage).not.toBe(CollaborationStage.Completed);
  expect(booking.workflowId).not.toBe('forged');
  expect(booking.creatorFeeMinor).toBe(6_500_000);

  const payoutEdit = await panelPost(page, `/resources/Payout/records/${tomPayout.id}/edit`, { status: PayoutStatus.Paid });
  expect(payoutEdit.status()).toBe(200);
  expectRefused((await payoutEdit.json()) as PanelAnswer);
  expect((await system.database.db.getRepository(Payout).findOneByOrFail({ id: tomPayout.id })).status).toBe(PayoutStatus.Invoiced);

  await page.goto(`${system.baseUrl}/admin/resources/Collaboration/records/${taraBooking}/edit`);
  await page.locator('[data-testid="property-edit-creatorFeeMinor"], input[name="creatorFeeMinor"]').first().waitFor();
  await expect(page.locator('input[name="stage"], [data-testid="property-edit-stage"]').count()).resolves.toBe(0);
  await screenshot(page, 'roles-edit-without-stage');

  // A campaign's end date edited in the panel moves its running workflow's closing time: moved
  // into the past, the campaign stops taking bookings at once.
  const ending = await api<{ id: string }>('POST', '/campaigns', {
    brandId,
    name: 'Ends early',
    budgetMinor: 5_000_000,
    currency: 'INR',
    startsOn: dayFromToday(-30),
    endsOn: dayFromToday(62),
  });
  expect((await api<{ live: { status: string } }>('GET', `/campaigns/${ending.id}/state`)).live.status).toBe('active');
  const endsEarlier = await panelPost(page, `/resources/Campaign/records/${ending.id}/edit`, { endsOn: dayFromToday(-10) });
  expect(((await endsEarlier.json()) as PanelAnswer).notice?.type).toBe('success');
  await waitFor('the campaign closed to bookings', async () =>
    (await api<{ live: { status: string } }>('GET', `/campaigns/${ending.id}/state`)).live.status !== 'active' ? true : undefined,
  );
});

test('(h) an admin creates a user with a password, resets it, changes the role, disables: audited, never showing a hash', async () => {
  const { page } = await session();
  await logIn(page, system.baseUrl, system.admin.email, system.admin.password);
  const email = `new.${randomBytes(3).toString('hex')}@creatorops.test`;
  const first = `first-${randomBytes(6).toString('hex')}`;

  await page.goto(`${system.baseUrl}/admin/resources/User/actions/new`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="name"]').fill('Nina New');
  await page.locator('input[name="password"]').fill(first);
  // AdminJS's select for the role.
  await page.locator('[data-testid="property-edit-role"] input').first().fill('finance');
  await page.keyboard.press('Enter');
  await screenshot(page, 'roles-admin-new-user');
  await page.getByTestId('button-save').click();
  const users = system.database.db.getRepository(User);
  const created = await waitFor('the new user', async () => (await users.findOneBy({ email })) ?? undefined, 15_000);
  expect(created.role).toBe(Role.Finance);

  // The new user signs in with the initial password.
  const nina = await session();
  await logIn(nina.page, system.baseUrl, email, first);
  await nina.page.getByText('Signed in as Nina New (finance)').waitFor();

  // Reset the password and change the role: the old password stops working, the new role applies.
  const second = `second-${randomBytes(6).toString('hex')}`;
  const reset = await panelPost(page, `/resources/User/records/${created.id}/edit`, { password: second, role: Role.Manager });
  expect(((await reset.json()) as PanelAnswer).notice?.type).toBe('success');
  // Her running session ended with the reset.
  expect((await nina.page.request.get(adminApi('/resources/User/actions/list'), { maxRedirects: 0 })).status()).toBe(302);
  expect((await fetch(`${system.baseUrl}/collaborations/${taraBooking}`, { headers: { authorization: system.basic(email, first) } })).status).toBe(401);
  await logIn(nina.page, system.baseUrl, email, second);
  await nina.page.getByText('Signed in as Nina New (manager)').waitFor();

  // A too-short password and a posted hash are refused / ignored.
  const short = await panelPost(page, `/resources/User/records/${created.id}/edit`, { password: randomBytes(3).toString('hex') });
  expect(((await short.json()) as PanelAnswer).notice?.type).toBe('error');
  await panelPost(page, `/resources/User/records/${created.id}/edit`, { passwordHash: randomBytes(16).toString('hex') });
  // The new password works (a route any signed-in user may read: her API keys).
  expect((await fetch(`${system.baseUrl}/api-keys`, { headers: { authorization: system.basic(email, second) } })).status).toBe(200);

  // An admin cannot demote or disable themselves; disabling Nina ends her access.
  const admin = await users.findOneByOrFail({ email: system.admin.email });
  expect(((await (await panelPost(page, `/resources/User/records/${admin.id}/edit`, { role: Role.Finance })).json()) as PanelAnswer).notice?.type).toBe('error');
  expect(((await (await panelPost(page, `/resources/User/records/${created.id}/edit`, { active: 'false' })).json()) as PanelAnswer).notice?.type).toBe('success');
  expect((await nina.page.request.get(adminApi('/resources/User/actions/list'), { maxRedirects: 0 })).status()).toBe(302);

  // Audited, with the password recorded as set, never its value or hash.
  const entries = await system.database.db.getRepository(AuditLog).find({ where: { entity: 'User', entityId: created.id }, order: { id: 'ASC' } });
  expect(entries.map((entry) => entry.action)).toEqual(['panel.User.created', 'panel.User.updated', 'panel.User.updated']);
  expect(entries[0].after).toMatchObject({ email, role: Role.Finance, password: '(set)' });
  expect(entries[1].after).toMatchObject({ role: Role.Manager, password: '(set)' });
  expect(entries[2].after).toMatchObject({ active: false });
  expect(JSON.stringify(entries)).not.toMatch(/argon2|first-|second-/);

  // Nothing in the panel shows a hash, the session secret or a payout token.
  const secret = String(system.env.SESSION_SECRET);
  const token = `tok_${randomBytes(8).toString('hex')}`;
  await system.database.db.getRepository(Creator).update({ id: taraCreator.id }, { payoutReference: token });
  const hash: string = (await system.database.db.query(`SELECT "passwordHash" FROM "users" WHERE "id" = $1`, [created.id]))[0].passwordHash;
  const bodies = await Promise.all(
    [
      '/resources/User/actions/list',
      `/resources/User/records/${created.id}/show`,
      `/resources/Creator/records/${taraCreator.id}/show`,
      '/resources/Creator/actions/list',
      '/resources/AuditLog/actions/list',
      '/dashboard',
    ].map(async (route) => (await page.request.get(adminApi(route))).text()),
  );
  // Not as values, nor as fields of any record (the page itself names them only to hide them).
  for (const body of bodies) expect(/"(passwordHash|payoutReference)":/.test(body)).toBe(false);
  bodies.push(await (await page.request.get(`${system.baseUrl}/admin`)).text());
  for (const body of bodies) {
    expect(body.includes('$argon2')).toBe(false);
    expect(body.includes(hash)).toBe(false);
    expect(body.includes(token)).toBe(false);
    expect(body.includes(secret)).toBe(false);
  }

  // The audit log: read-only, filterable by actor, entity, action and date.
  const today = new Date().toISOString().slice(0, 10);
  const filtered = await panelGet(
    page,
    `/resources/AuditLog/actions/list?filters.actorId=${admin.id}&filters.entity=User&filters.action=panel.User&filters.at~~from=${today}`,
  );
  expect(filtered.records!.length).toBeGreaterThanOrEqual(3);
  expect(filtered.records!.every((r) => r.params.entity === 'User' && r.params.actorId === admin.id)).toBe(true);
  const entry = filtered.records![0].id;
  expectRefused((await (await panelPost(page, `/resources/AuditLog/records/${entry}/edit`, { action: 'forged' })).json()) as PanelAnswer);
  expectRefused((await (await panelPost(page, `/resources/AuditLog/records/${entry}/delete`)).json()) as PanelAnswer);
  await page.goto(`${system.baseUrl}/admin/resources/AuditLog?filters.entity=User`);
  await page.getByText('panel.User.created').first().waitFor();
  await screenshot(page, 'roles-audit-log');
});
