import { rm } from 'node:fs/promises';
import { HttpException, Logger } from '@nestjs/common';
import express, { NextFunction, Request, Response, Router } from 'express';
import { Collaboration } from '../../../libs/domain/entities';
import { RequestBudget } from '../../../libs/domain/rules/portal-links';
import { Party } from '../../../libs/domain/rules/roles';
import { tokenHash } from '../../../libs/portal/portal-links';
import { adminHelmet, noStore } from '../back-office/security';
import { perform } from './portal-actions';
import { page, PORTAL_STYLESHEET, refusalPage } from './portal-html';
import { render } from './portal-pages';
import { forgedPostReason } from './portal-session';
import { PORTAL_ROOT, PORTAL_STYLESHEET_PATH as STYLESHEET, type Fields, type PortalDependencies, type UploadedFile, type Visit } from './portal-types';

export { PORTAL_ROOT } from './portal-types';

/** What each party may do through its link; anything else is refused before it reaches a workflow. */
const ACTIONS: Record<Party, readonly string[]> = {
  [Party.Creator]: ['acknowledge', 'accept', 'counter', 'sign', 'check', 'draft', 'posted', 'invoice', 'rate'],
  [Party.Brand]: ['review'],
};

/**
 * The creator portal and the brand review link (docs/portal.md), at /portal/<token>: plain
 * server-rendered pages, each action the same Temporal update staff send, with the party as the
 * actor. Mounted before Nest's body parsers (bootstrap.ts) with the panel's security headers.
 */
