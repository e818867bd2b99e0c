import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, Response } from 'express';
import session, { SessionOptions } from 'express-session';
import type { AppConfig } from '../../../libs/config/config';
import type { StaffActor } from '../../../libs/domain/rules/roles';
import type { PanelUser } from './access';

export const SESSION_COOKIE = 'creatorops.sid';

declare module 'express-session' {
  interface SessionData {
    /** Set by @adminjs/express on login: what AdminJS calls currentAdmin. */
    adminUser?: PanelUser;
    /** When the user signed in (ms since the epoch): the session ends a fixed time after, however active. */
    signedInAt?: number;
  }
}

export interface PanelSession {
  options: SessionOptions;
  close(): Promise<void>;
}

/**
 * Sessions live in PostgreSQL (`admin_session`, created by the migration), so a restart or a
 * second API instance does not sign everyone out. The store has a small pool of its own.
 */
export function panelSession(config: AppConfig, onError: (message: string) => void): PanelSession {
  if (!config.databaseUrl) throw new Error('The back office needs DATABASE_URL for its session store');
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    conObject: { connectionString: config.databaseUrl, max: 3 },
    tableName: 'admin_session',
    createTableIfMissing: false,
    // Idle timeout: every request touches the row, so only an unused session runs out.
    ttl: Math.ceil(config.sessions.idleTimeoutMs / 1000),
    errorLog: (...args: unknown[]) => onError(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')),
  });
  return {
    options: {
      store,
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      // Behind a TLS-terminating proxy the request itself is plain HTTP: trust its
      // X-Forwarded-Proto for the secure cookie (a client faking it only fools itself).
      proxy: config.env === 'production',
      resave: false,
      // The browser's cookie follows the idle timeout too; the absolute lifetime is enforced here
      // on the server (endOldSessions), where a client cannot extend it.
      rolling: true,
      saveUninitialized: false,
      unset: 'destroy',
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        // Secure whenever the panel is served over HTTPS (directly or via the proxy above);
        // a plain-HTTP deployment still works, without the flag it could not send.
        secure: config.env === 'production' ? 'auto' : false,
        maxAge: config.sessions.idleTimeoutMs,
        path: '/admin',
      },
    },
    close: async () => {
      await (store.close() as unknown as Promise<void> | undefined);
    },
  };
}

/** True when a signed-in session has outlived its absolute lifetime (or its age is unknown). */
export function sessionTooOld(signedInAt: unknown, maxLifetimeMs: number, now = Date.now()): boolean {
  return typeof signedInAt !== 'number' || !Number.isFinite(signedInAt) || now - signedInAt >= maxLifetimeMs;
}

/**
 * The absolute lifetime: a session used every few minutes never runs idle, so without this a
 * stolen cookie would stay good for ever. Past it the session is replaced by an empty one (the
 * old row is deleted) and the protected routes send the browser to the login page.
 */
export function endOldSessions(maxLifetimeMs: number) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!request.session?.adminUser || !sessionTooOld(request.session.signedInAt, maxLifetimeMs)) return next();
    request.session.regenerate((error) => next(error));
  };
}

/** The user as the per-record rules need them: role and, for a manager, the team. */
export type SessionActor = StaffActor & { teamIds?: string[] };

const sameIds = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((id, index) => id === (b ?? [])[index]);

/**
 * A session is a snapshot taken at login. Re-read the user on every panel request, so a
 * deactivated account is signed out and a changed role or team applies at once.
 */
export function refreshSessionUser(findActor: (userId: string) => Promise<SessionActor | null>) {
  return async (request: Request, _response: Response, next: NextFunction): Promise<void> => {
    const user = request.session?.adminUser;
    if (!user || request.path.startsWith('/frontend/assets/')) return next();
    try {
      const actor = await findActor(user.id);
      if (!actor) {
        // A fresh, empty session: the protected routes then send the browser to the login page.
        request.session.regenerate((error) => next(error));
        return;
      }
      if (actor.role !== user.role || !sameIds(actor.teamIds, user.teamIds)) {
        request.session.adminUser = { ...user, role: actor.role, ...(actor.teamIds ? { teamIds: actor.teamIds } : {}) };
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
