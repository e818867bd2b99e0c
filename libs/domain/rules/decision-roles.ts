import { Role } from './roles';

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
