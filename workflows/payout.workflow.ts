import { ActivityFailure, ApplicationFailure, condition, getExternalWorkflowHandle, ParentClosePolicy, patched, setHandler, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../libs/domain/rules/escalations';
import { PayoutKind } from '../libs/domain/rules/lifecycle';
import { DECISION_ROLES, partyDecisionProblem } from '../libs/domain/rules/decision-roles';
import { isParty, Role } from '../libs/domain/rules/roles';
import { satisfactionWorkflowId } from '../libs/temporal/workflow-ids';
import { activities } from './collaboration-lifecycle';
import {
  approvePayoutUpdate, payoutEscalationClosedSignal, payoutEscalationRaisedSignal, payoutOverdueAcceptedSignal, payoutStateQuery, submitInvoiceUpdate, type PayoutInput, type PayoutState,
} from './payout-messages';
import { satisfactionReminderWorkflow } from './satisfaction.workflow';
import { rejectDecision as reject } from './stages/decisions';

/**
 * PAYOUT (child of the collaboration): invoice → finance approval → due date (net days from the
 * verified posting) → disbursement through the payout provider with the payout's idempotency
 * key → PAID. PAYOUT_OVERDUE when the due date passes unpaid; it closes itself once paid.
 */
export async function payoutWorkflow(input: PayoutInput): Promise<PayoutState> {
  const now = () => new Date(Date.now()).toISOString();
  const dueAt = Date.parse(input.verifiedAt) + input.netDays * input.paymentDay;
  const state: PayoutState = { status: 'requested', amountMinor: input.amountMinor, currency: input.currency, dueAt: new Date(dueAt).toISOString(), history: [] };
  setHandler(payoutStateQuery, () => state);

  setHandler(
    submitInvoiceUpdate,
    async ({ actor, invoiceNumber }) => {
      // Taken before the activity runs, so a concurrent duplicate is refused by the validator.
      state.invoiceNumber = invoiceNumber;
      state.invoicedBy = actor;
      await activities.recordInvoice({ payoutId: state.payoutId!, invoiceNumber, actor, at: now(), eventKey: `${workflowInfo().workflowId}:invoice` });
      state.status = 'invoiced';
      state.history.push({ at: now(), event: 'invoice.submitted', actor });
      return state;
    },
    {
      validator: ({ actor, invoiceNumber }) => {
        if (!actor) throw reject('An acting user is required', 'InvalidDecision');
        if (isParty(actor.role)) {
          const problem = partyDecisionProblem(actor, 'submitInvoice', { creatorId: input.creatorId }, 'submit an invoice');
          if (problem) throw reject(problem, 'Forbidden');
        } else if (!(DECISION_ROLES.submitInvoice as readonly Role[]).includes(actor.role)) throw reject(`A ${actor.role} may not submit an invoice`, 'Forbidden');
        if (state.status !== 'requested' || !state.payoutId || state.invoiceNumber) throw reject(`The invoice can only be submitted while the payout is requested; it is ${state.status}`, 'WrongStage');
        if (typeof invoiceNumber !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9/._-]{0,59}$/.test(invoiceNumber)) throw reject('invoiceNumber must be 1-60 letters, digits, "/", ".", "_" or "-"', 'InvalidDecision');
      },
    },
  );

  setHandler(
    approvePayoutUpdate,
    async ({ actor }) => {
      state.approvedBy = actor;
      state.history.push({ at: now(), event: 'payout.approved', actor });
      await condition(() => state.status !== 'invoiced');
      return state;
    },
    {
      validator: ({ actor }) => {
        if (!actor) throw reject('An acting user is required', 'InvalidDecision');
        if (!(DECISION_ROLES.approvePayout as readonly Role[]).includes(actor.role)) throw reject(`A ${actor.role} may not approve payouts; allowed roles: finance, admin`, 'Forbidden');
        // Segregation of duties (docs/domain.md#roles).
        if (actor.userId === input.requestedById) throw reject('A payout cannot be approved by the person who requested it', 'Forbidden');
        if (actor.userId === input.negotiatorId) throw reject('A payout cannot be approved by the person who agreed the fee', 'Forbidden');
        if (actor.userId === state.invoicedBy?.userId) throw reject('A payout cannot be approved by the person who submitted its invoice', 'Forbidden');
        if (state.status !== 'invoiced' || state.approvedBy) throw reject(`A payout can only be approved once invoiced; it is ${state.status}`, 'WrongStage');
      },
    },
  );

  setHandler(payoutOverdueAcceptedSignal, ({ escalationId, actor, reason }) => {
    if (escalationId !== state.overdueEscalationId || state.overdueAccepted) return;
    state.overdueAccepted = { actor, reason, at: now() };
    state.history.push({ at: now(), event: 'payout.overdue_accepted', actor });
  });

  const killFee = input.kind === 'kill_fee';
  state.payoutId = await activities.requestPayout({
    collaborationId: input.collaborationId,
    amountMinor: input.amountMinor,
    currency: input.currency,
    requestedById: input.requestedById,
    idempotencyKey: `${workflowInfo().workflowId}:${killFee ? 'kill-fee' : 'fee'}`,
    at: now(),
    ...(killFee ? { kind: PayoutKind.KillFee } : {}),
  });

  const approved = () => state.approvedBy !== undefined;
  if (input.dueReminder !== undefined && patched('payout-due-reminder')) await remindFinanceBeforeDue(input, dueAt, approved);
  if (!(await condition(approved, Math.max(1_000, dueAt - Date.now())))) {
    state.overdueEscalationId = await activities.escalate({
      collaborationId: input.collaborationId,
      kind: EscalationKind.PayoutOverdue,
      severity: EscalationSeverity.High,
      summary: `The creator's ${killFee ? 'kill fee' : 'payout'} was due on ${state.dueAt.slice(0, 10)} and is not approved yet.`,
      at: now(),
      eventKey: `${workflowInfo().workflowId}:escalate:PAYOUT_OVERDUE:1`,
    });
    // Runs from before PAYOUT_OVERDUE could be resolved wait for the approval alone, as they did then.
    if (patched('payout-overdue-resolvable')) {
      await tellCollaboration((parent) => parent.signal(payoutEscalationRaisedSignal, { escalationId: state.overdueEscalationId!, kind: EscalationKind.PayoutOverdue, raisedAt: now() }));
      await reescalateUntil(input, state, () => approved() || state.overdueAccepted !== undefined);
    }
    await condition(approved);
  }
  const dueOn = state.dueAt.slice(0, 10);
  await activities.approvePayout({ payoutId: state.payoutId, actor: state.approvedBy!, dueOn, at: now(), eventKey: `${workflowInfo().workflowId}:approve` });
  state.status = 'scheduled';
  // Pay on the due date, not before (net terms); at once when approval came late.
  const wait = dueAt - Date.now();
  if (wait > 0) await sleep(wait);
  const paid = patched('payout-details-missing')
    ? await disburseOncePayable(input, state, now)
    : await activities.disburse({ payoutId: state.payoutId, at: now() });
  state.status = 'paid';
  state.paidAt = now();
  state.providerReference = paid.providerReference;
  state.history.push({ at: state.paidAt, event: 'payout.paid' });
  if (state.overdueEscalationId && !state.overdueAccepted) {
    await activities.closeEscalation({
      escalationId: state.overdueEscalationId,
      collaborationId: input.collaborationId,
      resolution: EscalationResolution.ResolvedLate,
      reason: 'The payout was paid after its due date',
      at: now(),
      eventKey: `${workflowInfo().workflowId}:resolve:${state.overdueEscalationId}`,
    });
    if (patched('payout-overdue-resolvable')) {
      const closed = { escalationId: state.overdueEscalationId, resolution: EscalationResolution.ResolvedLate, reason: 'The payout was paid after its due date', at: now() };
      await tellCollaboration((parent) => parent.signal(payoutEscalationClosedSignal, closed));
    }
  }
  if (!killFee && patched('satisfaction-rating')) await requestSatisfactionRating(input.collaborationId, now());
  return state;
}

