import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import pino from 'pino';
import { REQUEST_ID_HEADER_KEY, isSafeRequestId } from '../../libs/domain/rules/request-id';
import { currentRequestId, withLogger } from '../../libs/logging/logger';
import { requestIdInterceptor } from '../../libs/temporal/request-id-propagation';

type Next = (input: { headers: Headers }) => Promise<unknown>;

/** The headers an interceptor method passed on. */
async function sent(method: 'startUpdate' | 'signal', requestId: () => string | undefined): Promise<Headers> {
  const interceptor = requestIdInterceptor(requestId) as unknown as Record<string, (input: { headers: Headers }, next: Next) => Promise<unknown>>;
  let passed: Headers = {};
  await interceptor[method]({ headers: { other: defaultPayloadConverter.toPayload('kept') } }, async (input) => {
    passed = input.headers;
    return undefined;
  });
  return passed;
}

describe('the request id carried into Temporal', () => {
  it('puts the current request id in a header of every update and signal, next to the headers already there', async () => {
    for (const method of ['startUpdate', 'signal'] as const) {
      const headers = await sent(method, () => 'req-42');
      expect(defaultPayloadConverter.fromPayload(headers[REQUEST_ID_HEADER_KEY])).toBe('req-42');
      expect(defaultPayloadConverter.fromPayload(headers.other)).toBe('kept');
    }
  });

  it('adds nothing outside a request', async () => {
    expect(Object.keys(await sent('startUpdate', () => undefined))).toEqual(['other']);
  });

  it("reads the id from the logger the request (or activity) runs with, and nothing outside one", () => {
    const logger = pino({ enabled: false });
    expect(withLogger(logger.child({ requestId: 'abc-1' }), () => currentRequestId())).toBe('abc-1');
    expect(withLogger(logger.child({ other: 1 }), () => currentRequestId())).toBeUndefined();
    expect(currentRequestId()).toBeUndefined();
  });

  it('accepts only ids safe to write into a log line, as the API does for X-Request-Id', () => {
    expect(isSafeRequestId('edge-7f3a.42:retry_1')).toBe(true);
    for (const unsafe of ['', 'a b', 'x'.repeat(129), '<script>', 42, null]) expect(isSafeRequestId(unsafe)).toBe(false);
  });
});
