import * as fs from 'node:fs';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * What the back office accepts as a request body, decided before AdminJS's form parser
 * (express-formidable → formidable 1.x) reads a byte. That parser runs for every /admin request,
 * signed in or not, writes files to the temp folder and buffers url-encoded and JSON bodies
 * whole, with no limit of its own on either: without this, anyone could fill the disk or the
 * memory through the login page.
 */

export interface PanelBodyLimits {
  /** Form fields or JSON in one request; also the cap on anything sent before sign-in. */
  maxFieldsBytes: number;
  /** Uploaded files in one request (multipart, signed-in users only). */
  maxUploadBytes: number;
}

export interface BodyRequest {
  method: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  signedIn: boolean;
}

export type BodyDecision =
  | { refuse: 413 | 415 | 400; reason: string }
  /** Accepted; `limit` is the most bytes the body may have (null: there is no body). */
  | { refuse?: undefined; limit: number | null };

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const JSON_TYPE = 'application/json';
/** Multipart boundaries and part headers around the fields and files. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The media type alone, lower case ("multipart/form-data; boundary=x" → "multipart/form-data"). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Whether a body may come in, and how large. Signed out, the only body the panel needs is the
 * login form. Signed in: the forms AdminJS posts (url-encoded or multipart), JSON for the
 * custom pages, and files in multipart only.
 */
export function bodyDecision(request: BodyRequest, limits: PanelBodyLimits): BodyDecision {
  const chunked = request.transferEncoding !== undefined;
  const declared = request.contentLength === undefined ? null : request.contentLength.trim();
  if (declared !== null && !/^\d+$/.test(declared)) return { refuse: 400, reason: 'Content-Length is not a number' };
  const length = declared === null ? null : Number(declared);
  if (!chunked && (length === null || length === 0)) return { limit: null };

  const type = mediaType(request.contentType);
  const accepted = request.signedIn ? [FORM, MULTIPART, JSON_TYPE] : [FORM];
  if (!accepted.includes(type)) {
    return {
      refuse: 415,
      reason: request.signedIn
        ? `The back office takes ${accepted.join(', ')} bodies (got ${type || 'no content type'})`
        : `Before sign-in the back office takes only the login form (${FORM}; got ${type || 'no content type'})`,
    };
  }
  const limit = request.signedIn && type === MULTIPART ? limits.maxUploadBytes + limits.maxFieldsBytes + MULTIPART_OVERHEAD : limits.maxFieldsBytes;
  if (length !== null && length > limit) return { refuse: 413, reason: `The body is larger than the ${limit} bytes the back office takes here` };
  return { limit };
}

/** How long a refused client is given to read the answer before its connection is dropped. */
const LINGER_MS = 1000;

/**
 * Answers a refusal without reading the body. A body still arriving (or cut off, `cut`) is
 * drained unread for a moment, so that the client reads the answer rather than a reset
 * connection, then the request is ended with an error: the form parser, if it started, deletes
 * any file it had begun. (Not "Connection: close": Node would then destroy the socket as soon as
 * the answer is written, and a client still sending would see a reset instead of the 413.)
 */
function refuse(request: Request, response: Response, status: number, reason: string, cut = false): void {
  if (!response.headersSent) {
    response.status(status).type('text/plain').send(reason);
  }
  if (request.complete && !cut) return;
  const drop = () =>
    setTimeout(() => {
      request.on('error', () => undefined);
      request.destroy(new Error(`request body refused (${status})`));
    }, LINGER_MS).unref();
  if (response.writableFinished) drop();
  else response.once('finish', drop);
}

/**
 * A body without Content-Length (chunked) is counted as it arrives: past the limit the rest is
 * dropped unread, the client gets 413 and the connection is closed. Counting happens where the
 * HTTP parser hands each chunk to the request stream (`push`), so the parser that reads the
 * stream later sees no more than the limit and nothing is buffered on the way.
 */
function capStream(request: Request, response: Response, limit: number): void {
  // What arrived while the session was looked up is already in the stream's buffer.
  let received = request.readableLength;
  let cut = false;
  const push = request.push.bind(request);
  request.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (cut) return true;
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        cut = true;
        refuse(request, response, 413, `The body is larger than the ${limit} bytes the back office takes here`, true);
        return true;
      }
    }
    return push(chunk, encoding);
  };
}

/** express-formidable's files of a request: each one's temp path. */
function uploadedPaths(request: Request): string[] {
  const files = (request as Request & { files?: Record<string, unknown> }).files;
  const paths: string[] = [];
  for (const file of Object.values(files ?? {}).flat()) {
    const path = (file as { path?: unknown; filepath?: unknown } | null)?.path ?? (file as { filepath?: unknown } | null)?.filepath;
    if (typeof path === 'string') paths.push(path);
  }
  return paths;
}

/**
 * The guard in front of the panel: refuses by Content-Length and content type before anything
 * reads the body, caps bodies without a length, and deletes whatever files the parser wrote once
 * the answer is sent (an action that keeps an upload copies it; the import reads it before answering).
 */
export function limitPanelBodies(limits: PanelBodyLimits): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    const decision = bodyDecision(
      {
        method: request.method,
        contentType: request.headers['content-type'],
        contentLength: request.headers['content-length'],
        transferEncoding: request.headers['transfer-encoding'],
        signedIn: Boolean(request.session?.adminUser),
      },
      limits,
    );
    if (decision.refuse) return refuse(request, response, decision.refuse, decision.reason);
    if (decision.limit !== null) {
      if (request.headers['content-length'] === undefined) capStream(request, response, decision.limit);
      response.once('close', () => {
        for (const path of uploadedPaths(request)) fs.rm(path, { force: true }, () => undefined);
      });
    }
    next();
  };
}

/** formidable's own limits (per file and fields, `formidableOptions` below) fail as 413, not 500. */
export const panelBodyErrors: ErrorRequestHandler = (error: unknown, request: Request, response: Response, next: NextFunction) => {
  const message = error instanceof Error ? error.message : '';
  if (/^(maxFileSize|maxFieldsSize) exceeded/.test(message)) return refuse(request, response, 413, 'The form or its files are larger than the back office takes');
  if (response.headersSent) return;
  next(error);
};

/** The form parser's own limits, the second line behind the guard (the guard counts whole bodies). */
export function formidableOptions(limits: PanelBodyLimits): { maxFieldsSize: number; maxFileSize: number; maxFields: number } {
  return { maxFieldsSize: limits.maxFieldsBytes, maxFileSize: limits.maxUploadBytes, maxFields: 1000 };
}
