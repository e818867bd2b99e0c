import { ACTOR, instant, integer, list, object, oneOf, text, uuid } from '../common/answer-schemas';

/** The payout workflow's own state (workflows/payout-messages.ts `PayoutState`). */
export const PAYOUT_STATE = object(
  {
    status: oneOf(['requested', 'invoiced', 'scheduled', 'paid']),
    amountMinor: integer(),
    currency: text(),
    dueAt: instant(),
    history: list(object({ at: instant(), event: text() }, { actor: ACTOR })),
  },
  {
    payoutId: uuid(),
    invoiceNumber: text(),
    invoicedBy: ACTOR,
    approvedBy: ACTOR,
    paidAt: instant(),
    providerReference: text(),
    overdueEscalationId: uuid(),
  },
);
