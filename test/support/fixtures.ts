import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../libs/auth/passwords';
import { Brand, Campaign, Collaboration, Creator, Market, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import type { DeliverablePlan } from '../../libs/domain/rules/terms';
import { collaborationWorkflowId } from '../../libs/temporal/workflow-ids';

export interface Team {
  manager: User;
  talentManager: User;
  finance: User;
  /** Everyone's password (tests only). */
  password: string;
}

const unique = () => randomBytes(4).toString('hex');

/** A manager, a talent manager reporting to them, and a finance officer. */
export async function createTeam(db: DataSource): Promise<Team> {
  const password = `pw-${unique()}-${unique()}`;
  const passwordHash = await hashPassword(password);
  const users = db.getRepository(User);
  const tag = unique();
  const manager = await users.save(users.create({ email: `manager-${tag}@test.local`, name: 'Maya Manager', role: Role.Manager, passwordHash }));
  const talentManager = await users.save(
    users.create({ email: `talent-${tag}@test.local`, name: 'Tara Talent', role: Role.TalentManager, managerId: manager.id, passwordHash }),
  );
  const finance = await users.save(users.create({ email: `finance-${tag}@test.local`, name: 'Farhan Finance', role: Role.Finance, passwordHash }));
  return { manager, talentManager, finance, password };
}

/** A brand and its campaign, owned by the team's manager. */
export async function createCampaignRow(db: DataSource, team: Team): Promise<Campaign> {
  const tag = unique();
  const brand = await db.getRepository(Brand).save({ name: `Brand ${tag}`, category: 'skincare' });
  return db.getRepository(Campaign).save({
    brandId: brand.id,
    name: `Campaign ${tag}`,
    market: Market.India,
    budgetMinor: 10_000_000,
    currency: 'INR',
    startsOn: '2026-12-01',
    endsOn: '2027-01-31',
    ownerId: team.manager.id,
  });
}

/** An unstarted booking row for a fresh creator owned by the team's talent manager, on a fresh campaign or the one given. */
export async function createBookingRow(db: DataSource, team: Team, on?: { campaignId: string }): Promise<Collaboration> {
  const tag = unique();
  // A payout token, so that the booking's payout can be paid (without one it escalates to finance).
  const creator = await db.getRepository(Creator).save({ name: 'Asha Rao', handle: `asha-${tag}`, ownerId: team.talentManager.id, payoutReference: `tok_test${tag}` });
  const campaignId = on?.campaignId ?? (await createCampaignRow(db, team)).id;
  const id = randomUUID();
  return db.getRepository(Collaboration).save({
    id,
    campaignId,
    creatorId: creator.id,
    talentManagerId: team.talentManager.id,
    currency: 'INR',
    workflowId: collaborationWorkflowId(id),
  });
}

/** Two deliverables due a week out: a reel and a story on Instagram. */
export function sampleDeliverables(now = Date.now()): DeliverablePlan[] {
  const day = 86_400_000;
  return [
    { type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(now + 7 * day).toISOString(), scheduledPostAt: new Date(now + 10 * day).toISOString() },
    { type: DeliverableType.Story, platform: Platform.Instagram, draftDueAt: new Date(now + 7 * day).toISOString(), scheduledPostAt: new Date(now + 10 * day).toISOString() },
  ];
}
