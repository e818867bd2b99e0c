import type { Disbursement, PayoutProvider } from './payout-provider';

export interface HttpPayoutProviderSettings {
  /** Where transfers are POSTed (PAYOUT_PROVIDER_URL). */
  url: string;
  /** Sent as `Authorization: Bearer …` when set (PAYOUT_PROVIDER_TOKEN); never logged. */
  token?: string;
  timeoutMs?: number;
}

/**
 * A payouts API over HTTP, the shape most of them share: `POST <url>` with
 * `{ amountMinor, currency, payeeReference }` and the payout's `Idempotency-Key` header,
 * answered `2xx { reference }`; the same key is the same transfer. Any other answer throws, and
 * the activity is retried with backoff under the same key, so a provider that is down or refuses
 * delays the payment (past the due date, PAYOUT_OVERDUE is raised for the booking's manager)
 * but never pays twice.
 */
export class HttpPayoutProvider implements PayoutProvider {
  constructor(private readonly settings: HttpPayoutProviderSettings) {}

  async pay(disbursement: Disbursement): Promise<{ reference: string }> {
    const response = await fetch(this.settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': disbursement.idempotencyKey,
        ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
      },
      body: JSON.stringify({ amountMinor: disbursement.amountMinor, currency: disbursement.currency, payeeReference: disbursement.payeeReference }),
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`The payout provider answered ${response.status} for ${disbursement.idempotencyKey}: ${text.slice(0, 200)}`);
    let reference: unknown;
    try {
      reference = (JSON.parse(text) as { reference?: unknown }).reference;
    } catch {
      reference = undefined;
    }
    if (typeof reference !== 'string' || reference === '') {
      throw new Error(`The payout provider answered ${response.status} without a reference for ${disbursement.idempotencyKey}`);
    }
    return { reference };
  }
}
