import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { Brand, Campaign, Creator, Import, Market, Target, User } from '../domain/entities';
import { EscalationKind, EscalationResolution } from '../domain/rules/escalations';
import { ImportKind, ImportOutcome } from '../domain/rules/import-rows';
import { TargetMetric, TargetPeriod } from '../domain/rules/lifecycle';
import { Role } from '../domain/rules/roles';
import { CampaignStatus, CreatorStatus, Platform } from '../domain/rules/statuses';
import { collaborationWorkflowId } from '../temporal/workflow-ids';
import { DEMO_PASSWORD, type DemoData } from './seed';

/**
 * Eighteen months of history for the local demo (`npm start`), so the KPI board, the analytics
 * and the reports show something on the first run: two teams, a roster with growing, seasonal,
 * intermittent, declining and new creators, collaborations with late posts, revisions,
 * escalations and ratings, their daily sales and post readings, and targets. Deterministic: a
 * seeded generator makes the same history every time, ending with the month of the first run.
 * Written straight to the tables (these collaborations ended long ago: no workflow runs them).
 */

const MONTHS = 18;
const DAY = 86_400_000;

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (low: number, high: number) => low + (high - low) * next(),
    int: (low: number, high: number) => Math.floor(low + (high - low + 1) * next()),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

type Archetype = 'growing' | 'seasonal' | 'intermittent' | 'declining' | 'newcomer' | 'steady';

/** How a creator's daily NMV moves over the 18 months (month 0 is the oldest). */
function salesLevel(archetype: Archetype, month: number, calendarMonth: number): number {
  switch (archetype) {
    case 'growing':
      return 0.5 * Math.pow(1.07, month);
    case 'seasonal':
      // Festive season (October to December) and a smaller spring peak.
      return [0.6, 0.6, 1.1, 0.8, 0.7, 0.6, 0.6, 0.7, 0.9, 1.8, 2.2, 1.9][calendarMonth];
    case 'declining':
      return 1.6 * Math.pow(0.93, month);
    case 'newcomer':
      return month >= MONTHS - 4 ? 0.4 * Math.pow(1.3, month - (MONTHS - 4)) : 0;
    default:
      return 1;
  }
}

const ROSTER: { name: string; handle: string; archetype: Archetype; niches: string[]; followers: number }[] = [
  { name: 'Meera Iyer', handle: 'meera.glows', archetype: 'growing', niches: ['skincare'], followers: 180_000 },
  { name: 'Rohan Das', handle: 'rohan.fits', archetype: 'seasonal', niches: ['fitness'], followers: 320_000 },
  { name: 'Zoya Khan', handle: 'zoya.styles', archetype: 'intermittent', niches: ['fashion'], followers: 95_000 },
  { name: 'Arjun Nair', handle: 'arjun.tech', archetype: 'steady', niches: ['tech'], followers: 510_000 },
  { name: 'Priya Menon', handle: 'priya.eats', archetype: 'declining', niches: ['food'], followers: 140_000 },
  { name: 'Nikhil Joshi', handle: 'nikhil.new', archetype: 'newcomer', niches: ['grooming'], followers: 60_000 },
  { name: 'Ananya Rao', handle: 'ananya.beauty', archetype: 'seasonal', niches: ['beauty'], followers: 260_000 },
  { name: 'Vikram Shah', handle: 'vikram.travels', archetype: 'steady', niches: ['travel'], followers: 200_000 },
  { name: 'Isha Kapoor', handle: 'isha.home', archetype: 'growing', niches: ['home'], followers: 75_000 },
  { name: 'Farah Ali', handle: 'farah.reads', archetype: 'intermittent', niches: ['books'], followers: 45_000 },
  { name: 'Dev Malhotra', handle: 'dev.gamer', archetype: 'declining', niches: ['gaming'], followers: 610_000 },
  { name: 'Sara Thomas', handle: 'sara.new', archetype: 'newcomer', niches: ['skincare'], followers: 38_000 },
];

const BRANDS = [
  { name: 'Lumina Skin', category: 'skincare' },
  { name: 'FitFuel', category: 'nutrition' },
  { name: 'Threadline', category: 'fashion' },
  { name: 'Voltix', category: 'electronics' },
];

const monthStart = (base: Date, offset: number) => new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + offset, 1));
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Seeds the history once: a second run finds its marker (the first demo brand) and does nothing. */
export async function seedDemoHistory(db: DataSource, demo: DemoData, now: Date = new Date()): Promise<boolean> {
  if (await db.getRepository(Brand).findOneBy({ name: BRANDS[0].name })) return false;
  await db.transaction((tx) => writeHistory(tx, demo, now));
  return true;
}

