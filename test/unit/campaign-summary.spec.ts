import { CollaborationOutcome, summarizeCampaign } from '../../libs/domain/rules/campaign-summary';
import { CollaborationStage } from '../../libs/domain/rules/stages';

const outcome = (overrides: Partial<CollaborationOutcome>): CollaborationOutcome => ({
  stage: CollaborationStage.Completed,
  currency: 'INR',
  brandPriceMinor: 10_000_000,
  feePaidMinor: 7_000_000,
  killFeeMinor: 0,
  escalations: 0,
  ...overrides,
});

describe('summarizeCampaign', () => {
  it('bills completed bookings only and counts kill fees as cost', () => {
    const summary = summarizeCampaign('INR', [
      outcome({ escalations: 2 }),
      outcome({ stage: CollaborationStage.Cancelled, feePaidMinor: 0, killFeeMinor: 1_750_000 }),
      outcome({ stage: CollaborationStage.Dropped, brandPriceMinor: null, feePaidMinor: 0, escalations: 1 }),
    ]);
    expect(summary).toEqual({
      bookings: 3,
      byOutcome: { COMPLETED: 1, CANCELLED: 1, DROPPED: 1 },
      currency: 'INR',
      billedMinor: 10_000_000,
      feesPaidMinor: 7_000_000,
      killFeesMinor: 1_750_000,
      marginBps: 1_250,
      escalations: 3,
    });
  });

  it('has no margin when nothing was billed, and a negative one when kill fees outweigh billing', () => {
    expect(summarizeCampaign('INR', []).marginBps).toBeNull();
    expect(summarizeCampaign('INR', [outcome({ stage: CollaborationStage.Cancelled, feePaidMinor: 0, killFeeMinor: 500 })]).marginBps).toBeNull();
    const summary = summarizeCampaign('INR', [
      outcome({ brandPriceMinor: 1_000, feePaidMinor: 900 }),
      outcome({ stage: CollaborationStage.Cancelled, feePaidMinor: 0, killFeeMinor: 600 }),
    ]);
    expect(summary.marginBps).toBe(-5_000);
  });

  it('refuses to add up amounts in different currencies', () => {
    expect(() => summarizeCampaign('INR', [outcome({ currency: 'USD' })])).toThrow('A booking in USD cannot be summed into a campaign in INR');
  });
});
