import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { commercialCheck, killFee, Terms, termsProblems } from '../../libs/domain/rules/terms';

const terms = (overrides: Partial<Terms> = {}): Terms => ({
  brandPriceMinor: 10_000_000,
  creatorFeeMinor: 7_500_000,
  currency: 'INR',
  paymentNetDays: 30,
  killFeeBps: 5_000,
  deliverables: [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: '2026-12-10T12:00:00Z', scheduledPostAt: '2026-12-15T12:00:00Z' }],
  ...overrides,
});

describe('negotiated terms', () => {
  it('accepts sound terms in the campaign currency', () => {
    expect(termsProblems(terms(), 'INR')).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(termsProblems(terms({ creatorFeeMinor: 12_000_000, currency: 'USD', paymentNetDays: 365, killFeeBps: 20_000 }), 'INR')).toEqual([
      'creatorFeeMinor may not exceed brandPriceMinor: the booking would lose money',
      "currency must be the campaign's currency, INR",
      'paymentNetDays must be a whole number of days between 0 and 120',
      'killFeeBps must be between 0 and 10000 (basis points of the creator fee)',
    ]);
  });

  it('refuses fractional money and an exclusivity that ends before it starts', () => {
    expect(termsProblems(terms({ brandPriceMinor: 100.5, exclusivity: { category: 'skincare', start: '2027-02-01', end: '2027-01-01' } }), 'INR')).toEqual([
      'brandPriceMinor must be a positive whole number of minor units',
      'exclusivity.end must not be before exclusivity.start',
    ]);
  });

  it('needs at least one deliverable, each with a type, a platform and a draft due date before posting', () => {
    expect(termsProblems(terms({ deliverables: [] }), 'INR')).toEqual(['deliverables must list at least one piece of content']);
    expect(
      termsProblems(terms({ deliverables: [{ type: 'tweetstorm' as never, platform: Platform.Instagram, draftDueAt: '2026-12-10T12:00:00Z', scheduledPostAt: '2026-12-01T00:00:00Z' }] }), 'INR'),
    ).toEqual(['deliverables[0].type must be one of reel, story, video, short, post, live, blog', 'deliverables[0].scheduledPostAt must not be before its draftDueAt']);
  });

  it('needs a manager when the margin is below the floor, and not at the floor', () => {
    expect(commercialCheck(terms({ creatorFeeMinor: 8_000_001 }))).toEqual({ marginBps: 1_999, floorBps: 2_000, needsApproval: true });
    expect(commercialCheck(terms({ creatorFeeMinor: 8_000_000 }))).toEqual({ marginBps: 2_000, floorBps: 2_000, needsApproval: false });
    expect(commercialCheck(terms(), 3_000).needsApproval).toBe(true);
  });

  it('computes the kill fee the contract allows, rounding down', () => {
    expect(killFee({ creatorFeeMinor: 7_500_001, killFeeBps: 5_000 })).toBe(3_750_000);
    expect(killFee({ creatorFeeMinor: 7_500_000, killFeeBps: 0 })).toBe(0);
  });
});
