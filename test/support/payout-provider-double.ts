import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Transfer {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  payeeReference: string | null;
  reference: string;
  /** How many requests carried this key (retries of one transfer). */
  calls: number;
}

/**
 * A payouts API for the tests, in the test's own process: it counts every request it gets and
 * keeps one transfer per Idempotency-Key, like a real provider. What it counts does not depend on
 * anything in the system's database, so a second transfer for one payout (a new key) or a
 * request for a changed amount under the same key would be seen here.
 */
export class PayoutProviderDouble {
  readonly transfers = new Map<string, Transfer>();
  requests = 0;
  /** Requests refused for reusing a key with another amount. */
  readonly conflicts: string[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.requests += 1;
        const key = request.headers['idempotency-key'];
        let payload: { amountMinor?: unknown; currency?: unknown; payeeReference?: unknown } = {};
        try {
          payload = JSON.parse(body);
        } catch {
          payload = {};
        }
        if (request.method !== 'POST' || typeof key !== 'string' || key === '' || typeof payload.amountMinor !== 'number' || typeof payload.currency !== 'string') {
          response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'POST a transfer with an Idempotency-Key' }));
          return;
        }
        const earlier = this.transfers.get(key);
        if (earlier && (earlier.amountMinor !== payload.amountMinor || earlier.currency !== payload.currency)) {
          this.conflicts.push(key);
          response.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'key reused for another transfer' }));
          return;
        }
        const transfer = earlier ?? {
          idempotencyKey: key, amountMinor: payload.amountMinor, currency: payload.currency,
          payeeReference: typeof payload.payeeReference === 'string' ? payload.payeeReference : null, reference: `TR-${randomUUID()}`, calls: 0,
        };
        transfer.calls += 1;
        this.transfers.set(key, transfer);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: transfer.reference }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/transfers`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
