import {
  BadRequestException, ConflictException, ForbiddenException, HttpException, ServiceUnavailableException,
} from '@nestjs/common';
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { RejectionType } from '../../../workflows/stages/decisions';

const STATUS_BY_REJECTION: Record<RejectionType, (message: string) => HttpException> = {
  WrongStage: (message) => new ConflictException(message),
  Forbidden: (message) => new ForbiddenException(message),
  InvalidDecision: (message) => new BadRequestException(message),
};

/** gRPC status codes that mean "Temporal cannot be reached right now". */
const UNAVAILABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);
/** RESOURCE_EXHAUSTED: e.g. more updates in flight on one workflow than Temporal allows (10). */
const BUSY_CODE = 8;

/**
 * Turns what Temporal says about a decision into the HTTP answer a person can act on:
 * a workflow's refusal keeps its reason, an unreachable server is a 503, never a bare 500.
 */
/** `subject` names what the workflow runs for, e.g. "Collaboration <id>". */
export function toHttpError(error: unknown, subject: string): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in STATUS_BY_REJECTION) {
      return STATUS_BY_REJECTION[cause.type as RejectionType](cause.message);
    }
    return new ConflictException(cause?.message ?? error.message);
  }
  if (error instanceof WorkflowNotFoundError) {
    return new ConflictException(`${subject} has no running workflow; it has ended or was never started`);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new ServiceUnavailableException('The workflow did not answer in time; the decision may still apply, retry with the same Idempotency-Key');
  }
  if (isBusy(error)) {
    return new ServiceUnavailableException(`${subject} is busy with other decisions right now; retry shortly with the same Idempotency-Key`);
  }
  if (isUnavailable(error)) {
    return new ServiceUnavailableException('Temporal is unreachable or did not answer in time; try again shortly with the same Idempotency-Key');
  }
  return error;
}

/**
 * Retries a decision Temporal pushed back (too many updates in flight on one workflow), with
 * backoff. Safe because the caller's update id makes a repeat the same decision; after the last
 * attempt the caller answers 503 (toHttpError), never 500.
 */
export async function retryWhileBusy<T>(send: () => Promise<T>, attempts = 8, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
      await sleep(Math.min(2_000, 100 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/** Temporal pushed back (too many updates in flight on the workflow): nothing was decided; a retry is safe. */
export function isBusy(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  return codeOf(error) === BUSY_CODE || (error instanceof ServiceError && codeOf(error.cause) === BUSY_CODE);
}

export function isUnavailable(error: unknown): boolean {
  if (error instanceof ServiceError) {
    const code = (error.cause as { code?: number } | undefined)?.code;
    return code === undefined || UNAVAILABLE_CODES.has(code);
  }
  const code = (error as { code?: number } | undefined)?.code;
  return typeof code === 'number' && UNAVAILABLE_CODES.has(code);
}
