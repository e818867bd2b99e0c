import { ServiceUnavailableException } from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import { retryWhileBusy, toHttpError } from '../../apps/api/common/workflow-errors';

/** What the Temporal client throws when a workflow has too many updates in flight. */
const busy = () => new ServiceError('Workflow Update failed', { cause: Object.assign(new Error('limit on number of concurrent in-flight updates has been reached'), { code: 8 }) });

describe('decisions Temporal pushes back', () => {
  it('are retried until accepted', async () => {
    let calls = 0;
    const answer = await retryWhileBusy(async () => {
      calls += 1;
      if (calls < 3) throw busy();
      return 'booked';
    }, 8, async () => undefined);
    expect(answer).toBe('booked');
    expect(calls).toBe(3);
  });

  it('give up after the last attempt as a 503 asking to retry, never a 500', async () => {
    let calls = 0;
    const error = await retryWhileBusy(async () => {
      calls += 1;
      throw busy();
    }, 4, async () => undefined).catch((e: unknown) => e);
    expect(calls).toBe(4);
    const http = toHttpError(error, 'Campaign c-1');
    expect(http).toBeInstanceOf(ServiceUnavailableException);
    expect((http as ServiceUnavailableException).message).toBe('Campaign c-1 is busy with other decisions right now; retry shortly with the same Idempotency-Key');
  });

  it('leave every other failure alone at once', async () => {
    let calls = 0;
    await expect(retryWhileBusy(async () => {
      calls += 1;
      throw new Error('refused');
    }, 8, async () => undefined)).rejects.toThrow('refused');
    expect(calls).toBe(1);
  });
});
