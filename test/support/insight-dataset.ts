import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../libs/auth/passwords';
import { Brand, Campaign, Collaboration, Creator, CreatorRating, Deliverable, DraftSubmission, Escalation, Market, Target, User } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution, EscalationSeverity, EscalationStatus } from '../../libs/domain/rules/escalations';
import { DeliverableStatus, DraftDecision, TargetMetric, TargetPeriod } from '../../libs/domain/rules/lifecycle';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { CreatorStatus, DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { collaborationWorkflowId } from '../../libs/temporal/workflow-ids';

/**
 * A small team whose October 2026 KPIs are known by hand, for the tests of the KPI board and
 * the analytics (the figures are worked out beside each record below). Records are written to
 * the database directly, with the times the scenario needs; the creator sales go through the
 * real import (`importSales`).
 *
 * Maya manages Tara; Omar (another team) is there to be left out.
 */
export interface InsightDataset {
  password: string;
  maya: User;
  tara: User;
  omar: User;
  /** A finance officer, who reads everyone's figures. */
  fiona: User;
  creators: { asha: Creator; bina: Creator; chen: Creator; dev: Creator };
  /** The collaboration whose rating is open (its fee is paid). */
  ratedCollaborationId: string;
  /** The creator-sales CSV to import as Tara (dates in September and October 2026). */
  taraSalesCsv: string;
  /** Omar's creator's sales, imported as Omar: must never count for Maya's team. */
  omarSalesCsv: string;
  /** Readings of A's reel (20,000 views, 1,000 engagements, 12 orders from 400 clicks), to import as Tara. */
  postPerformanceCsv: string;
}

/** What the board must show for Maya's team (or Tara alone: the same people) for October 2026. */
export const OCTOBER_2026 = {
  onTime: { count: 1, of: 2, rate: 0.5 },
  // Asha: 5,000.00 − 500.00 = 4,500.00; Bina: 2,000.00 − 200.00 = 1,800.00 → INR 6,300.00 (pending rows excluded)
  nmvInr: 630_000,
  // September: Asha 4,000.00 → growth (6,300 − 4,000) / 4,000 = 0.575
  nmvPreviousInr: 400_000,
  nmvGrowthInr: 0.575,
  // Booked in October and not dropped: A (10,000.00 / 7,500.00); B is dropped.
  revenueInr: 1_000_000,
  marginInr: 250_000,
  // Booked in September: Asha, Chen; in October: Asha, Bina → Asha kept: 1 of 2.
  retention: { count: 1, of: 2, rate: 0.5 },
  // Roster at 1 October: Asha, Bina, Chen; Chen offboarded on 25 October → 1 of 3.
  churn: { count: 1, of: 3 },
  // Raised in October: 2; active: A, B, and Chen's September collaboration still in PAYOUT → 2 / 3.
  escalations: { raised: 2, collaborations: 3 },
  // Resolved in October: one extended, one resolved late → 1 of 2.
  resolvedLate: { count: 1, of: 2, rate: 0.5 },
  // Approved in October: the reel after 1 revision round, the story after none → 0.5.
  rework: 0.5,
  // Pairs up to October (not dropped): Asha × Glow twice, Chen × Dewy once → 1 of 2.
  repeat: { count: 1, of: 2, rate: 0.5 },
  targets: { onTime: 0.9, nmvInr: 1_000_000 },
} as const;

/** Asha's analytics for October 2026. */
export const ASHA_OCTOBER_2026 = {
  nmvInr: 450_000,
  gmvInr: 500_000,
  orders: 10,
  // A: INR 10,000.00 booked in October → ROAS 4,500 / 10,000 = 0.45, ROI −0.55
  spendInr: 1_000_000,
  roasInr: 0.45,
  roiInr: -0.55,
  // A's three posts went live in October; only the reel has readings: its latest, 27 October.
  posts: 3,
  views: 20_000,
  engagementRateByViews: 0.05,
  engagementRateByReach: 0.08,
  conversion: 0.03,
  // September 4,000.00 → October 4,500.00
  septemberNmvInr: 400_000,
  growthInr: 0.125,
} as const;

const at = (iso: string) => new Date(iso);

export async function seedInsightDataset(db: DataSource): Promise<InsightDataset> {
  const tag = randomBytes(3).toString('hex');
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const passwordHash = await hashPassword(password);
  const users = db.getRepository(User);
  const maya = await users.save(users.create({ email: `maya-${tag}@insight.test`, name: 'Maya Manager', role: Role.Manager, passwordHash }));
  const tara = await users.save(users.create({ email: `tara-${tag}@insight.test`, name: 'Tara Talent', role: Role.TalentManager, managerId: maya.id, passwordHash }));
  const omar = await users.save(users.create({ email: `omar-${tag}@insight.test`, name: 'Omar Other', role: Role.TalentManager, passwordHash }));
  const fiona = await users.save(users.create({ email: `fiona-${tag}@insight.test`, name: 'Fiona Finance', role: Role.Finance, passwordHash }));

  const creatorRepo = db.getRepository(Creator);
  const creator = async (name: string, handle: string, ownerId: string, extra: Partial<Creator> = {}) => {
    const saved = await creatorRepo.save(creatorRepo.create({ name, handle: `${handle}-${tag}`, ownerId, status: CreatorStatus.Active, ...extra }));
    await db.query(`UPDATE "creators" SET "createdAt" = '2026-08-01T00:00:00Z' WHERE "id" = $1`, [saved.id]);
    return saved;
  };
  const asha = await creator('Asha Rao', 'asha', tara.id);
  const bina = await creator('Bina Shah', 'bina', tara.id);
  const chen = await creator('Chen Li', 'chen', tara.id, { status: CreatorStatus.Offboarded, offboardedAt: at('2026-10-25T10:00:00Z') });
  const dev = await creator('Dev Omar', 'dev', omar.id);

  const glow = await db.getRepository(Brand).save({ name: `Glow ${tag}`, category: 'skincare' });
  const dewy = await db.getRepository(Brand).save({ name: `Dewy ${tag}`, category: 'skincare' });
  const campaign = (brandId: string, name: string) =>
    db.getRepository(Campaign).save({ brandId, name: `${name} ${tag}`, market: Market.India, budgetMinor: 50_000_000, currency: 'INR', startsOn: '2026-09-01', endsOn: '2026-12-31', ownerId: maya.id });
  const autumn = await campaign(glow.id, 'Autumn');
  const spring = await campaign(glow.id, 'Spring');
  const launch = await campaign(dewy.id, 'Launch');

  const collaboration = async (c: { creator: Creator; campaign: Campaign; tm: User; createdAt: string; updatedAt: string; stage: CollaborationStage; price: number; fee: number }) => {
    const id = randomUUID();
    await db.getRepository(Collaboration).save({
      id, campaignId: c.campaign.id, creatorId: c.creator.id, talentManagerId: c.tm.id, currency: 'INR', workflowId: collaborationWorkflowId(id),
      stage: c.stage, brandPriceMinor: c.price, creatorFeeMinor: c.fee, marginBps: Math.round(((c.price - c.fee) / c.price) * 10_000),
    });
    await db.query(`UPDATE "collaborations" SET "createdAt" = $2, "updatedAt" = $3 WHERE "id" = $1`, [id, c.createdAt, c.updatedAt]);
    return id;
  };
  // October: A (Asha × Glow, completed), B (Bina × Glow, dropped).
  const a = await collaboration({ creator: asha, campaign: autumn, tm: tara, createdAt: '2026-10-05T09:00:00Z', updatedAt: '2026-11-20T09:00:00Z', stage: CollaborationStage.Completed, price: 1_000_000, fee: 750_000 });
  const b = await collaboration({ creator: bina, campaign: autumn, tm: tara, createdAt: '2026-10-10T09:00:00Z', updatedAt: '2026-10-12T09:00:00Z', stage: CollaborationStage.Dropped, price: 400_000, fee: 300_000 });
  // September: Asha × Glow again (completed in September), Chen × Dewy (still in PAYOUT).
  await collaboration({ creator: asha, campaign: spring, tm: tara, createdAt: '2026-09-10T09:00:00Z', updatedAt: '2026-09-30T09:00:00Z', stage: CollaborationStage.Completed, price: 800_000, fee: 600_000 });
  await collaboration({ creator: chen, campaign: launch, tm: tara, createdAt: '2026-09-12T09:00:00Z', updatedAt: '2026-10-02T09:00:00Z', stage: CollaborationStage.Payout, price: 500_000, fee: 400_000 });
  // Another team's October collaboration: never counted for Maya's team.
  await collaboration({ creator: dev, campaign: launch, tm: omar, createdAt: '2026-10-06T09:00:00Z', updatedAt: '2026-10-30T09:00:00Z', stage: CollaborationStage.Completed, price: 9_000_000, fee: 1_000_000 });

  // A's posts: the reel live an hour early, the story a day late, a blog post never scheduled.
  const deliverable = async (type: DeliverableType, scheduledPostAt: string | null, postedAt: string, revisionCount: number) =>
    db.getRepository(Deliverable).save({
      collaborationId: a, type, platform: type === DeliverableType.Blog ? Platform.Blog : Platform.Instagram, status: DeliverableStatus.Verified,
      draftDueAt: at('2026-10-15T12:00:00Z'), scheduledPostAt: scheduledPostAt ? at(scheduledPostAt) : null, postedAt: at(postedAt), revisionCount,
      liveUrl: `https://www.instagram.com/p/${randomBytes(4).toString('hex')}/`,
    });
  const reel = await deliverable(DeliverableType.Reel, '2026-10-20T18:00:00Z', '2026-10-20T17:00:00Z', 1);
  const story = await deliverable(DeliverableType.Story, '2026-10-21T18:00:00Z', '2026-10-22T18:00:00Z', 0);
  await deliverable(DeliverableType.Blog, null, '2026-10-23T09:00:00Z', 0);
  const draft = (deliverableId: string, version: number, decision: DraftDecision, reviewedAt: string) =>
    db.getRepository(DraftSubmission).save({ deliverableId, version, assetUrl: 'https://drive.example/draft', caption: 'Ad: draft', decision, reviewerId: maya.id, submittedAt: at('2026-10-16T09:00:00Z'), reviewedAt: at(reviewedAt) });
  await draft(reel.id, 1, DraftDecision.ChangesRequested, '2026-10-17T09:00:00Z');
  await draft(reel.id, 2, DraftDecision.Approved, '2026-10-18T09:00:00Z');
  await draft(story.id, 1, DraftDecision.Approved, '2026-10-19T09:00:00Z');

  const escalation = (collaborationId: string, kind: EscalationKind, raisedAt: string, resolution: EscalationResolution, resolvedAt: string) =>
    db.getRepository(Escalation).save({
      collaborationId, kind, severity: EscalationSeverity.Medium, raisedAt: at(raisedAt), status: EscalationStatus.Resolved, resolution, resolvedById: maya.id, resolvedAt: at(resolvedAt), summary: `${kind} in October`, eventKey: `insight:${collaborationId}:${kind}`,
    });
  await escalation(a, EscalationKind.BriefAckOverdue, '2026-10-08T09:00:00Z', EscalationResolution.Extend, '2026-10-09T09:00:00Z');
  await escalation(b, EscalationKind.DraftOverdue, '2026-10-11T09:00:00Z', EscalationResolution.ResolvedLate, '2026-10-12T09:00:00Z');

  // A's fee is paid: its rating is requested and still open.
  await db.getRepository(CreatorRating).save({ collaborationId: a, creatorId: asha.id, talentManagerId: tara.id, requestedAt: at('2026-11-20T09:00:00Z') });

  await db.getRepository(Target).save([
    { teamManagerId: maya.id, period: TargetPeriod.Month, periodStart: '2026-10-01', metric: TargetMetric.OnTimeDeliveryRate, valueNumeric: String(OCTOBER_2026.targets.onTime) },
    { teamManagerId: maya.id, period: TargetPeriod.Month, periodStart: '2026-10-01', metric: TargetMetric.Nmv, valueNumeric: String(OCTOBER_2026.targets.nmvInr), currency: 'INR' },
  ]);

  const taraSalesCsv = [
    'date,creator,orders,gmv,returns,cancellations,currency,status',
    `2026-09-20,${asha.handle},8,4000.00,0,0,INR,settled`,
    `2026-10-03,${asha.handle},10,5000.00,500.00,0,INR,settled`,
    `2026-10-15,${bina.handle},4,2000.00,0,200.00,INR,settled`,
    `2026-10-16,${bina.handle},99,9999.99,0,0,INR,pending`,
  ].join('\n');
  const omarSalesCsv = ['date,creator,orders,gmv,returns,cancellations,currency', `2026-10-10,${dev.handle},50,7777.77,0,0,INR`].join('\n');

  const postPerformanceCsv = [
    'deliverable_id,captured_at,views,reach,likes,comments,shares,saves,clicks,orders,gmv,returns,cancellations,currency',
    `${reel.id},2026-10-21T18:00:00Z,15000,9000,700,40,20,5,300,9,900.00,0,0,INR`,
    `${reel.id},2026-10-27T18:00:00Z,20000,12500,900,60,30,10,400,12,1200.00,0,0,INR`,
  ].join('\n');

  return { password, maya, tara, omar, fiona, creators: { asha, bina, chen, dev }, ratedCollaborationId: a, taraSalesCsv, omarSalesCsv, postPerformanceCsv };
}