/** Signals the collaboration that started this payout; a collaboration already gone has nobody to tell. */
async function tellCollaboration(send: (parent: ReturnType<typeof getExternalWorkflowHandle>) => Promise<void>): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await send(getExternalWorkflowHandle(parent.workflowId));
  } catch {
    // Terminated by an operator: nothing waits to hear.
  }
}

/** PAYOUT_OVERDUE goes up the team tree each `escalationResponse` it stays unanswered (runs without the setting never re-escalate). */
async function reescalateUntil(input: PayoutInput, state: PayoutState, answered: () => boolean): Promise<void> {
  if (input.escalationResponse === undefined) return;
  for (let level = 1; !(await condition(answered, input.escalationResponse)); level += 1) {
    const assigneeId = await activities.reescalate({
      escalationId: state.overdueEscalationId!,
      collaborationId: input.collaborationId,
      at: new Date(Date.now()).toISOString(),
      eventKey: `${workflowInfo().workflowId}:reescalate:${state.overdueEscalationId}:${level}`,
    });
    if (!assigneeId) return;
    state.history.push({ at: new Date(Date.now()).toISOString(), event: 'payout.overdue_reescalated' });
  }
}

/** Finance is nudged `dueReminder` before the due date (at once when less is left) while the payout is unapproved. */
async function remindFinanceBeforeDue(input: PayoutInput, dueAt: number, approved: () => boolean): Promise<void> {
  const until = dueAt - input.dueReminder! - Date.now();
  if (until > 0 ? await condition(approved, until) : approved()) return;
  await activities.remind({
    collaborationId: input.collaborationId,
    kind: 'PAYOUT_DUE_REMINDER',
    message: `The creator's ${input.kind === 'kill_fee' ? 'kill fee' : 'payout'} falls due on ${new Date(dueAt).toISOString().slice(0, 10)} and is not approved yet.`,
    eventKey: `${workflowInfo().workflowId}:remind:PAYOUT_DUE_REMINDER`,
    recipient: 'finance',
  });
}

