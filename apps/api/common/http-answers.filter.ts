import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { redactUrl } from '../../../libs/logging/redaction';
import { isUnavailable } from './workflow-errors';

/** What a failure becomes for the client: a status, a message a person can act on, and headers. */
export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** A fault of ours (logged with its stack), rather than of the request (one warn line). */
  ours: boolean;
}

/** Seconds a client should wait before retrying while PostgreSQL or Temporal is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL refusals the request itself caused (SQLSTATE classes 22 and 23), as the 4xx a
 * client can fix. Anything else from the database is our fault, or an outage.
 */
const REFUSALS: Record<string, { status: number; message: string }> = {
  '22001': { status: 400, message: 'A text value is longer than its field allows' },
  '22003': { status: 400, message: 'A number is outside the range its field holds' },
  '22007': { status: 400, message: 'A date or time is not valid' },
  '22008': { status: 400, message: 'A date or time is out of range' },
  '22P02': { status: 400, message: 'A value is not of the type its field takes' },
  '22021': { status: 400, message: 'A text value holds a character that cannot be stored (a NUL byte)' },
  '23502': { status: 400, message: 'A required value is missing' },
  '23503': { status: 422, message: 'The request refers to a record that does not exist' },
  '23505': { status: 409, message: 'A record with the same unique values exists already' },
  '23514': { status: 422, message: 'A value breaks a rule of its record' },
};

/** Node's socket errors and PostgreSQL's "cannot serve now" states (class 08, 57P01–57P03). */
const DATABASE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (DATABASE_DOWN.has(code) || code.startsWith('08'))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) return true;
  }
  return false;
}

/** The one translation from any thrown value to the answer; never a bare 500 for bad input. */
export function httpAnswerFor(error: unknown): HttpAnswer {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const status = error.getStatus();
    const body = typeof response === 'string' ? { statusCode: status, message: response } : (response as Record<string, unknown>);
    const headers = status === HttpStatus.SERVICE_UNAVAILABLE ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : undefined;
    return { status, body, headers, ours: status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE };
  }
  if (isDatabaseUnavailable(error)) {
    return unavailable('The database is unreachable right now; try again shortly');
  }
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    const refusal = code ? REFUSALS[code] : undefined;
    if (refusal) return { status: refusal.status, body: { statusCode: refusal.status, message: refusal.message }, ours: false };
  }
  if (isUnavailable(error)) {
    return unavailable('Temporal is unreachable right now; try again shortly');
  }
  // body-parser's own refusals (too large, malformed JSON, wrong charset) carry their status.
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const expose = (error as { expose?: boolean }).expose !== false;
    const message = expose ? String((error as Error).message) : 'The request was refused';
    return { status, body: { statusCode: status, message }, ours: false };
  }
  return { status: 500, body: { statusCode: 500, message: 'Something went wrong on our side; it has been logged' }, ours: true };
}

function unavailable(message: string): HttpAnswer {
  return { status: 503, body: { statusCode: 503, message }, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }, ours: false };
}

const logger = new Logger('HTTP');

/**
 * Sends the answer for `error`. A bad request is one warn line without a stack, so a
 * misbehaving client cannot flood the error log; our own faults keep their stack.
 */
export function answerFailure(error: unknown, request: Request, response: Response): void {
  const answer = httpAnswerFor(error);
  // The line carries the request id (the request's logger, apps/api/common/request-logging.ts).
  const what = `${request.method} ${redactUrl(request.originalUrl ?? request.url)} → ${answer.status}`;
  if (answer.ours) logger.error(`${what}: ${(error as Error)?.message}`, (error as Error)?.stack);
  else {
    logger.warn(`${what}: ${messageOf(answer.body)}`);
    // What the client sent, to see why it was refused; the logger's redaction removes its secrets.
    if (request.body !== undefined) logger.debug({ msg: `${what}: the refused body`, requestBody: request.body });
  }
  if (response.headersSent) return;
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  response.status(answer.status).json(answer.body);
}

/** Every REST answer that is not a success goes through here (and `bodyErrors` for the body parsers). */
@Catch()
export class HttpAnswersFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerFailure(error, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/**
 * Express error middleware for what fails before a route runs (a body too large, malformed JSON):
 * Nest's filters only see errors thrown in routes.
 */
export function bodyErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) return next(error);
  answerFailure(error, request, response);
}

function messageOf(body: Record<string, unknown>): string {
  const message = body.message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? '');
}
