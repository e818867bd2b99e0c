import { randomBytes } from 'node:crypto';
import { Creator, ExclusivityWindow } from '../../libs/domain/entities';
import { CreatorStatus, Platform } from '../../libs/domain/rules/statuses';
import type { Team } from './fixtures';
import { requestJson } from './rest-client';
import type { RunningSystem } from './system';

export interface RankingScenario {
  campaignId: string;
  /** Creator ids by name. */
  ids: Record<string, string>;
}

/**
 * A brief and seeded creators whose order follows by hand (docs/metrics.md#creator-recommendations):
 * Ada (both niches, target audience, in budget) > Bea (one niche) > Cai (one niche, other audience,
 * 60 % over the fee ceiling) > Dev (no niche, no data); Eli holds a competitor's exclusivity, Fay
 * refuses the category, Gus belongs to another team. No posts or bookings: performance and
 * reliability are the same for all.
 */
export async function seedRankingScenario(system: RunningSystem, team: Team, otherTeam: Team): Promise<RankingScenario> {
  const auth = system.basic(team.talentManager.email, team.password);
  const tag = randomBytes(3).toString('hex');
  const brand = await requestJson(system.baseUrl, 'POST', '/brands', auth, { name: `Lumina ${tag}`, category: 'skincare', competitorBrands: ['ShineCorp'] });
  if (brand.status !== 201) throw new Error(`brand: ${brand.status} ${JSON.stringify(brand.body)}`);
  const campaign = await requestJson(system.baseUrl, 'POST', '/campaigns', auth, {
    brandId: brand.body.id,
    name: `Winter Glow ${tag}`,
    budgetMinor: 150_000_000,
    currency: 'INR',
    startsOn: '2027-01-01',
    endsOn: '2027-02-28',
    ownerId: team.manager.id,
    targetNiches: ['skincare', 'beauty'],
    targetPlatforms: ['instagram'],
    deliverableTypes: ['reel'],
    creatorFeeMaxMinor: 5_000_000,
    brandSafetyExclusions: ['gambling'],
    targetAudience: { gender: { female: 0.8, male: 0.2 }, countries: { IN: 1 } },
  });
  if (campaign.status !== 201) throw new Error(`campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);

  const ids: Record<string, string> = {};
  const female = { gender: { female: 0.8, male: 0.2 }, countries: { IN: 1 } };
  const seed = async (name: string, owner: string, fields: Partial<Creator>) => {
    const saved = await system.database.db.getRepository(Creator).save({
      name,
      handle: `${name.toLowerCase().replace(/\s+/g, '.')}.${tag}`,
      ownerId: owner,
      status: CreatorStatus.Active,
      niches: ['skincare'],
      channels: [{ platform: Platform.Instagram, handle: `@${name}`, followers: 100_000 }],
      baseRates: { reel: { amountMinor: 4_000_000, currency: 'INR' } },
      ...fields,
    });
    ids[name] = saved.id;
  };
  await seed('Ada Both', team.talentManager.id, { niches: ['skincare', 'beauty'], audience: female });
  await seed('Bea Skin', team.talentManager.id, { niches: ['skincare'], audience: female });
  await seed('Cai Pricey', team.talentManager.id, {
    niches: ['beauty'],
    audience: { gender: { female: 0.2, male: 0.8 }, countries: { IN: 1 } },
    baseRates: { reel: { amountMinor: 8_000_000, currency: 'INR' } },
  });
  await seed('Dev Food', team.talentManager.id, { niches: ['food'], baseRates: {} });
  await seed('Eli Exclusive', team.talentManager.id, { niches: ['skincare', 'beauty'], audience: female });
  await seed('Fay Refuses', team.talentManager.id, { niches: ['skincare', 'beauty'], audience: female, preferences: { refusedCategories: ['Skincare'] } });
  await seed('Gus Elsewhere', otherTeam.talentManager.id, { niches: ['skincare', 'beauty'], audience: female });
  await system.database.db.getRepository(ExclusivityWindow).save({
    creatorId: ids['Eli Exclusive'],
    category: 'skincare',
    brandName: 'ShineCorp',
    startsOn: '2026-12-01',
    endsOn: '2027-01-15',
  });
  return { campaignId: campaign.body.id, ids };
}