/**
 * Disburses; when the creator has no payout details (PayoutDetailsMissing, raised before the
 * provider is called) PAYOUT_DETAILS_MISSING goes to finance, and the payout is tried again every
 * payment-terms day until the details are there, then the escalation closes itself. Nothing is
 * sent to a null payee, and the idempotency key keeps the eventual transfer single.
 */
async function disburseOncePayable(input: PayoutInput, state: PayoutState, now: () => string): Promise<{ providerReference: string }> {
  let escalationId: string | undefined;
  for (;;) {
    try {
      const paid = await activities.disburse({ payoutId: state.payoutId!, at: now() });
      if (escalationId) {
        await activities.closeEscalation({
          escalationId,
          collaborationId: input.collaborationId,
          resolution: EscalationResolution.ResolvedLate,
          reason: "The creator's payout details were added and the payout was paid",
          at: now(),
          eventKey: `${workflowInfo().workflowId}:resolve:${escalationId}`,
        });
      }
      return paid;
    } catch (error) {
      if (!(error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'PayoutDetailsMissing')) throw error;
    }
    if (!escalationId) {
      escalationId = await activities.escalate({
        collaborationId: input.collaborationId,
        kind: EscalationKind.PayoutDetailsMissing,
        severity: EscalationSeverity.High,
        summary: "The creator's payout is approved and due, but the creator has no payout details: add them to the creator record, and the payout is paid at the next check (every payment day).",
        at: now(),
        eventKey: `${workflowInfo().workflowId}:escalate:PAYOUT_DETAILS_MISSING:1`,
      });
      state.detailsEscalationId = escalationId;
      state.history.push({ at: now(), event: 'payout.details_missing' });
    }
    // At least a second between checks, however short a test's payment day.
    await sleep(Math.max(1_000, input.paymentDay));
  }
}

/**
 * The fee is paid: the talent manager is asked for the creator's satisfaction rating, and a
 * workflow of its own reminds them later if it is still missing. It is abandoned on purpose:
 * neither this payout nor the collaboration waits for a rating.
 */
async function requestSatisfactionRating(collaborationId: string, at: string): Promise<void> {
  const { remindAfterMs } = await activities.requestSatisfactionRating({ collaborationId, at, eventKey: `${workflowInfo().workflowId}:satisfaction` });
  await startChild(satisfactionReminderWorkflow, {
    workflowId: satisfactionWorkflowId(collaborationId),
    args: [{ collaborationId, remindAfterMs }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
