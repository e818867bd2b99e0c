import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Brand, Campaign, Collaboration, Creator, Deliverable, Market, PerformanceSnapshot } from '../../libs/domain/entities';
import { DeliverableStatus, SnapshotLabel, SnapshotSource } from '../../libs/domain/rules/lifecycle';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { collaborationWorkflowId } from '../../libs/temporal/workflow-ids';

const DAY_MS = 86_400_000;
/** Posting days, counted back from today: four in the baseline before the 28-day window, four in it (one per week). */
export const BASELINE_DAYS_AGO = [60, 53, 46, 39];
export const RECENT_DAYS_AGO = [22, 15, 8, 1];
const VIEWS = 10_000;

export interface DeclineDataset {
  creator: Creator;
  /** The booking whose posts declined (completed) and the running one on a live campaign that gets the risk flag. */
  past: Collaboration;
  running: Collaboration;
  recentPosts: Deliverable[];
}

const unique = () => randomBytes(4).toString('hex');

/** A reading of a post: `rate` engagements per view, read an hour after posting unless `at` says otherwise. */
async function reading(db: DataSource, post: Deliverable, rate: number, at: Date): Promise<void> {
  await db.getRepository(PerformanceSnapshot).save({
    deliverableId: post.id, capturedAt: at, label: SnapshotLabel.Manual, source: SnapshotSource.OpsEntry,
    views: VIEWS, likes: Math.round(VIEWS * rate), comments: 0, shares: 0, saves: 0,
  });
}

/**
 * A creator owned by `ownerId` (campaigns owned by `campaignOwnerId`) whose engagement by views fell from 5–6 % to 2–3 % over the last
 * four weeks (four posts a week apart each side: enough for the own-trend test,
 * docs/metrics.md#underperformer-flags), and who is booked on a live campaign.
 */
export async function seedDecline(db: DataSource, ownerId: string, campaignOwnerId: string, now = new Date()): Promise<DeclineDataset> {
  const tag = unique();
  const creator = await db.getRepository(Creator).save({
    name: `Riya Sen ${tag}`, handle: `riya-${tag}`, ownerId, niches: ['beauty'], channels: [{ platform: Platform.Instagram, handle: `riya-${tag}`, followers: 80_000 }],
  });
  const brand = await db.getRepository(Brand).save({ name: `Glowbar ${tag}`, category: 'skincare' });
  const campaign = (name: string, startsOn: string, endsOn: string) =>
    db.getRepository(Campaign).save({ brandId: brand.id, name, market: Market.India, budgetMinor: 10_000_000, currency: 'INR', startsOn, endsOn, ownerId: campaignOwnerId });
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const autumn = await campaign(`Autumn glow ${tag}`, day(70), day(0));
  const winter = await campaign(`Winter glow ${tag}`, day(0), day(-60));
  const booking = (campaignId: string, stage: CollaborationStage) => {
    const id = randomUUID();
    return db.getRepository(Collaboration).save({ id, campaignId, creatorId: creator.id, talentManagerId: ownerId, currency: 'INR', stage, brandPriceMinor: 800_000, workflowId: collaborationWorkflowId(id) });
  };
  const past = await booking(autumn.id, CollaborationStage.Completed);
  const running = await booking(winter.id, CollaborationStage.Negotiating);

  const post = async (daysAgo: number, rate: number) => {
    const postedAt = new Date(now.getTime() - daysAgo * DAY_MS - 3_600_000);
    const deliverable = await db.getRepository(Deliverable).save({
      collaborationId: past.id, type: DeliverableType.Reel, platform: Platform.Instagram, status: DeliverableStatus.Posted, postedAt, liveUrl: `https://instagram.com/p/${tag}-${daysAgo}`,
    });
    await reading(db, deliverable, rate, new Date(postedAt.getTime() + 30 * 60_000));
    return deliverable;
  };
  for (const [i, daysAgo] of BASELINE_DAYS_AGO.entries()) await post(daysAgo, i % 2 ? 0.06 : 0.05);
  const recentPosts: Deliverable[] = [];
  for (const [i, daysAgo] of RECENT_DAYS_AGO.entries()) recentPosts.push(await post(daysAgo, i % 2 ? 0.03 : 0.02));
  return { creator, past, running, recentPosts };
}

/** Newer readings of the declining posts, back at the old level (the numbers recovered). */
export async function seedRecovery(db: DataSource, data: DeclineDataset, now = new Date()): Promise<void> {
  for (const [i, post] of data.recentPosts.entries()) await reading(db, post, i % 2 ? 0.06 : 0.055, now);
}
