import { DEFAULT_SLA_POLICY, resolveSlaPolicy } from '../../libs/domain/rules/sla';

describe('SLA policy', () => {
  it('defaults to a 24 h reminder and a 48 h escalation for the brief, 5 days to negotiate (docs/domain.md#the-collaboration-lifecycle)', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      briefAckReminder: 24 * 3_600_000,
      briefAckEscalation: 48 * 3_600_000,
      negotiation: 5 * 86_400_000,
      contractReminder: 48 * 3_600_000,
      contractEscalation: 72 * 3_600_000,
      draftReview: 48 * 3_600_000,
      revision: 72 * 3_600_000,
      postingWindow: 24 * 3_600_000,
      measureFirst: 86_400_000,
      measureSecond: 7 * 86_400_000,
      paymentDay: 86_400_000,
    });
  });

  it("applies a campaign's overrides over the defaults", () => {
    expect(resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckReminder: '12h', briefAckEscalation: '36h', negotiation: '3d' })).toEqual({
      briefAckReminder: 12 * 3_600_000,
      briefAckEscalation: 36 * 3_600_000,
      negotiation: 3 * 86_400_000,
      contractReminder: 48 * 3_600_000,
      contractEscalation: 72 * 3_600_000,
      draftReview: 48 * 3_600_000,
      revision: 72 * 3_600_000,
      postingWindow: 24 * 3_600_000,
      measureFirst: 86_400_000,
      measureSecond: 7 * 86_400_000,
      paymentDay: 86_400_000,
    });
  });

  it('keeps the defaults for settings the campaign does not override', () => {
    expect(resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckEscalation: '72h' }).briefAckReminder).toBe(24 * 3_600_000);
  });

  it('refuses an escalation that would come before the reminder', () => {
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckReminder: '3d' })).toThrow(/must be later than briefAckReminder/);
  });

  it('refuses unknown settings instead of silently ignoring a typo', () => {
    expect(() => resolveSlaPolicy(DEFAULT_SLA_POLICY, { briefAckRemider: '1h' } as never)).toThrow(/Unknown SLA setting "briefAckRemider"/);
  });
});
