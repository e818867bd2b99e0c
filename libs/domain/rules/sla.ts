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
  /** NEGOTIATING: raise NEGOTIATION_STALLED when no terms are agreed within this time. */
  negotiation: number;
  /** CONTRACTING: remind the talent manager of unsigned contracts. */
  contractReminder: number;
  /** CONTRACTING: raise CONTRACT_UNSIGNED. Counted from sending, so it must exceed the reminder. */
  contractEscalation: number;
  /** IN_PRODUCTION: the brand's (or delegated manager's) review of a draft; REVIEW_OVERDUE after it. */
  draftReview: number;
  /** IN_PRODUCTION: time for the creator to send a revised draft after changes are requested. */
  revision: number;
  /** POSTING: after a deliverable's scheduled time, how long until POSTING_MISSED. */
  postingWindow: number;
  /** MEASURING: performance captured this long after posting is verified, and again at the second. */
  measureFirst: number;
  measureSecond: number;
  /** PAYOUT: the length of one day of payment terms (net-30 = 30 of these); shortened only in tests and demos. */
  paymentDay: number;
}

export type SlaPolicyOverrides = Partial<Record<keyof SlaPolicy, string | number>>;

export const SLA_POLICY_KEYS: readonly (keyof SlaPolicy)[] = ['briefAckReminder', 'briefAckEscalation', 'negotiation', 'contractReminder', 'contractEscalation', 'draftReview', 'revision', 'postingWindow', 'measureFirst', 'measureSecond', 'paymentDay'];

/** docs/domain.md#the-collaboration-lifecycle defaults. */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = Object.freeze({
  briefAckReminder: parseDuration('24h'),
  briefAckEscalation: parseDuration('48h'),
  negotiation: parseDuration('5d'),
  contractReminder: parseDuration('48h'),
  contractEscalation: parseDuration('72h'),
  draftReview: parseDuration('48h'),
  revision: parseDuration('72h'),
  postingWindow: parseDuration('24h'),
  measureFirst: parseDuration('1d'),
  measureSecond: parseDuration('7d'),
  paymentDay: parseDuration('1d'),
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
  if (policy.briefAckEscalation <= policy.briefAckReminder) {
    throw new Error(
      `briefAckEscalation (${formatDuration(policy.briefAckEscalation)}) must be later than briefAckReminder (${formatDuration(policy.briefAckReminder)})`,
    );
  }
  if (policy.contractEscalation <= policy.contractReminder) {
    throw new Error(
      `contractEscalation (${formatDuration(policy.contractEscalation)}) must be later than contractReminder (${formatDuration(policy.contractReminder)})`,
    );
  }
  if (policy.measureSecond <= policy.measureFirst) {
    throw new Error(`measureSecond (${formatDuration(policy.measureSecond)}) must be later than measureFirst (${formatDuration(policy.measureFirst)})`);
  }
  return policy;
}
