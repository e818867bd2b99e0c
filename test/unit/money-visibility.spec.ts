import { isMoneyAuditEntry, payoutWithoutMoney } from '../../libs/domain/rules/money-visibility';

describe('money details', () => {
  it('are in the audit entries about payouts, from the workflow or the panel', () => {
    expect(isMoneyAuditEntry({ action: 'payout.paid', entity: 'Payout' })).toBe(true);
    expect(isMoneyAuditEntry({ action: 'payout.invoiced', entity: 'Payout' })).toBe(true);
    expect(isMoneyAuditEntry({ action: 'panel.Payout.updated', entity: 'Payout' })).toBe(true);
    expect(isMoneyAuditEntry({ action: 'collaboration.brief_acknowledged', entity: 'Collaboration' })).toBe(false);
  });

  it("leave a live state's payout with only its workflow id", () => {
    const state = { stage: 'COMPLETED', payout: { workflowId: 'payout-1', status: 'paid', paidAt: '2026-11-30T00:00:00Z', providerReference: 'LEDGER-1' } };
    expect(payoutWithoutMoney(state)).toEqual({ stage: 'COMPLETED', payout: { workflowId: 'payout-1' } });
    const briefed: { stage: string; payout?: { workflowId: string } } = { stage: 'BRIEFED' };
    expect(payoutWithoutMoney(briefed)).toEqual({ stage: 'BRIEFED' });
  });
});
