import {
  audienceFit,
  audienceOverlap,
  DEFAULT_WEIGHTS,
  FACTOR_NAMES,
  hardFilterReasons,
  nicheFit,
  priceFit,
  recommendCreators,
  RecommendationCampaign,
  RecommendationCandidate,
  reliability,
  repeatCollaboration,
  resolveWeights,
  shrinkTowardsCohort,
  totalVariationDistance,
} from '../../libs/domain/rules/recommendation';

const campaign: RecommendationCampaign = {
  id: 'camp-1',
  brand: { name: 'Lumina Skin', category: 'skincare', competitorBrands: ['Glowza'] },
  window: { start: '2026-12-01', end: '2026-12-31' },
  currency: 'INR',
  budgetMinor: 10_000_000,
  niches: ['skincare', 'beauty'],
  platforms: ['instagram'],
  deliverableTypes: ['reel', 'story'],
  feeRange: { minMinor: 1_000_000, maxMinor: 4_000_000 },
  brandSafetyExclusions: ['gambling'],
  targetAudience: { age: { '18-24': 0.6, '25-34': 0.4 }, gender: { female: 0.8, male: 0.2 }, countries: { IN: 1 } },
};

const creator = (id: string, extra: Partial<RecommendationCandidate> = {}): RecommendationCandidate => ({
  id,
  name: id,
  status: 'active',
  niches: ['skincare'],
  channels: [{ platform: 'instagram', followers: 100_000 }],
  ...extra,
});

describe('total-variation distance', () => {
  it('is half the sum of absolute differences, after rescaling each side to 1', () => {
    // |0.6−0.3| + |0.4−0.5| + |0−0.2| = 0.6 → 0.3
    expect(totalVariationDistance({ a: 0.6, b: 0.4 }, { a: 0.3, b: 0.5, c: 0.2 })).toBeCloseTo(0.3, 10);
    expect(totalVariationDistance({ a: 60, b: 40 }, { a: 0.6, b: 0.4 })).toBeCloseTo(0, 10);
    expect(totalVariationDistance({ a: 1 }, { b: 1 })).toBe(1);
    expect(totalVariationDistance({ ' Female ': 1 }, { female: 1 })).toBe(0);
    expect(totalVariationDistance({}, { a: 1 })).toBeNull();
    expect(totalVariationDistance(undefined, { a: 1 })).toBeNull();
  });
});

