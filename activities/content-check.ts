import type { EntityManager } from 'typeorm';
import { detectContentLanguage } from '../libs/domain/content-language';
import { Brand, Campaign, Creator, Market } from '../libs/domain/entities';
import { checkCompliance, type ComplianceMarket, type ComplianceResult } from '../libs/domain/rules/compliance';
import type { DisclosureFacts } from '../libs/domain/rules/disclosure-facts';

/** A campaign market without a rule set would not compile here. */
const MARKETS_WITH_RULES: Record<Market, ComplianceMarket> = { [Market.India]: 'IN', [Market.UnitedStates]: 'US', [Market.UnitedKingdom]: 'GB' };

/**
 * The compliance check as the draft review and the post verification run it
 * (docs/compliance.md): the campaign's market, the brand's name, category and guidelines, what
 * the creator's profile says (virtual, qualifications), and the disclosure facts declared with
 * the draft or post. The language of a post that declares none is detected from its caption.
 */
export async function checkContent(
  tx: EntityManager,
  input: {
    campaign: Campaign;
    brand: Brand;
    creatorId: string;
    platform: string;
    caption: string;
    paidPartnershipLabel?: boolean;
    disclosure?: DisclosureFacts;
  },
): Promise<ComplianceResult> {
  const creator = await tx.findOne(Creator, { where: { id: input.creatorId }, select: { id: true, isVirtual: true, qualifications: true } });
  return checkCompliance(
    {
      market: MARKETS_WITH_RULES[input.campaign.market] ?? input.campaign.market,
      caption: input.caption,
      paidPartnershipLabel: input.paidPartnershipLabel,
      platform: input.platform,
      ...(input.disclosure ?? {}),
      ...(creator ? { creator: { isVirtual: creator.isVirtual, qualifications: creator.qualifications ?? [] } } : {}),
      brand: { ...(input.brand.guidelines ?? {}), name: input.brand.name, category: input.brand.category },
    },
    { detectLanguage: detectContentLanguage },
  );
}