async function writeHistory(tx: EntityManager, demo: DemoData, now: Date): Promise<void> {
  const rng = generator(20_261_101);
  const first = monthStart(now, -(MONTHS - 1));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = async (email: string, name: string, role: Role, managerId: string | null) =>
    (await tx.findOneBy(User, { email })) ?? tx.save(tx.create(User, { email, name, role, managerId, passwordHash }));
  // Maya's team: Tara and Ravi; Dev's team: Sana. Every demo user signs in with the demo password.
  const ravi = await user('ravi.talent@creatorops.local', 'Ravi Kulkarni', Role.TalentManager, demo.manager.id);
  const dev = await user('dev.manager@creatorops.local', 'Devika Sen', Role.Manager, null);
  const sana = await user('sana.talent@creatorops.local', 'Sana Mirza', Role.TalentManager, dev.id);
  const executives = [demo.talentManager, ravi, sana];

  const brands = await Promise.all(BRANDS.map((b) => tx.save(tx.create(Brand, { ...b, competitorCategories: [], competitorBrands: [] }))));
  const creators = await Promise.all(
    ROSTER.map((c, i) =>
      tx.save(
        tx.create(Creator, {
          name: c.name,
          handle: c.handle,
          ownerId: executives[i % executives.length].id,
          status: CreatorStatus.Active,
          niches: c.niches,
          languages: ['en', 'hi'],
          country: 'IN',
          city: rng.pick(['Mumbai', 'Delhi', 'Bengaluru', 'Pune']),
          channels: [{ platform: Platform.Instagram, handle: `@${c.handle}`, followers: c.followers, avgViews: Math.round(c.followers * 0.3), engagementRate: 0.04 }],
          payoutReference: `tok_demo${c.handle.replace(/[^A-Za-z0-9]/g, '')}`,
        }),
      ),
    ),
  );
  const [demoImport] = await tx.save(Import, [
    tx.create(Import, { kind: ImportKind.CreatorSales, format: 'demo-history', fileName: 'demo-history', actorId: demo.manager.id, outcome: ImportOutcome.Stored }),
  ]);

  // Campaigns: one per brand per quarter.
  const campaigns: Campaign[] = [];
  for (let m = 0; m < MONTHS; m += 3) {
    for (const brand of brands) {
      const starts = monthStart(first, m);
      const ends = new Date(monthStart(first, m + 3).getTime() - DAY);
      campaigns.push(
        await tx.save(
          tx.create(Campaign, {
            brandId: brand.id, name: `${brand.name} ${isoDate(starts).slice(0, 7)}`, market: Market.India, budgetMinor: 500_000_000, currency: 'INR',
            startsOn: isoDate(starts), endsOn: isoDate(ends), ownerId: demo.manager.id, status: CampaignStatus.Completed,
          }),
        ),
      );
    }
  }

  const sales: unknown[][] = [];
  const booked = new Set<string>();
  for (let m = 0; m < MONTHS; m += 1) {
    const month = monthStart(first, m);
    const days = Math.round((monthStart(first, m + 1).getTime() - month.getTime()) / DAY);
    for (const [index, creator] of creators.entries()) {
      const archetype = ROSTER[index].archetype;
      const level = salesLevel(archetype, m, month.getUTCMonth());
      if (level <= 0) continue;
      // Daily sales: an intermittent seller sells on a few days only, in bursts.
      for (let d = 0; d < days; d += 1) {
        const date = new Date(month.getTime() + d * DAY);
        if (date > now) break;
        if (archetype === 'intermittent' ? !rng.chance(0.18) : !rng.chance(0.8)) continue;
        const gmv = Math.round(level * rng.between(2_000, 9_000) * 100);
        const orders = Math.max(1, Math.round(gmv / rng.between(60_000, 120_000)));
        const settled = date.getTime() < now.getTime() - 10 * DAY || rng.chance(0.3);
        sales.push([creator.id, isoDate(date), orders, gmv, Math.round(gmv * rng.between(0, 0.12)), Math.round(gmv * rng.between(0, 0.05)), settled ? 'settled' : 'pending']);
      }
    }
    // Collaborations booked this month: each executive books two or three of their creators.
    for (const executive of executives) {
      const roster = creators.filter((c, i) => c.ownerId === executive.id && salesLevel(ROSTER[i].archetype, m, month.getUTCMonth()) > 0);
      const count = Math.min(roster.length, rng.int(2, 3));
      for (let k = 0; k < count; k += 1) {
        const creator = roster[(m + k) % roster.length];
        // A creator is booked once per campaign: take the quarter's next campaign they are not on.
        const open = campaigns.filter((c) => c.startsOn <= isoDate(month) && c.endsOn >= isoDate(month) && !booked.has(`${c.id}:${creator.id}`));
        if (open.length === 0) continue;
        const campaign = open[(m + k) % open.length];
        booked.add(`${campaign.id}:${creator.id}`);
        const bookedAt = new Date(month.getTime() + rng.int(0, 20) * DAY + rng.int(8, 18) * 3_600_000);
        if (bookedAt > now) continue;
        await writeCollaboration(tx, rng, { creator, campaign, executive, booked: bookedAt, now, manager: executive.managerId ?? demo.manager.id });
      }
    }
  }

  for (let i = 0; i < sales.length; i += 2_000) {
    const chunk = sales.slice(i, i + 2_000);
    const columns = [0, 1, 2, 3, 4, 5, 6].map((c) => chunk.map((row) => row[c]));
    await tx.query(
      `INSERT INTO "creator_sales" ("creatorId", "date", "orders", "gmvMinor", "returnsMinor", "cancellationsMinor", "status", "currency", "importId")
       SELECT s.*, 'INR', $8::uuid FROM unnest($1::uuid[], $2::date[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::varchar[]) AS s`,
      [...columns, demoImport.id],
    );
  }
  await tx.query(`UPDATE "imports" SET "imported" = $2 WHERE "id" = $1`, [demoImport.id, sales.length]);
  await tx.query(
    `UPDATE "creators" cr SET "satisfactionScore" = r.avg FROM (SELECT "creatorId", round(avg("rating"), 1) AS avg FROM "creator_ratings" WHERE "rating" IS NOT NULL GROUP BY 1) r WHERE r."creatorId" = cr."id"`,
  );

  // Targets for every month: each executive and each team.
  const targets: Partial<Target>[] = [];
  for (let m = 0; m < MONTHS; m += 1) {
    const periodStart = isoDate(monthStart(first, m));
    for (const scope of [...executives.map((e) => ({ userId: e.id })), { teamManagerId: demo.manager.id }, { teamManagerId: dev.id }]) {
      const team = 'teamManagerId' in scope;
      targets.push(
        { ...scope, period: TargetPeriod.Month, periodStart, metric: TargetMetric.OnTimeDeliveryRate, valueNumeric: '0.85' },
        { ...scope, period: TargetPeriod.Month, periodStart, metric: TargetMetric.Nmv, valueNumeric: String((team ? 3_000_000 : 1_500_000) * 100), currency: 'INR' },
        { ...scope, period: TargetPeriod.Month, periodStart, metric: TargetMetric.Satisfaction, valueNumeric: '4' },
        { ...scope, period: TargetPeriod.Month, periodStart, metric: TargetMetric.Escalations, valueNumeric: '0.3' },
      );
    }
  }
  await tx.save(Target, targets.map((t) => tx.create(Target, t)));
}