describe('empirical Bayes shrinkage', () => {
  it('weights a creator by n·τ² / (n·τ² + σ²) against the cohort mean (hand-computed)', () => {
    // a: [10, 14] mean 12; b: [2, 6] mean 4; c: [8] mean 8; d: no posts.
    // σ² = ((4+4) + (4+4)) / (1 + 1 + 0) = 8. cohort mean = 40 / 5 = 8.
    // means 12, 4, 8 → grand 8, spread = (16+16+0)/2 = 16; noise = (8/2 + 8/2 + 8/1)/3 = 16/3; τ² = 32/3.
    // a: B = 8 / (8 + 2·32/3) = 8 / (88/3) = 3/11 → 3/11·8 + 8/11·12 = 120/11.
    // c: B = 8 / (8 + 32/3) = 3/7 → 3/7·8 + 4/7·8 = 8.
    const result = shrinkTowardsCohort([
      { id: 'a', values: [10, 14] },
      { id: 'b', values: [2, 6] },
      { id: 'c', values: [8] },
      { id: 'd', values: [] },
    ]);
    expect(result.cohortMean).toBeCloseTo(8, 10);
    expect(result.withinVariance).toBeCloseTo(8, 10);
    expect(result.betweenVariance).toBeCloseTo(32 / 3, 10);
    const [a, b, c, d] = result.estimates;
    expect(a.shrinkage).toBeCloseTo(3 / 11, 10);
    expect(a.estimate).toBeCloseTo(120 / 11, 10);
    expect(b.estimate).toBeCloseTo((3 / 11) * 8 + (8 / 11) * 4, 10);
    expect(c.shrinkage).toBeCloseTo(3 / 7, 10);
    expect(c.estimate).toBeCloseTo(8, 10);
    expect(d).toEqual({ id: 'd', n: 0, raw: null, estimate: 8, shrinkage: 1 });
  });

  it('pulls one lucky post below a creator with many good ones', () => {
    // Posts vary by ±100 around each creator's mean; one post of 250 is 1.5 of those from the cohort.
    const posts = (mean: number) => Array.from({ length: 20 }, (_, i) => mean + (i % 2 ? 100 : -100));
    const result = shrinkTowardsCohort([
      { id: 'lucky', values: [250] },
      { id: 'good', values: posts(150) },
      ...[60, 80, 90, 100, 110, 120, 70].map((mean, i) => ({ id: `c${i}`, values: posts(mean) })),
    ]);
    const [lucky, good] = result.estimates;
    expect(lucky.raw).toBe(250);
    expect(lucky.shrinkage).toBeGreaterThan(0.8);
    expect(lucky.estimate).toBeLessThan(good.estimate);
    expect(good.estimate).toBeGreaterThan(130);
  });

  it('cannot tell luck from skill with one post each: everyone gets the cohort mean', () => {
    const result = shrinkTowardsCohort([
      { id: 'a', values: [500] },
      { id: 'b', values: [100] },
      { id: 'c', values: [0] },
    ]);
    expect(result.estimates.map((e) => e.estimate)).toEqual([200, 200, 200]);
  });

  it('shrinks everyone fully when creators do not differ beyond noise', () => {
    const result = shrinkTowardsCohort([
      { id: 'a', values: [1, 3] },
      { id: 'b', values: [3, 1] },
    ]);
    expect(result.betweenVariance).toBe(0);
    expect(result.estimates.map((e) => e.estimate)).toEqual([2, 2]);
  });
});

describe('hard filters', () => {
  const none = new Set<string>();

  it('passes an active, free, safe creator', () => {
    expect(hardFilterReasons(campaign, creator('ok'), none)).toEqual([]);
  });

  it('names each failure: booked, not active, refused category, exclusivity, competitor booking, unavailable, brand safety, platform', () => {
    expect(hardFilterReasons(campaign, creator('x'), new Set(['x']))).toEqual(['is already booked on this campaign']);
    expect(hardFilterReasons(campaign, creator('p', { status: 'paused' }), none)[0]).toMatch(/^not active: p is paused/);
    expect(hardFilterReasons(campaign, creator('r', { preferences: { refusedCategories: ['Skincare'] } }), none)[0]).toMatch(/^refused category: r refuses skincare/);
    const exclusive = hardFilterReasons(campaign, creator('e', { exclusivityWindows: [{ start: '2026-11-01', end: '2026-12-05', category: 'skincare', brandName: 'Glowza' }] }), none);
    expect(exclusive[0]).toMatch(/^exclusivity: e is exclusive to Glowza in skincare/);
    // The brand's own exclusivity never blocks it: the conflict rule decides that, not this one.
    expect(hardFilterReasons(campaign, creator('own', { exclusivityWindows: [{ start: '2026-11-01', end: '2026-12-05', category: 'skincare', brandName: 'Lumina Skin' }] }), none)).toEqual([]);
    const competitor = hardFilterReasons(
      campaign,
      creator('c', { activeBookings: [{ brandName: 'Glowza', brandCategory: 'skincare', campaignWindow: { start: '2026-12-10', end: '2027-01-10' } }] }),
      none,
    );
    expect(competitor[0]).toMatch(/^competitor booking: c is booked with Glowza/);
    expect(hardFilterReasons(campaign, creator('u', { availabilityBlocks: [{ start: '2026-11-20', end: '2027-01-05', reason: 'sabbatical' }] }), none)[0]).toMatch(/^unavailable:/);
    // Partly unavailable is a warning in the conflict rule, so not a hard filter.
    expect(hardFilterReasons(campaign, creator('h', { availabilityBlocks: [{ start: '2026-12-01', end: '2026-12-03' }] }), none)).toEqual([]);
    expect(hardFilterReasons(campaign, creator('g', { niches: ['Online Gambling'] }), none)).toEqual(['brand safety: g covers Online Gambling, which the brief excludes']);
    expect(hardFilterReasons(campaign, creator('s', { contentStyle: 'gambling streams' }), none)).toEqual(['brand safety: s covers gambling streams, which the brief excludes']);
    expect(hardFilterReasons(campaign, creator('y', { channels: [{ platform: 'youtube', followers: 1 }] }), none)).toEqual(['platform: no channel on instagram']);
  });
});

