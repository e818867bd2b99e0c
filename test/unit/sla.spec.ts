import { DEFAULT_SLA_POLICY, resolveSlaPolicy } from '../../libs/domain/rules/sla';

describe('SLA policy', () => {
  it('defaults to a 24 h reminder and a 48 h escalation for the brief, 5 days to negotiate (docs/domain.md#the-collaboration-lifecycle)', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      briefAckReminder: 24 * 3_600_000,
      briefAckEscalation: 48 * 3_600_000,
      negotiationReminder: 3 * 86_400_000,
      negotiation: 5 * 86_400_000,
      commercialsApprovalReminder: 24 * 3_600_000,
      commercialsApproval: 48 * 3_600_000,
      contractReminder: 48 * 3_600_000,
      contractEscalation: 72 * 3_600_000,
      draftDueReminder: 24 * 3_600_000,
      draftReviewReminder: 24 * 3_600_000,
      draftReview: 48 * 3_600_000,
      revision: 72 * 3_600_000,
      postingReminder: 12 * 3_600_000,
      postingWindow: 24 * 3_600_000,
      measureFirst: 86_400_000,
      measureSecond: 7 * 86_400_000,
      paymentDay: 86_400_000,
      payoutDueReminder: 3 * 86_400_000,
      escalationResponse: 48 * 3_600_000,
    });
  });

  it("applies a campaign's overrides over the defaults", () => {
    expect(resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckReminder: '12h', briefAckEscalation: '36h', negotiation: '3d' })).toEqual({
      briefAckReminder: 12 * 3_600_000,
      briefAckEscalation: 36 * 3_600_000,
      negotiationReminder: 3 * 86_400_000 * 3 / 5,
      negotiation: 3 * 86_400_000,
      commercialsApprovalReminder: 24 * 3_600_000,
      commercialsApproval: 48 * 3_600_000,
      contractReminder: 48 * 3_600_000,
      contractEscalation: 72 * 3_600_000,
      draftDueReminder: 24 * 3_600_000,
      draftReviewReminder: 24 * 3_600_000,
      draftReview: 48 * 3_600_000,
      revision: 72 * 3_600_000,
      postingReminder: 12 * 3_600_000,
      postingWindow: 24 * 3_600_000,
      measureFirst: 86_400_000,
      measureSecond: 7 * 86_400_000,
      paymentDay: 86_400_000,
      payoutDueReminder: 3 * 86_400_000,
      escalationResponse: 48 * 3_600_000,
    });
  });

  it('keeps the defaults for settings the campaign does not override', () => {
    expect(resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckEscalation: '72h' }).briefAckReminder).toBe(24 * 3_600_000);
  });

  it('refuses an escalation that would come before the reminder', () => {
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckReminder: '3d' })).toThrow(/must be later than briefAckReminder/);
  });

  it('refuses a reminder set at or after its escalation, for every wait that has both', () => {
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { negotiationReminder: '5d' })).toThrow('negotiation (5d) must be later than negotiationReminder (5d)');
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { commercialsApprovalReminder: '3d' })).toThrow(/commercialsApproval \(2d\) must be later than commercialsApprovalReminder/);
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { draftReview: '2h', draftReviewReminder: '3h' })).toThrow(/draftReview \(2h\) must be later than draftReviewReminder/);
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { postingReminder: '1d' })).toThrow(/postingWindow \(1d\) must be later than postingReminder/);
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { draftDueReminder: '4d' })).toThrow(/revision \(3d\) must be later than draftDueReminder/);
  });

  it('keeps an unset reminder in its default proportion when only the escalation is shortened below it', () => {
    const policy = resolveSlaPolicy(DEFAULT_SLA_POLICY, { postingWindow: '10s', draftReview: '4s' });
    expect(policy.postingReminder).toBe(5_000);
    expect(policy.draftReviewReminder).toBe(2_000);
    // Set explicitly, it is the caller's and stays.
    expect(resolveSlaPolicy(DEFAULT_SLA_POLICY, { postingWindow: '10s', postingReminder: '1s' }).postingReminder).toBe(1_000);
  });

  it('refuses unknown settings instead of silently ignoring a typo', () => {
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckRemider: '1h' } as never)).toThrow(/Unknown SLA setting "briefAckRemider"/);
  });
});
