import {
  DEFAULT_REPLACEMENT_LIMIT,
  distributionFit,
  rankReplacements,
  reviewReplacementCandidates,
  type Replacement,
  type ReplacementCampaign,
  type ReplacementCandidate,
  type ReplacementInput,
} from '../../libs/domain/rules/replacements';
import { CreatorStatus, Platform } from '../../libs/domain/rules/statuses';

const march = { start: '2025-03-01', end: '2025-03-31' };

const campaign: ReplacementCampaign = {
  id: 'campaign-spring',
  brand: { name: 'Lumen', category: 'skincare', competitorCategories: ['cosmetics'], competitorBrands: ['Glow'] },
  window: march,
  niches: ['beauty', 'skincare', 'wellness'],
};

function creator(id: string, overrides: Partial<ReplacementCandidate> = {}): ReplacementCandidate {
  return {
    id,
    name: `Creator ${id}`,
    status: 'active',
    niches: ['beauty', 'skincare', 'wellness'],
    channels: [{ platform: 'instagram', followers: 100_000, engagementRate: 0.06 }],
    ...overrides,
  };
}

function rank(candidates: ReplacementCandidate[], overrides: Partial<ReplacementInput> = {}, campaignOverrides: Partial<ReplacementCampaign> = {}): Replacement[] {
  return rankReplacements({ droppedCreatorId: 'dropped', campaign: { ...campaign, ...campaignOverrides }, candidates, ...overrides });
}

/** The points each reason line claims, e.g. "niche match 2/3 (beauty, skincare): +27" → 27. */
function claimedPoints(replacement: Replacement): number {
  return replacement.reasons.reduce((sum, reason) => sum + Number(/: \+(\d+)/.exec(reason)![1]), 0);
}

const youngWomen = { age: { '18-24': 0.6, '25-34': 0.4 }, gender: { female: 0.8, male: 0.2 } };

