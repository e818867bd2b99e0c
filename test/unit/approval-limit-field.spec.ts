import { checkedApprovalLimit } from '../../apps/api/users/users.panel';

describe("a user's approval limit in the panel", () => {
  it('stores a whole amount with its currency, or neither for no limit', () => {
    expect(checkedApprovalLimit({ approvalLimitMinor: ' 500000 ', approvalLimitCurrency: 'inr' })).toMatchObject({ approvalLimitMinor: 500_000, approvalLimitCurrency: 'INR' });
    expect(checkedApprovalLimit({ approvalLimitMinor: '', approvalLimitCurrency: '' })).toMatchObject({ approvalLimitMinor: null, approvalLimitCurrency: null });
    expect(checkedApprovalLimit({ name: 'Maya' })).toEqual({ name: 'Maya' });
  });

  it('refuses a negative, fractional or currency-less limit, saying why', () => {
    expect(() => checkedApprovalLimit({ approvalLimitMinor: '-1', approvalLimitCurrency: 'INR' })).toThrow(/whole amount in minor units/);
    expect(() => checkedApprovalLimit({ approvalLimitMinor: '10.5', approvalLimitCurrency: 'INR' })).toThrow(/whole amount in minor units/);
    expect(() => checkedApprovalLimit({ approvalLimitMinor: '1000', approvalLimitCurrency: '' })).toThrow(/three-letter code/);
  });
});
