import { formatDuration, parseDuration } from './duration';

/**
 * How long each wait of the collaboration workflow lasts, in milliseconds from the moment
 * the wait starts. It is part of the workflow input, so a campaign can override it and
 * tests can run it in seconds (the dev server has no time skipping).
 */
export interface SlaPolicy {
  /** BRIEFED: remind the creator's talent manager that the brief is unacknowledged. */
  briefAckReminder: number;
  /** BRIEFED: raise BRIEF_ACK_OVERDUE. Counted from briefing, so it must exceed the reminder. */
  briefAckEscalation: number;
  /** NEGOTIATING: remind the talent manager that no terms are agreed yet. Counted from the start of negotiation. */
  negotiationReminder: number;
  /** NEGOTIATING: raise NEGOTIATION_STALLED when no terms are agreed within this time. */
  negotiation: number;
  /** NEGOTIATING: remind the approving manager of agreed terms below the margin floor. Counted from agreement. */
  commercialsApprovalReminder: number;
  /** NEGOTIATING: raise COMMERCIALS_APPROVAL_OVERDUE when terms below the floor are still unapproved. */
  commercialsApproval: number;
  /** CONTRACTING: remind the talent manager of unsigned contracts. */
  contractReminder: number;
  /** CONTRACTING: raise CONTRACT_UNSIGNED. Counted from sending, so it must exceed the reminder. */
  contractEscalation: number;
  /**
   * IN_PRODUCTION: how long before a draft is due (the campaign's date, or the end of a revision
   * round) the talent manager is reminded; at once when less time than this is left.
   */
  draftDueReminder: number;
  /** IN_PRODUCTION: remind the reviewer of a draft waiting for review. Counted from submission. */
  draftReviewReminder: number;
  /** IN_PRODUCTION: the brand's (or delegated manager's) review of a draft; REVIEW_OVERDUE after it. */
  draftReview: number;
  /** IN_PRODUCTION: time for the creator to send a revised draft after changes are requested. */
  revision: number;
  /** POSTING: after a deliverable's scheduled time, when the talent manager is reminded it is not live yet. */
  postingReminder: number;
  /** POSTING: after a deliverable's scheduled time, how long until POSTING_MISSED. */
  postingWindow: number;
  /** MEASURING: performance captured this long after posting is verified, and again at the second. */
  measureFirst: number;
  measureSecond: number;
  /** PAYOUT: the length of one day of payment terms (net-30 = 30 of these); shortened only in tests and demos. */
  paymentDay: number;
  /** Any escalation: how long it may stay unresolved before it goes to its assignee's own manager (and on up, each time). */
  escalationResponse: number;
  /** PAYOUT: how long before the payout's due date finance is reminded of an unapproved payout; at once when less is left. */
  payoutDueReminder: number;
}

export type SlaPolicyOverrides = Partial<Record<keyof SlaPolicy, string | number>>;

export const SLA_POLICY_KEYS: readonly (keyof SlaPolicy)[] = [
  'briefAckReminder', 'briefAckEscalation', 'negotiationReminder', 'negotiation', 'commercialsApprovalReminder', 'commercialsApproval',
  'contractReminder', 'contractEscalation', 'draftDueReminder', 'draftReviewReminder', 'draftReview', 'revision',
  'postingReminder', 'postingWindow', 'measureFirst', 'measureSecond', 'paymentDay', 'payoutDueReminder', 'escalationResponse',
];

/** A reminder counted from the start of its wait, and the escalation it must come before. */
const REMINDER_BEFORE_ESCALATION: readonly [keyof SlaPolicy, keyof SlaPolicy][] = [
  ['briefAckReminder', 'briefAckEscalation'],
  ['negotiationReminder', 'negotiation'],
  ['commercialsApprovalReminder', 'commercialsApproval'],
  ['contractReminder', 'contractEscalation'],
  ['draftReviewReminder', 'draftReview'],
  // A revision round ends like a due date: its reminder comes this long before the end.
  ['draftDueReminder', 'revision'],
  ['postingReminder', 'postingWindow'],
];

/** docs/domain.md#the-collaboration-lifecycle defaults. */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = Object.freeze({
  briefAckReminder: parseDuration('24h'),
  briefAckEscalation: parseDuration('48h'),
  negotiationReminder: parseDuration('3d'),
  negotiation: parseDuration('5d'),
  commercialsApprovalReminder: parseDuration('24h'),
  commercialsApproval: parseDuration('48h'),
  contractReminder: parseDuration('48h'),
  contractEscalation: parseDuration('72h'),
  draftDueReminder: parseDuration('24h'),
  draftReviewReminder: parseDuration('24h'),
  draftReview: parseDuration('48h'),
  revision: parseDuration('72h'),
  postingReminder: parseDuration('12h'),
  postingWindow: parseDuration('24h'),
  measureFirst: parseDuration('1d'),
  measureSecond: parseDuration('7d'),
  paymentDay: parseDuration('1d'),
  payoutDueReminder: parseDuration('3d'),
  escalationResponse: parseDuration('48h'),
});

/**
 * Applies overrides (a campaign's, or the environment's) on top of a base policy and checks
 * that the result still makes sense. Unknown keys are refused rather than ignored, so a typo
 * in a campaign setting cannot silently leave the default in force.
 */
export function resolveSlaPolicy(base: SlaPolicy, overrides: SlaPolicyOverrides | null | undefined): SlaPolicy {
  const policy: SlaPolicy = { ...base };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (!(SLA_POLICY_KEYS as readonly string[]).includes(key)) {
      throw new Error(`Unknown SLA setting "${key}"; known settings: ${SLA_POLICY_KEYS.join(', ')}`);
    }
    if (value === undefined || value === null) continue;
    policy[key as keyof SlaPolicy] = parseDuration(value);
  }
  for (const [reminder, escalation] of REMINDER_BEFORE_ESCALATION) {
    // A campaign that only shortens an escalation (written before its reminder existed, or a demo)
    // keeps a reminder in the default proportion rather than being refused.
    const reminderSet = overrides?.[reminder] !== undefined && overrides?.[reminder] !== null;
    if (!reminderSet && policy[escalation] <= policy[reminder]) {
      policy[reminder] = Math.floor((policy[escalation] * DEFAULT_SLA_POLICY[reminder]) / DEFAULT_SLA_POLICY[escalation]);
    }
    if (policy[escalation] <= policy[reminder]) {
      throw new Error(`${escalation} (${formatDuration(policy[escalation])}) must be later than ${reminder} (${formatDuration(policy[reminder])})`);
    }
  }
  if (policy.measureSecond <= policy.measureFirst) {
    throw new Error(`measureSecond (${formatDuration(policy.measureSecond)}) must be later than measureFirst (${formatDuration(policy.measureFirst)})`);
  }
  return policy;
}
