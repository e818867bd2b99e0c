import { CollaborationStage } from './stages';

/** One collaboration as the campaign summary counts it: where it ended and the money on it. */
export interface CollaborationOutcome {
  stage: CollaborationStage;
  currency: string;
  /** The agreed brand price; null when the collaboration ended before terms were agreed. */
  brandPriceMinor: number | null;
  /** The creator's fee as actually paid out (nothing for a collaboration that did not complete). */
  feePaidMinor: number;
  /** A kill fee owed on a dropped or cancelled collaboration with an executed contract. */
  killFeeMinor: number;
  escalations: number;
}

export interface CampaignSummary {
  bookings: number;
  byOutcome: Partial<Record<CollaborationStage, number>>;
  currency: string;
  /** What the brand is billed: the agreed price of every completed collaboration. */
  billedMinor: number;
  feesPaidMinor: number;
  killFeesMinor: number;
  /** (billed − fees − kill fees) / billed in basis points; negative when costs outweigh billing, null when nothing was billed. */
  marginBps: number | null;
  escalations: number;
}

/**
 * The summary a campaign records when it ends. The brand is billed only for collaborations that
 * completed; kill fees on dropped or cancelled collaborations are a cost to the agency's margin.
 * Amounts in another currency than the campaign's are refused, not silently added up.
 */
export function summarizeCampaign(currency: string, outcomes: readonly CollaborationOutcome[]): CampaignSummary {
  const byOutcome: Partial<Record<CollaborationStage, number>> = {};
  let billedMinor = 0;
  let feesPaidMinor = 0;
  let killFeesMinor = 0;
  let escalations = 0;
  for (const outcome of outcomes) {
    if (outcome.currency !== currency) {
      throw new Error(`A booking in ${outcome.currency} cannot be summed into a campaign in ${currency}`);
    }
    byOutcome[outcome.stage] = (byOutcome[outcome.stage] ?? 0) + 1;
    if (outcome.stage === CollaborationStage.Completed) billedMinor += outcome.brandPriceMinor ?? 0;
    feesPaidMinor += outcome.feePaidMinor;
    killFeesMinor += outcome.killFeeMinor;
    escalations += outcome.escalations;
  }
  const costMinor = feesPaidMinor + killFeesMinor;
  return {
    bookings: outcomes.length,
    byOutcome,
    currency,
    billedMinor,
    feesPaidMinor,
    killFeesMinor,
    marginBps: billedMinor > 0 ? Math.floor(((billedMinor - costMinor) * 10_000) / billedMinor) : null,
    escalations,
  };
}