describe('scored factors', () => {
  it('niche fit is the share of the brief niches covered', () => {
    expect(nicheFit(['skincare', 'beauty'], ['Skincare', 'food'])).toEqual({ value: 0.5, explanation: 'covers 1 of the 2 niches the brief asks for (skincare)' });
    expect(nicheFit(['skincare'], ['food']).value).toBe(0);
    expect(nicheFit([], ['food']).value).toBe(0.5);
  });

  it('audience fit is 1 − TV distance averaged over age, gender and country', () => {
    // age: TV(0.6/0.4, 0.3/0.7) = 0.3 → 0.7; gender: TV(0.8/0.2, 0.5/0.5) = 0.3 → 0.7; country: IN 1 vs IN .5/US .5 → 0.5.
    const fit = audienceFit(campaign.targetAudience, { age: { '18-24': 0.3, '25-34': 0.7 }, gender: { female: 0.5, male: 0.5 }, countries: { IN: 0.5, US: 0.5 } });
    expect(fit.value).toBeCloseTo((0.7 + 0.7 + 0.5) / 3, 10);
    expect(fit.explanation).toBe('audience matches the target 63% (1 − total-variation distance: age 70%, gender 70%, country 50%)');
    expect(audienceFit(campaign.targetAudience, {}).value).toBe(0.5);
  });

  it('reliability blends on-time rate, dropouts and escalations with one pseudo-booking', () => {
    // on time (3+1)/(4+2) = 2/3; dropout 1/(3+1) = 0.25; escalations 1/3 per booking → 1 − 1/6.
    const value = 0.5 * (2 / 3) + 0.25 * 0.75 + 0.25 * (1 - 1 / 6);
    expect(reliability({ bookings: 3, dropouts: 1, escalations: 1, posted: 4, postedOnTime: 3, withBrand: 0 }).value).toBeCloseTo(value, 10);
    expect(reliability(undefined).value).toBe(0.5);
  });

  it('price fit is 1 within the fee ceiling and falls linearly to 0 at twice it', () => {
    const rates = (reel: number, story: number) => creator('p', { baseRates: { reel: { amountMinor: reel, currency: 'INR' }, story: { amountMinor: story, currency: 'INR' } } });
    expect(priceFit(campaign, rates(2_000_000, 1_000_000)).value).toBe(1);
    // 5,000,000 vs a 4,000,000 ceiling: 25 % over → 0.75.
    expect(priceFit(campaign, rates(4_000_000, 1_000_000)).value).toBeCloseTo(0.75, 10);
    expect(priceFit(campaign, rates(7_000_000, 1_000_000)).value).toBe(0);
    expect(priceFit({ ...campaign, feeRange: undefined }, rates(7_000_000, 1_000_000)).value).toBe(1);
    expect(priceFit(campaign, creator('none')).value).toBe(0.5);
    expect(priceFit(campaign, creator('usd', { baseRates: { reel: { amountMinor: 1, currency: 'USD' }, story: { amountMinor: 1, currency: 'USD' } } })).explanation).toMatch(/in USD, the campaign in INR/);
  });

  it('repeat collaboration counts completed bookings with the brand, full from two', () => {
    expect(repeatCollaboration(undefined, 'Lumina Skin').value).toBe(0);
    expect(repeatCollaboration({ bookings: 1, dropouts: 0, escalations: 0, posted: 1, postedOnTime: 1, withBrand: 1 }, 'Lumina Skin')).toEqual({ value: 0.5, explanation: '1 completed booking with Lumina Skin before' });
    expect(repeatCollaboration({ bookings: 3, dropouts: 0, escalations: 0, posted: 3, postedOnTime: 3, withBrand: 3 }, 'X').value).toBe(1);
  });

  it('audience overlap penalises similarity to the closest booked creator', () => {
    const audience = { gender: { female: 1 } };
    expect(audienceOverlap(audience, []).value).toBe(1);
    expect(audienceOverlap(audience, [{ creatorId: 'b', name: 'Bea', audience: { gender: { female: 0.5, male: 0.5 } } }])).toEqual({ value: 0.5, explanation: 'audience 50% similar to Bea, already booked' });
    expect(audienceOverlap(audience, [{ creatorId: 'b', audience: { gender: { female: 1 } } }, { creatorId: 'c', audience: { gender: { male: 1 } } }]).value).toBe(0);
  });
});