export function portalRouter(deps: PortalDependencies): Router {
  const logger = new Logger('Portal');
  const { config } = deps;
  const perClient = new RequestBudget(config.portal.requestsPerMinute, 60_000);
  const perLink = new RequestBudget(config.portal.requestsPerMinute, 60_000);
  const router = Router();
  router.use(adminHelmet(config), noStore);
  router.get('/portal.css', (_request, response) => {
    response.type('text/css').send(PORTAL_STYLESHEET);
  });

  const refuse = (response: Response, status: number) => response.status(status).type('html').send(refusalPage(status, STYLESHEET));

  // Link requests are rate-limited per client address and per token, before any lookup.
  router.use((request, response, next) => {
    if (!perClient.take(`ip:${request.ip}`, Date.now())) return refuse(response, 429);
    const token = request.path.split('/')[1];
    if (token && !perLink.take(`link:${tokenHash(token)}`, Date.now())) return refuse(response, 429);
    next();
  });

  /** The link behind the token, or the plain refusal page (404 unknown, 410 expired or revoked). */
  const visit = async (request: Request, response: Response): Promise<Visit | null> => {
    const token = String(request.params.token);
    const resolved = await deps.links.resolve(token);
    if (resolved.status !== 'usable') {
      refuse(response, resolved.status === 'unknown' ? 404 : 410);
      return null;
    }
    const collaboration = await deps.db.getRepository(Collaboration).findOneBy({ id: resolved.link.collaborationId });
    if (!collaboration) {
      refuse(response, 404);
      return null;
    }
    return { link: resolved.link, token, collaboration, actor: { userId: resolved.link.partyId, role: resolved.link.party } };
  };

  router.get('/:token', (request, response, next) => {
    (async () => {
      const seen = await visit(request, response);
      if (!seen) return;
      const notice = typeof request.query.done === 'string' ? DONE[request.query.done] : undefined;
      await render(deps, seen, request, response, { notice, status: 200 });
    })().catch(next);
  });

  router.get('/:token/files/:hash', (request, response, next) => {
    (async () => {
      const seen = await visit(request, response);
      if (!seen) return;
      const hash = String(request.params.hash);
      // Only a file that is one of this booking's drafts: a hash from another booking opens nothing.
      const owned = await deps.db.query(
        `SELECT 1 FROM "draft_submissions" d JOIN "deliverables" del ON del."id" = d."deliverableId" WHERE del."collaborationId" = $1 AND d."assetUrl" = $2 LIMIT 1`,
        [seen.collaboration.id, `upload:${hash}`],
      );
      const bytes = owned.length ? await deps.uploads.get(hash) : null;
      if (!bytes) return refuse(response, 404);
      response.setHeader('Content-Disposition', `attachment; filename="draft-${hash.slice(0, 12)}"`);
      response.type('application/octet-stream').send(bytes);
    })().catch(next);
  });

  const urlencoded = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 });
  // The draft form is multipart; its file size is refused from Content-Length before anything is read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const formidable = require('express-formidable') as (options: Record<string, unknown>) => express.RequestHandler;
  const multipart = formidable({ maxFileSize: config.portal.uploads.maxBytes, maxFieldsSize: 64 * 1024, maxFields: 20, multiples: false });

  router.post('/:token/:action', (request, response, next) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > config.portal.uploads.maxBytes + 64 * 1024) {
      // Not read at all: the connection closes after the answer.
      response.setHeader('Connection', 'close');
      return void response.status(413).type('text/plain').send(`The file is larger than the ${config.portal.uploads.maxBytes} bytes allowed`);
    }
    const isMultipart = (request.headers['content-type'] ?? '').startsWith('multipart/form-data');
    // formidable reports a size error more than once (its error event and its callback): answer once.
    let answered = false;
    (isMultipart ? multipart : urlencoded)(request, response, (error?: unknown) => {
      if (answered) return;
      answered = true;
      if (error) {
        const message = error instanceof Error ? error.message : '';
        if (/maxFileSize|maxFieldsSize|too large/i.test(message)) return void response.status(413).type('text/plain').send('The form or its file is too large');
        return void response.status(400).type('text/plain').send('The form could not be read');
      }
      act(deps, request, response, visit, logger).catch(next);
    });
  });

  router.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    logger.error(`portal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // Temporal or the database unreachable: a plain page, never a stack.
    response.status(503).setHeader('Retry-After', '30').type('html').send(page('CreatorOps', '<h1>CreatorOps</h1><p>This page is not available right now. Please try again in a few minutes.</p>', STYLESHEET));
  });
  return router;
}

const DONE: Record<string, string> = {
  acknowledge: 'Thank you: the brief is acknowledged.',
  accept: 'You accepted the offer.',
  counter: 'Your counter-offer was sent to the agency.',
  sign: 'Thank you: your signature is recorded.',
  draft: 'Your draft was submitted.',
  posted: 'Thank you: the live post is reported.',
  invoice: 'Your invoice was submitted.',
  rate: 'Thank you for your rating.',
  review: 'Your review is recorded.',
};

async function act(
  deps: PortalDependencies,
  request: Request,
  response: Response,
  visit: (request: Request, response: Response) => Promise<Visit | null>,
  logger: Logger,
): Promise<void> {
  const files = (request as unknown as { files?: Record<string, UploadedFile> }).files ?? {};
  try {
    const seen = await visit(request, response);
    if (!seen) return;
    const fields: Fields = ((request as unknown as { fields?: Fields }).fields ?? request.body ?? {}) as Fields;
    const action = String(request.params.action);
    const forged = forgedPostReason(request, deps.config.sessionSecret, seen.link.id, fields.csrf);
    if (forged) {
      logger.warn(`refused a portal POST (${action}) for link ${seen.link.id}: ${forged}`);
      response.status(403).type('text/plain').send(`Forbidden: ${forged}`);
      return;
    }
    if (!ACTIONS[seen.link.party].includes(action)) {
      await render(deps, seen, request, response, { error: 'This link cannot do that.', status: 403 });
      return;
    }
    let preview: string | void;
    try {
      preview = await perform(deps, seen, action, fields, files, request);
    } catch (error) {
      if (error instanceof HttpException) {
        const body = error.getResponse();
        const message = typeof body === 'object' && body && 'message' in body ? [(body as { message: unknown }).message].flat().join('; ') : error.message;
        await render(deps, seen, request, response, { error: message, status: error.getStatus() });
        return;
      }
      throw error;
    }
    // A check changes nothing: its answer is shown on the page rather than after a redirect.
    if (preview) return void (await render(deps, seen, request, response, { notice: preview, status: 200 }));
    response.redirect(303, `${PORTAL_ROOT}/${seen.token}?done=${encodeURIComponent(action)}`);
  } finally {
    // formidable leaves uploads in the temp folder; the store keeps its own copy.
    await Promise.all(Object.values(files).map((file) => rm(file.path, { force: true }).catch(() => undefined)));
  }
}
