import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../libs/auth/passwords';
import { AuditLog, Brand, Collaboration, Creator, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { restClient } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The panel's record actions for what changes after a record was added (issue 11, items 14 and
 * 15), in Chromium against the built app: a brand's guidelines edited in a form that opens with
 * the stored lists, and a creator handed to another talent manager by their manager.
 */

let system: RunningSystem;
let browser: Browser;
let team: Team;
const sessions: PanelSession[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  team = await createTeam(system.database.db);
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function signedIn(email: string, password: string): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, password);
  return session.page;
}

const recordUrl = (resource: string, id: string) => `${system.baseUrl}/admin/resources/${resource}/records/${id}/show`;

test('a talent manager edits a brand’s guidelines in a form that opens with the stored lists', async () => {
  const asTalentManager = restClient(system, team.talentManager.email, team.password);
  const brand = await asTalentManager.ok('POST', '/brands', { name: `Lumen ${randomBytes(3).toString('hex')}`, category: 'skincare', guidelines: { mandatoryHashtags: ['#Lumen'] } });
  const page = await signedIn(team.talentManager.email, team.password);
  await page.goto(recordUrl('Brand', brand.id));
  await page.getByTestId('action-editGuidelines').click();
  await page.getByTestId('decision-form').waitFor();
  await expect(page.getByTestId('decision-field-mandatoryHashtags').inputValue()).resolves.toBe('#Lumen');
  await page.getByTestId('decision-field-mandatoryMentions').fill('@lumen');
  await page.getByTestId('decision-field-prohibitedClaims').fill('cures acne\nclinically proven');
  await screenshot(page, 'brand-edit-guidelines');
  await page.getByTestId('decision-submit').click();
  await page.getByText('Guidelines saved').first().waitFor({ timeout: 30_000 });
  expect((await system.database.db.getRepository(Brand).findOneByOrFail({ id: brand.id })).guidelines).toEqual({
    mandatoryHashtags: ['#Lumen'], mandatoryMentions: ['@lumen'], prohibitedClaims: ['cures acne', 'clinically proven'],
  });
});

test('a manager reassigns a creator with a reason; the talent manager is not offered the action', async () => {
  const users = system.database.db.getRepository(User);
  const tanvi = await users.save({ email: `tanvi-${randomBytes(3).toString('hex')}@test.local`, name: 'Tanvi Talent', role: Role.TalentManager, managerId: team.manager.id, passwordHash: await hashPassword(team.password) });
  const asTalentManager = restClient(system, team.talentManager.email, team.password);
  const handle = `asha.${randomBytes(3).toString('hex')}`;
  const creator = await asTalentManager.ok('POST', '/creators', { name: `Asha ${handle}`, handle });
  const brand = await asTalentManager.ok('POST', '/brands', { name: `Glow ${handle}`, category: 'skincare' });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const campaign = await asTalentManager.ok('POST', '/campaigns', { brandId: brand.id, name: `Glow ${handle}`, budgetMinor: 50_000_000, currency: 'INR', startsOn: day(0), endsOn: day(60), ownerId: team.manager.id });
  const booking = await asTalentManager.ok('POST', '/collaborations', { campaignId: campaign.id, creatorId: creator.id });

  const tara = await signedIn(team.talentManager.email, team.password);
  await tara.goto(recordUrl('Creator', creator.id));
  await tara.getByTestId('action-editProfile').waitFor();
  expect(await tara.getByTestId('action-reassignOwner').count()).toBe(0);

  const manager = await signedIn(team.manager.email, team.password);
  await manager.goto(recordUrl('Creator', creator.id));
  await manager.getByTestId('action-reassignOwner').click();
  await manager.getByTestId('decision-form').waitFor();
  await manager.getByTestId('decision-field-toUserId').fill(tanvi.id);
  await manager.getByTestId('decision-field-reason').fill('Tara is on leave until March');
  await screenshot(manager, 'creator-reassign');
  await manager.getByTestId('decision-submit').click();
  await manager.getByText('Reassigned; 1 running booking(s) moved, 0 kept').first().waitFor({ timeout: 30_000 });
  expect((await system.database.db.getRepository(Creator).findOneByOrFail({ id: creator.id })).ownerId).toBe(tanvi.id);
  expect((await system.database.db.getRepository(Collaboration).findOneByOrFail({ id: booking.id })).talentManagerId).toBe(tanvi.id);
  expect(await system.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: creator.id, action: 'creator.reassigned' })).toMatchObject({
    actorId: team.manager.id, after: { ownerId: tanvi.id, reason: 'Tara is on leave until March' },
  });
});