interface CollaborationPlan {
  creator: Creator;
  campaign: Campaign;
  executive: User;
  manager: string;
  booked: Date;
  now: Date;
}

/** One past collaboration with its posts, drafts, escalations, readings and (once paid) its rating. */
async function writeCollaboration(tx: EntityManager, rng: ReturnType<typeof generator>, plan: CollaborationPlan): Promise<void> {
  const id = randomUUID();
  const price = rng.int(40, 160) * 10_000_00;
  const fee = Math.round(price * rng.between(0.7, 0.82));
  const dropped = rng.chance(0.08);
  const ended = plan.booked.getTime() + 45 * DAY < plan.now.getTime();
  const stage = dropped ? 'DROPPED' : ended ? 'COMPLETED' : 'IN_PRODUCTION';
  const updated = new Date(Math.min(plan.now.getTime(), plan.booked.getTime() + (dropped ? 10 : 45) * DAY));
  await tx.query(
    `INSERT INTO "collaborations" ("id", "campaignId", "creatorId", "talentManagerId", "stage", "brandPriceMinor", "creatorFeeMinor", "marginBps", "currency", "workflowId", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'INR', $9, $10, $11)`,
    [id, plan.campaign.id, plan.creator.id, plan.executive.id, stage, price, fee, Math.round(((price - fee) / price) * 10_000), collaborationWorkflowId(id), plan.booked, updated],
  );
  if (rng.chance(0.25)) {
    const raised = new Date(plan.booked.getTime() + rng.int(2, 12) * DAY);
    const late = rng.chance(0.35);
    if (raised < plan.now) {
      await tx.query(
        `INSERT INTO "escalations" ("collaborationId", "campaignId", "kind", "severity", "raisedAt", "assigneeId", "status", "resolution", "resolvedById", "resolvedAt", "summary", "eventKey")
         VALUES ($1, $2, $3, 'medium', $4, $5, 'resolved', $6, $5, $7, $8, $9)`,
        [id, plan.campaign.id, rng.pick([EscalationKind.BriefAckOverdue, EscalationKind.DraftOverdue, EscalationKind.PostingMissed]), raised, plan.manager,
          late ? EscalationResolution.ResolvedLate : EscalationResolution.Extend, new Date(raised.getTime() + rng.int(1, 3) * DAY), 'Demo history', `demo:${id}:escalation`],
      );
    }
  }
  if (dropped) return;
  const posts = rng.int(1, 2);
  for (let p = 0; p < posts; p += 1) {
    const scheduled = new Date(plan.booked.getTime() + rng.int(14, 28) * DAY + 18 * 3_600_000);
    if (scheduled > plan.now) continue;
    const postedAt = new Date(scheduled.getTime() + (rng.chance(0.2) ? rng.int(4, 40) * 3_600_000 : -rng.int(0, 3) * 3_600_000));
    const revisions = rng.chance(0.3) ? rng.int(1, 2) : 0;
    const [deliverable]: Array<{ id: string }> = await tx.query(
      `INSERT INTO "deliverables" ("collaborationId", "type", "platform", "status", "draftDueAt", "scheduledPostAt", "postedAt", "revisionCount", "liveUrl")
       VALUES ($1, $2, 'instagram', 'verified', $3, $4, $5, $6, $7) RETURNING "id"`,
      [id, p === 0 ? 'reel' : 'story', new Date(scheduled.getTime() - 5 * DAY), scheduled, postedAt, revisions, `https://www.instagram.com/reel/demo${id.slice(0, 8)}${p}/`],
    );
    for (let v = 1; v <= revisions + 1; v += 1) {
      const reviewed = new Date(scheduled.getTime() - (revisions + 2 - v) * DAY);
      await tx.query(
        `INSERT INTO "draft_submissions" ("deliverableId", "version", "assetUrl", "caption", "decision", "reviewerId", "submittedAt", "reviewedAt")
         VALUES ($1, $2, 'https://drive.example/demo', 'Ad: demo draft', $3, $4, $5, $6)`,
        [deliverable.id, v, v <= revisions ? 'changes_requested' : 'approved', plan.manager, new Date(reviewed.getTime() - 6 * 3_600_000), reviewed],
      );
    }
    const views = Math.round(plan.creator.channels[0].followers * rng.between(0.15, 0.6));
    const engaged = Math.round(views * rng.between(0.02, 0.08));
    const clicks = Math.round(views * rng.between(0.005, 0.02));
    await tx.query(
      `INSERT INTO "performance_snapshots" ("deliverableId", "capturedAt", "label", "source", "reach", "views", "likes", "comments", "shares", "saves", "clicks", "orders")
       VALUES ($1, $2, 'manual', 'ops_entry', $3, $4, $5, $6, $7, $8, $9, $10)`,
      [deliverable.id, new Date(postedAt.getTime() + 7 * DAY), Math.round(views * 0.7), views, Math.round(engaged * 0.8), Math.round(engaged * 0.1), Math.round(engaged * 0.06), Math.round(engaged * 0.04), clicks, Math.round(clicks * rng.between(0.01, 0.06))],
    );
  }
  if (stage !== 'COMPLETED') return;
  const paid = new Date(plan.booked.getTime() + 40 * DAY);
  const rating = rng.chance(0.85) ? rng.pick([5, 5, 4, 4, 4, 3, 2]) : null;
  await tx.query(
    `INSERT INTO "creator_ratings" ("collaborationId", "creatorId", "talentManagerId", "requestedAt", "rating", "ratedById", "ratedByRole", "ratedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, plan.creator.id, plan.executive.id, paid, rating, rating ? plan.executive.id : null, rating ? 'talent_manager' : null, rating ? new Date(paid.getTime() + rng.int(1, 6) * DAY) : null],
  );
}
