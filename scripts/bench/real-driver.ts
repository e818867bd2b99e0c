import { performance } from 'node:perf_hooks';
import { payoutWorkflowId } from '../../workflows/payout-messages';
import { LifecycleFailed, PhaseRecorder, pollUntil, recordLifecycle, sleep, type PollOptions } from './drive';

/**
 * The real lifecycle, through the REST API only, with HTTP Basic auth, as test/e2e/crash.spec.ts
 * drives it: book → acknowledge the brief → terms → accept → both signatures → a draft and its
 * approval for each of the two deliverables (in parallel) → both posts → invoice → approval →
 * COMPLETED. Between decisions it polls the API where a person would look (the row's stage, the
 * contracts, the deliverables, the payout).
 */
export interface RealContext {
  baseUrl: string;
  auth: { talentManager: string; manager: string; finance: string };
  campaignId: string;
  poll: PollOptions;
  requestTimeoutMs: number;
}

const MAX_ATTEMPTS = 10;
const CAPTION = 'Sponsored: crunchy winter snacks';

interface Answer {
  status: number;
  body: any;
}

async function request(ctx: RealContext, method: string, path: string, auth: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
  const response = await fetch(`${ctx.baseUrl}${path}`, {
    method,
    headers: {
      authorization: auth,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(ctx.requestTimeoutMs),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: response.status, body: json };
}

/**
 * A POST the API may answer with a 5xx under load (503: "retry with the same Idempotency-Key"),
 * as a well-behaved client sends it: a 5xx or a dropped connection is retried with the same
 * Idempotency-Key (one collaboration, one decision, however often it is sent). Any 4xx fails the
 * lifecycle: the driver only sends what the workflow accepts.
 */
async function postWithRetries(ctx: RealContext, recorder: PhaseRecorder, path: string, auth: string, body: unknown, idempotencyKey: string): Promise<any> {
  for (let attempt = 1; ; attempt += 1) {
    let failure: string;
    try {
      const answer = await request(ctx, 'POST', path, auth, body, idempotencyKey);
      if (answer.status >= 200 && answer.status < 300) return answer.body;
      failure = `POST ${path} → ${answer.status}: ${JSON.stringify(answer.body)}`;
      if (answer.status < 500) throw new LifecycleFailed(failure);
    } catch (error) {
      if (error instanceof LifecycleFailed) throw error;
      failure = `POST ${path}: ${(error as Error).message}`;
    }
    if (attempt >= MAX_ATTEMPTS) throw new LifecycleFailed(`${failure} (after ${attempt} attempts)`);
    recorder.retried(failure.slice(0, 300));
    await sleep(500 * attempt);
  }
}

/** A decision (a Temporal update behind the API), timed from sending the request to reading the whole answer, retries included. */
async function decide(ctx: RealContext, recorder: PhaseRecorder, name: string, path: string, auth: string, body: unknown, idempotencyKey: string): Promise<any> {
  return recorder.timeUpdate(name, () => postWithRetries(ctx, recorder, path, auth, body, idempotencyKey));
}

async function read(ctx: RealContext, path: string, auth: string): Promise<Answer> {
  return request(ctx, 'GET', path, auth);
}

/** Waits until the collaboration's row shows `stage`; fails at once if it ended otherwise. */
function reachStage(ctx: RealContext, recorder: PhaseRecorder, id: string, stage: string): Promise<true> {
  return pollUntil(recorder, `${id} in ${stage}`, async () => {
    const answer = await read(ctx, `/collaborations/${id}`, ctx.auth.talentManager);
    if (answer.status !== 200) return undefined;
    const current = answer.body?.collaboration?.stage as string | undefined;
    if (current === 'DROPPED' || (current === 'COMPLETED' && stage !== 'COMPLETED')) throw new LifecycleFailed(`${id} is ${current}, expected ${stage}`);
    return current === stage ? true : undefined;
  }, ctx.poll);
}

export function terms(deliverables: number, now = Date.now()) {
  const types = ['reel', 'story', 'post', 'short'];
  return {
    // A 25 % margin: above the default 20 % floor, so no manager approval is needed.
    brandPriceMinor: 4_000_000,
    creatorFeeMinor: 3_000_000,
    currency: 'INR',
    paymentNetDays: 30,
    killFeeBps: 0,
    deliverables: Array.from({ length: deliverables }, (_, i) => ({
      type: types[i % types.length],
      platform: 'instagram',
      draftDueAt: new Date(now + 7 * 86_400_000).toISOString(),
    })),
  };
}

export async function realLifecycle(ctx: RealContext, recorder: PhaseRecorder, index: number, creatorId: string): Promise<void> {
  await recordLifecycle(recorder, index, async () => {
    const { talentManager: tm, manager: mgr, finance: fin } = ctx.auth;

    const started = performance.now();
    const booked = await postWithRetries(ctx, recorder, '/collaborations', tm, { campaignId: ctx.campaignId, creatorId }, `book-${ctx.campaignId}-${creatorId}`);
    recorder.starts.push(performance.now() - started);
    const id = booked.id as string;
    const base = `/collaborations/${id}`;

    await decide(ctx, recorder, 'acknowledgeBrief', `${base}/acknowledge-brief`, tm, undefined, `ack-${id}`);
    await reachStage(ctx, recorder, id, 'NEGOTIATING');
    await decide(ctx, recorder, 'proposeTerms', `${base}/terms`, tm, terms(2), `terms-${id}`);
    await decide(ctx, recorder, 'acceptTerms', `${base}/accept-terms`, tm, undefined, `accept-${id}`);

    const contract = await pollUntil(recorder, `contracts of ${id}`, async () => {
      const answer = await read(ctx, `${base}/contracts`, tm);
      return answer.status === 200 && Array.isArray(answer.body) && answer.body.length ? (answer.body[0] as { id: string; documentHash: string }) : undefined;
    }, ctx.poll);
    const signatures = `${base}/contracts/${contract.id}/signatures`;
    await decide(ctx, recorder, 'recordSignature', signatures, tm, { party: 'creator', documentHash: contract.documentHash }, `sign-c-${id}`);
    await decide(ctx, recorder, 'recordSignature', signatures, mgr, { party: 'agency', documentHash: contract.documentHash }, `sign-a-${id}`);

    const deliverables = await pollUntil(recorder, `deliverables of ${id}`, async () => {
      const answer = await read(ctx, `${base}/deliverables`, tm);
      return answer.status === 200 && Array.isArray(answer.body) && answer.body.length === 2 ? (answer.body as { id: string; type: string }[]) : undefined;
    }, ctx.poll);
    await Promise.all(
      deliverables.map(async (deliverable) => {
        const drafts = `${base}/deliverables/${deliverable.id}/drafts`;
        const submitted = await decide(ctx, recorder, 'submitDraft', drafts, tm, { assetUrl: `https://drive.example/${deliverable.type}.mp4`, caption: CAPTION }, `draft-${deliverable.id}`);
        const draft = submitted?.deliverables?.find((d: { deliverableId: string }) => d.deliverableId === deliverable.id)?.drafts?.[0];
        if (!draft?.compliant) throw new LifecycleFailed(`the ${deliverable.type} draft of ${id} did not pass compliance: ${JSON.stringify(draft)}`);
        await decide(ctx, recorder, 'reviewDraft', `${drafts}/1/review`, mgr, { decision: 'approve' }, `review-${deliverable.id}`);
      }),
    );

    await reachStage(ctx, recorder, id, 'POSTING');
    await Promise.all(
      deliverables.map(async (deliverable, k) => {
        const liveUrl = deliverable.type === 'story' ? `https://www.instagram.com/stories/bench/${index}${k}/` : `https://www.instagram.com/reel/bench${index}x${k}/`;
        const posted = await decide(ctx, recorder, 'markPosted', `${base}/deliverables/${deliverable.id}/post`, tm, { liveUrl, caption: CAPTION }, `post-${deliverable.id}`);
        const state = posted?.deliverables?.find((d: { deliverableId: string }) => d.deliverableId === deliverable.id);
        if (state?.status !== 'verified') throw new LifecycleFailed(`the ${deliverable.type} post of ${id} was not verified: ${JSON.stringify(state?.postProblems)}`);
      }),
    );

    await pollUntil(recorder, `the payout of ${id}`, async () => {
      const answer = await read(ctx, `${base}/payout`, fin);
      return answer.status === 200 && answer.body?.payoutId ? true : undefined;
    }, ctx.poll);
    await decide(ctx, recorder, 'submitInvoice', `${base}/payout/invoice`, tm, { invoiceNumber: `INV-${id.slice(0, 8)}` }, `invoice-${id}`);
    await decide(ctx, recorder, 'approvePayout', `${base}/payout/approve`, fin, undefined, `approve-${id}`);
    await reachStage(ctx, recorder, id, 'COMPLETED');
    return { workflowId: booked.workflowId as string, childWorkflowId: payoutWorkflowId(id) };
  });
}
