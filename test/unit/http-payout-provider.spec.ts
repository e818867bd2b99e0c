import { randomBytes } from 'node:crypto';
import { HttpPayoutProvider } from '../../activities/http-payout-provider';
import { PayoutProviderDouble } from '../support/payout-provider-double';

/** The payouts-API adapter against the test double over real HTTP on this machine. */
describe('paying through a payouts API', () => {
  const double = new PayoutProviderDouble();
  let url: string;

  beforeAll(async () => {
    url = await double.start();
  });

  afterAll(async () => {
    await double.stop();
  });

  it('sends the transfer with its idempotency key and the token, and returns the same reference on a retry', async () => {
    const provider = new HttpPayoutProvider({ url, token: randomBytes(12).toString('hex') });
    const payee = `tok_${randomBytes(6).toString('hex')}`;
    const transfer = { idempotencyKey: 'payout:p1', amountMinor: 3_000_000, currency: 'INR', payeeReference: payee };
    const first = await provider.pay(transfer);
    const again = await provider.pay(transfer);
    expect(again).toEqual(first);
    expect(double.transfers.get('payout:p1')).toMatchObject({ amountMinor: 3_000_000, currency: 'INR', payeeReference: payee, calls: 2, reference: first.reference });
  });

  it('throws, to be retried, when the provider refuses or answers without a reference', async () => {
    const provider = new HttpPayoutProvider({ url });
    await provider.pay({ idempotencyKey: 'payout:p2', amountMinor: 100, currency: 'INR', payeeReference: null });
    await expect(provider.pay({ idempotencyKey: 'payout:p2', amountMinor: 999, currency: 'INR', payeeReference: null })).rejects.toThrow(
      'The payout provider answered 409 for payout:p2',
    );
    await expect(new HttpPayoutProvider({ url: url.replace('/transfers', '/nowhere'), timeoutMs: 2_000 }).pay({ idempotencyKey: '', amountMinor: 1, currency: 'INR', payeeReference: null })).rejects.toThrow(/answered 400/);
  });
});