describe('replacement recommendations when a creator drops out', () => {
  it('ranks a creator with better audience fit first and says why', () => {
    const ranked = rank(
      [
        creator('b-broad', { audience: { age: { '18-24': 0.2, '25-34': 0.3, '35+': 0.5 }, gender: { female: 0.5, male: 0.5 } } }),
        creator('a-match', { audience: youngWomen }),
      ],
      {},
      { targetAudience: youngWomen },
    );
    expect(ranked.map((replacement) => replacement.creatorId)).toEqual(['a-match', 'b-broad']);
    // No budget: niche 40, audience 20, engagement 15, availability 10 are scaled to 47 + 23 + 18 + 12.
    expect(ranked[0]).toEqual({
      creatorId: 'a-match',
      name: 'Creator a-match',
      score: 100,
      reasons: [
        'niche match 3/3 (beauty, skincare, wellness): +47',
        'audience fit 100% (age 100%, gender 100%): +23',
        'engagement 6% against a 6% benchmark: +18',
        'available 31 of 31 campaign days: +12',
      ],
      warnings: [],
      components: [
        { component: 'niche', weight: 47, fit: 1, known: true, points: 47 },
        { component: 'audience', weight: 23, fit: 1, known: true, points: 23 },
        { component: 'engagement', weight: 18, fit: 1, known: true, points: 18 },
        { component: 'availability', weight: 12, fit: 1, known: true, points: 12 },
      ],
    });
    expect(ranked[1].score).toBe(91);
    expect(ranked[1].reasons[1]).toBe('audience fit 60% (age 50%, gender 70%): +14');
  });

  it('explains a partial niche match with the niches shared and the points they earn', () => {
    const [replacement] = rank([creator('c1', { niches: ['Skincare', 'beauty', 'travel'], audience: youngWomen, baseRates: { reel: { amountMinor: 40_000_00, currency: 'INR' } } })], {}, {
      targetAudience: youngWomen,
      creatorFeeBudget: { amountMinor: 50_000_00, currency: 'INR' },
      deliverables: [{ type: 'reel' }],
    });
    expect(replacement.reasons).toEqual([
      'niche match 2/3 (beauty, skincare): +27',
      'audience fit 100% (age 100%, gender 100%): +20',
      'engagement 6% against a 6% benchmark: +15',
      'price: estimated fee INR 40,000.00 within the INR 50,000.00 budget: +15',
      'available 31 of 31 campaign days: +10',
    ]);
    expect(replacement.score).toBe(87);
  });

  it('adds up the points in its reasons to the score it gives', () => {
    const ranked = rank(
      [
        creator('c1', { niches: ['beauty'], channels: [{ platform: 'youtube', followers: 20_000, engagementRate: 0.021 }] }),
        creator('c2', { availabilityBlocks: [{ start: '2025-03-03', end: '2025-03-09' }], audience: { countries: { IN: 0.7, US: 0.3 } } }),
        creator('c3', { niches: ['wellness', 'skincare'], baseRates: { reel: { amountMinor: 61_000_00, currency: 'INR' } } }),
      ],
      {},
      { targetAudience: { countries: { IN: 1 } }, creatorFeeBudget: { amountMinor: 50_000_00, currency: 'INR' }, deliverables: [{ type: 'reel' }] },
    );
    expect(ranked).toHaveLength(3);
    for (const replacement of ranked) {
      expect(claimedPoints(replacement)).toBe(replacement.score);
      expect(replacement.score).toBeGreaterThanOrEqual(0);
      expect(replacement.score).toBeLessThanOrEqual(100);
    }
  });

  describe('hard filters', () => {
    it('leaves out the creator who dropped out, inactive creators, other niches and blocking conflicts, and says why', () => {
      const { ranked, excluded } = reviewReplacementCandidates({
        droppedCreatorId: 'dropped',
        campaign,
        candidates: [
          creator('dropped'),
          creator('paused', { status: CreatorStatus.Paused }),
          creator('foodie', { niches: ['food', 'travel'] }),
          creator('tied', { exclusivityWindows: [{ category: 'skincare', brandName: 'Dewy', start: '2025-01-01', end: '2025-03-01' }] }),
          creator('rival', { activeBookings: [{ brandName: 'Glow', brandCategory: 'skincare', campaignWindow: { start: '2025-03-15', end: '2025-04-15' } }] }),
          creator('refuses', { preferences: { refusedCategories: ['Skincare'] } }),
          creator('away', { availabilityBlocks: [{ start: '2025-02-20', end: '2025-04-10', reason: 'sabbatical' }] }),
          creator('ok'),
        ],
      });
      expect(ranked.map((replacement) => replacement.creatorId)).toEqual(['ok']);
      expect(excluded.map(({ creatorId, reasons }) => [creatorId, reasons])).toEqual([
        ['away', ['Creator away is unavailable for the whole campaign (2025-03-01 to 2025-03-31, 31 days): sabbatical from 2025-02-20 to 2025-04-10.']],
        ['dropped', ['is the creator who dropped out']],
        ['foodie', ['has no niche in common with beauty, skincare, wellness']],
        ['paused', ['Creator paused is paused, not active, and cannot be booked.']],
        ['refuses', ['Creator refuses refuses skincare brands, and Lumen is skincare.']],
        ['rival', [expect.stringContaining('Creator rival is booked with Glow (skincare), a competitor Lumen names')]],
        ['tied', [expect.stringContaining('Creator tied is exclusive to Dewy in skincare from 2025-01-01 to 2025-03-01')]],
      ]);
    });

    it('gives every reason a candidate fails, not only the first', () => {
      const { excluded } = reviewReplacementCandidates({ droppedCreatorId: 'dropped', campaign, candidates: [creator('x', { status: 'offboarded', niches: ['gaming'] })] });
      expect(excluded[0].reasons).toEqual(['has no niche in common with beauty, skincare, wellness', 'Creator x is offboarded, not active, and cannot be booked.']);
    });

    it('leaves out a creator already booked on the same campaign', () => {
      const { ranked, excluded } = reviewReplacementCandidates({
        droppedCreatorId: 'dropped',
        campaign,
        candidates: [creator('on-it', { activeBookings: [{ campaignId: 'campaign-spring', brandName: 'Lumen', brandCategory: 'skincare', campaignWindow: march }] })],
      });
      expect(ranked).toEqual([]);
      expect(excluded).toEqual([{ creatorId: 'on-it', name: 'Creator on-it', reasons: ['is already booked on this campaign'] }]);
    });

    it("leaves out a creator with no channel on the campaign's platforms and counts only those channels' engagement", () => {
      const { ranked, excluded } = reviewReplacementCandidates({
        droppedCreatorId: 'dropped',
        campaign: { ...campaign, platforms: [Platform.Instagram] },
        candidates: [
          creator('tube', { channels: [{ platform: 'youtube', followers: 500_000, engagementRate: 0.09 }] }),
          creator('both', {
            channels: [
              { platform: 'YouTube', followers: 500_000, engagementRate: 0.09 },
              { platform: 'Instagram', followers: 50_000, engagementRate: 0.045 },
            ],
          }),
        ],
      });
      expect(excluded).toEqual([{ creatorId: 'tube', name: 'Creator tube', reasons: ['has no channel on instagram'] }]);
      // No audience or budget: niche 40, engagement 15, availability 10 are scaled to 62 + 23 + 15.
      expect(ranked[0].reasons).toContain('engagement 4.5% against a 6% benchmark: +17');
    });

    it('leaves out a candidate whose record has malformed dates and still ranks the others', () => {
      const { ranked, excluded } = reviewReplacementCandidates({
        droppedCreatorId: 'dropped',
        campaign,
        candidates: [creator('typo', { availabilityBlocks: [{ start: '2025-03-10', end: '2025-03-32' }] }), creator('fine')],
      });
      expect(ranked.map((replacement) => replacement.creatorId)).toEqual(['fine']);
      expect(excluded[0].reasons).toEqual(['record has invalid data: availability block 1 end "2025-03-32" is not a calendar date']);
    });
  });

  describe('availability', () => {
    it('warns about a partial holiday instead of excluding, and scores the free days', () => {
      const [free, away] = rank(
        [creator('a-away', { availabilityBlocks: [{ start: '2025-03-22', end: '2025-04-02', reason: 'holiday' }] }), creator('b-free')],
        { limit: 2 },
      );
      expect(free.creatorId).toBe('b-free');
      expect(away).toMatchObject({ creatorId: 'a-away', score: 95 });
      expect(away.reasons).toContain('available 21 of 31 campaign days: +10');
      expect(away.warnings).toEqual([
        "Creator a-away is unavailable for 10 of the campaign's 31 days (2025-03-01 to 2025-03-31): holiday from 2025-03-22 to 2025-04-02. 21 days remain free.",
      ]);
    });

    it('only counts the days still ahead when told what day it is', () => {
      const candidates = [creator('c1', { availabilityBlocks: [{ start: '2025-03-01', end: '2025-03-14', reason: 'holiday' }] })];
      expect(rank(candidates, { today: '2025-03-15' })[0]).toMatchObject({ score: 100, warnings: [] });
      expect(rank(candidates, { today: '2025-03-15' })[0].reasons).toContain('available 17 of 17 campaign days: +15');
      expect(rank(candidates, { today: '2025-03-10' })[0].reasons).toContain('available 17 of 22 campaign days: +12');
    });

    it('refuses to look for a replacement after the campaign window has ended', () => {
      expect(() => rank([creator('c1')], { today: '2025-04-01' })).toThrow('the campaign window ended on 2025-03-31; there is nothing left to replace on 2025-04-01');
    });

    it('carries a same-category booking that is not a named competitor as a warning', () => {
      const [replacement] = rank([creator('c1', { activeBookings: [{ brandName: 'Dewy', brandCategory: 'skincare', campaignWindow: march }] })]);
      expect(replacement.warnings).toEqual([expect.stringContaining('booked with Dewy (skincare), the same category as Lumen, though not a named competitor')]);
    });
  });

  describe('audience fit', () => {
    it('scores an unknown audience as neutral, below a good fit and above a poor one, and warns', () => {
      const ranked = rank(
        [
          creator('poor', { audience: { age: { '45+': 1 }, gender: { male: 1 } } }),
          creator('unknown'),
          creator('good', { audience: youngWomen }),
        ],
        {},
        { targetAudience: youngWomen },
      );
      expect(ranked.map((replacement) => replacement.creatorId)).toEqual(['good', 'unknown', 'poor']);
      const unknown = ranked[1];
      expect(unknown.reasons[1]).toBe('audience fit unknown: +12 (neutral)');
      expect(unknown.warnings).toEqual(['no audience data to compare with the target audience; audience fit scored as neutral']);
      expect(ranked[2].reasons[1]).toBe('audience fit 10% (age 0%, gender 20%): +2');
    });

    it('averages only the dimensions both sides have', () => {
      const [replacement] = rank([creator('c1', { audience: { gender: { female: 0.8, male: 0.2 }, countries: { IN: 1 } } })], {}, { targetAudience: youngWomen });
      expect(replacement.reasons[1]).toBe('audience fit 100% (gender 100%): +23');
    });

    it('measures fit as one minus the total variation distance', () => {
      expect(distributionFit({ female: 0.7, male: 0.3 }, { female: 0.7, male: 0.3 })).toBe(1);
      expect(distributionFit({ IN: 1 }, { US: 1 })).toBe(0);
      expect(distributionFit({ '18-24': 0.5, '25-34': 0.5 }, { '18-24': 0.25, '25-34': 0.25, '35+': 0.5 })).toBeCloseTo(0.5);
      // Rounded exports are rescaled, and country codes match whatever their case.
      expect(distributionFit({ IN: 0.66, US: 0.33 }, { in: 2, us: 1 })).toBeCloseTo(1);
      expect(distributionFit({}, { IN: 1 })).toBeNull();
    });
  });

  describe('engagement', () => {
    it('weights engagement by followers and caps it at the benchmark', () => {
      const [replacement] = rank([
        creator('c1', {
          channels: [
            { platform: 'instagram', followers: 90_000, engagementRate: 0.02 },
            { platform: 'tiktok', followers: 10_000, engagementRate: 0.2 },
          ],
        }),
      ]);
      // (0.02 × 90k + 0.2 × 10k) / 100k = 3.8 %
      expect(replacement.reasons[1]).toBe('engagement 3.8% against a 6% benchmark: +15');
      const [star] = rank([creator('c2', { channels: [{ platform: 'instagram', followers: 1_000, engagementRate: 0.3 }] })]);
      expect(star.reasons[1]).toBe('engagement 30% against a 6% benchmark: +23');
    });

    it('ignores an engagement rate that is not a share and says so', () => {
      const [replacement] = rank([creator('c1', { channels: [{ platform: 'instagram', followers: 10_000, engagementRate: 4.5 }] })]);
      expect(replacement.reasons[1]).toBe('engagement unknown: +12 (neutral)');
      expect(replacement.warnings).toEqual([
        'engagement rate 4.5 on instagram is not a share between 0 and 1; ignored',
        'no engagement rate on record; engagement scored as neutral',
      ]);
    });
  });

  describe('price fit', () => {
    const priced = { creatorFeeBudget: { amountMinor: 50_000_00, currency: 'INR' }, deliverables: [{ type: 'reel', count: 2 }, { type: 'story' }] };
    const rates = (reel: number, story: number, currency = 'INR') => ({ reel: { amountMinor: reel, currency }, Story: { amountMinor: story, currency } });

    // No target audience: niche 40, engagement 15, price 15, availability 10 are scaled to 50 + 19 + 19 + 12.
    it('gives full points to a creator whose rate card fits the budget', () => {
      const [replacement] = rank([creator('c1', { baseRates: rates(20_000_00, 10_000_00) })], {}, priced);
      expect(replacement.reasons).toContain('price: estimated fee INR 50,000.00 within the INR 50,000.00 budget: +19');
      expect(replacement.score).toBe(100);
    });

    it('scores an estimate over budget lower and warns by how much', () => {
      const [replacement] = rank([creator('c1', { baseRates: rates(25_000_00, 10_000_00) })], {}, priced);
      expect(replacement.reasons).toContain('price: estimated fee INR 60,000.00, 20% over the INR 50,000.00 budget: +11');
      expect(replacement.warnings).toEqual(['estimated fee INR 60,000.00 is 20% over the INR 50,000.00 budget']);
    });

    it('gives no price points at half again the budget or more', () => {
      const [replacement] = rank([creator('c1', { baseRates: rates(40_000_00, 10_000_00) })], {}, priced);
      expect(replacement.components.find((component) => component.component === 'price')).toMatchObject({ fit: 0, points: 0, known: true });
    });

    it('scores price as neutral when a rate is missing or in another currency, and warns', () => {
      const [missing] = rank([creator('c1', { baseRates: { reel: { amountMinor: 1, currency: 'INR' } } })], {}, priced);
      expect(missing.reasons).toContain('price fit unknown: +10 (neutral)');
      expect(missing.warnings).toEqual(['no base rate for story; price fit scored as neutral']);
      const [dollars] = rank([creator('c2', { baseRates: rates(200_00, 100_00, 'USD') })], {}, priced);
      expect(dollars.warnings).toEqual(['the base rate for reel is in USD, the budget in INR; price fit scored as neutral']);
    });

    it('formats currencies without minor digits', () => {
      const [replacement] = rank([creator('c1', { baseRates: { reel: { amountMinor: 120_000, currency: 'JPY' } } })], {}, {
        creatorFeeBudget: { amountMinor: 150_000, currency: 'JPY' },
        deliverables: [{ type: 'reel' }],
      });
      expect(replacement.reasons).toContain('price: estimated fee JPY 120,000 within the JPY 150,000 budget: +19');
    });

    it('refuses a budget that is not whole minor units with a currency code', () => {
      expect(() => rank([creator('c1')], {}, { creatorFeeBudget: { amountMinor: 499.5, currency: 'INR' } })).toThrow(/creator fee budget must be a whole/);
      expect(() => rank([creator('c1')], {}, { deliverables: [{ type: 'reel', count: 0 }] })).toThrow('deliverable reel count must be a whole number of at least 1, got 0');
    });
  });

  describe('ordering', () => {
    it('breaks ties by creator id and returns five by default', () => {
      const ids = ['g', 'c', 'a', 'f', 'b', 'e', 'd'];
      const ranked = rank(ids.map((id) => creator(id)));
      expect(DEFAULT_REPLACEMENT_LIMIT).toBe(5);
      expect(ranked.map((replacement) => replacement.creatorId)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(rank(ids.map((id) => creator(id)), { limit: 2 }).map((replacement) => replacement.creatorId)).toEqual(['a', 'b']);
    });

    it('gives the same ranking whatever order the candidates arrive in', () => {
      const candidates = [
        creator('x1', { niches: ['beauty'] }),
        creator('x2', { channels: [{ platform: 'instagram', followers: 5_000, engagementRate: 0.01 }] }),
        creator('x3', { availabilityBlocks: [{ start: '2025-03-01', end: '2025-03-05' }] }),
        creator('x4'),
      ];
      expect(rank([...candidates].reverse(), { limit: 10 })).toEqual(rank(candidates, { limit: 10 }));
    });
  });

  describe('input checks', () => {
    it('needs at least one niche to look for', () => {
      expect(() => rank([creator('c1')], {}, { niches: [' '] })).toThrow('name at least one niche the replacement should cover');
    });

    it('refuses a candidate listed twice and a negative limit', () => {
      expect(() => rank([creator('c1'), creator('c1')])).toThrow('candidate c1 is listed twice');
      expect(() => rank([creator('c1')], { limit: -1 })).toThrow('limit must be a whole number of at least 0, got -1');
    });

    it('refuses a malformed campaign window', () => {
      expect(() => rank([creator('c1')], {}, { window: { start: '2025-03-31', end: '2025-03-01' } })).toThrow('campaign window ends 2025-03-01 before it starts 2025-03-31');
    });
  });
});
