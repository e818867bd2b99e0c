import { isParty, Party, Role, type Actor } from './roles';

const { TalentManager, Manager, Finance, Admin } = Role;

/**
 * Who may take each human decision of the lifecycle (docs/domain.md#roles). One list per decision, read
 * by the workflows' update validators (the rule) and by the back office (which shows and
 * accepts an action only for these roles), so the two cannot drift apart. Finer checks
 * (segregation of duties, a talent manager's own collaboration) stay in the validators.
 */
export const DECISION_ROLES = {
  acknowledgeBrief: [TalentManager, Manager, Admin],
  /** proposeTerms, counterOffer and acceptTerms. */
  negotiate: [TalentManager, Manager, Admin],
  /** A margin below the campaign's floor; never the collaboration's own talent manager. */
  approveCommercials: [Manager, Admin],
  recordCreatorSignature: [TalentManager, Manager, Admin],
  signForAgency: [Manager, Admin],
  submitDraft: [TalentManager, Manager, Admin],
  reviewDraft: [Manager, Admin],
  markPosted: [TalentManager, Manager, Admin],
  submitInvoice: [TalentManager, Finance, Admin],
  /** Never the requester nor whoever agreed the fee. */
  approvePayout: [Finance, Admin],
  /** A talent manager only on their own collaboration. */
  dropOut: [TalentManager, Manager, Admin],
  resolveEscalation: [Manager, Admin],
  bookCreator: [TalentManager, Manager, Admin],
  closeOrCancelCampaign: [Manager, Admin],
} as const satisfies Record<string, readonly Role[]>;

export type Decision = keyof typeof DECISION_ROLES;

/**
 * The decisions a creator or a brand contact takes themselves through their portal link
 * (docs/portal.md), each the same update staff use. A party decides only on its own booking:
 * the creator's id (or the brand's) must be the booking's.
 */
export const PARTY_DECISIONS = {
  acknowledgeBrief: [Party.Creator],
  counterOffer: [Party.Creator],
  acceptTerms: [Party.Creator],
  recordCreatorSignature: [Party.Creator],
  submitDraft: [Party.Creator],
  markPosted: [Party.Creator],
  submitInvoice: [Party.Creator],
  rate: [Party.Creator],
  reviewDraft: [Party.Brand],
} as const satisfies Record<string, readonly Party[]>;

export type PartyDecision = keyof typeof PARTY_DECISIONS;

/** Why this party may not take this decision on the booking of `creatorId` / `brandId`, or null when it may. */
export function partyDecisionProblem(actor: Actor, decision: PartyDecision, booking: { creatorId?: string; brandId?: string }, what: string): string | null {
  if (!isParty(actor.role)) return null;
  if (!(PARTY_DECISIONS[decision] as readonly Party[]).includes(actor.role)) return `A ${actor.role} may not ${what} through their link`;
  const own = actor.role === Party.Creator ? booking.creatorId : booking.brandId;
  if (!own || own !== actor.userId) return `This link is not for this booking's ${actor.role}`;
  return null;
}