describe('weights', () => {
  it('defaults sum to 1 and team weights replace them only when they still sum to 1', () => {
    expect(FACTOR_NAMES.reduce((s, n) => s + DEFAULT_WEIGHTS[n], 0)).toBeCloseTo(1, 12);
    expect(resolveWeights({ nicheFit: 0.25, nmvPerPost: 0.1 }).nicheFit).toBe(0.25);
    expect(() => resolveWeights({ nicheFit: 0.5 })).toThrow(/sum to 1/);
    expect(() => resolveWeights({ followers: 0 })).toThrow(/unknown ranking factor "followers"/);
    expect(() => resolveWeights({ nicheFit: -0.1, audienceFit: 0.4 })).toThrow(/between 0 and 1/);
  });
});

describe('recommendCreators', () => {
  it('ranks by score, contributions = value × weight × 100 add up to it, and lists the excluded with reasons', () => {
    const result = recommendCreators({
      campaign,
      candidates: [
        creator('both', { niches: ['skincare', 'beauty'], posts: [{ nmvMinor: 500_000, views: 1000, engagements: 50, clicks: 100, orders: 5 }] }),
        creator('one', { niches: ['skincare'], posts: [{ nmvMinor: 500_000, views: 1000, engagements: 50, clicks: 100, orders: 5 }] }),
        creator('none', { niches: ['food'] }),
        creator('refuser', { preferences: { refusedCategories: ['skincare'] } }),
        creator('booked'),
      ],
      booked: [{ creatorId: 'booked' }],
    });
    expect(result.items.map((i) => i.creatorId)).toEqual(['both', 'one', 'none']);
    for (const item of result.items) {
      expect(item.factors.map((f) => f.name)).toEqual([...FACTOR_NAMES]);
      for (const f of item.factors) {
        expect(f.contribution).toBeCloseTo(f.value * f.weight * 100, 2);
        expect(f.explanation.length).toBeGreaterThan(10);
      }
      expect(item.score).toBeCloseTo(item.factors.reduce((s, f) => s + f.contribution, 0), 6);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
    }
    expect(result.items[0].factors.find((f) => f.name === 'nicheFit')!.contribution).toBe(15);
    expect(result.excluded).toEqual([
      { creatorId: 'booked', name: 'booked', reasons: ['is already booked on this campaign'] },
      { creatorId: 'refuser', name: 'refuser', reasons: [expect.stringMatching(/^refused category:/)] },
    ]);
    expect(recommendCreators({ campaign, candidates: [creator('a'), creator('b')], limit: 1 }).items).toHaveLength(1);
  });
});
