import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountLockedError } from '../../../libs/auth/login-throttle';
import { parseAuthorizationHeader } from '../../../libs/auth/api-keys';
import { DECISION_ROLES, type Decision } from '../../../libs/domain/rules/decision-roles';
import { isRole, type Actor, type Role } from '../../../libs/domain/rules/roles';
import { ApiKeysService } from './api-keys.service';
import { UsersService } from './users.service';

const ROLES_KEY = 'creatorops:roles';
const PUBLIC_KEY = 'creatorops:public';
const PASSWORD_ONLY_KEY = 'creatorops:password-only';
/** OpenAPI extension marking operations that accept HTTP Basic only (see bootstrap.ts). */
export const PASSWORD_ONLY_EXTENSION = 'x-password-only';

/** Roles allowed on a route; without it, any signed-in user may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/**
 * A route that takes workflow decisions: the roles the workflow's validators accept for them
 * (libs/domain/rules/decision-roles.ts), so the API cannot drift from the workflow.
 */
export const DecidedBy = (...decisions: Decision[]) => Roles(...new Set(decisions.flatMap((decision) => DECISION_ROLES[decision])));
/** Routes that need no credentials (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/**
 * Routes a person must call with their own e-mail and password, never with an API key (creating
 * API keys: a leaked key must not be able to mint keys that outlive its revocation).
 */
export const PasswordOnly = () => applyDecorators(SetMetadata(PASSWORD_ONLY_KEY, true), ApiExtension(PASSWORD_ONLY_EXTENSION, true));

export interface AuthenticatedRequest extends Request {
  actor: Actor;
  /** How the actor signed in: their password (HTTP Basic) or one of their API keys (Bearer). */
  authentication: { method: 'password' } | { method: 'api_key'; apiKeyId: string };
}

/** The signed-in user making the request, as the workflows see them (id + role). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
});

/**
 * REST API authentication, over TLS in any real deployment:
 * - people: HTTP Basic with their e-mail and password;
 * - integrations: `Authorization: Bearer co_<prefix>_<secret>`, an API key of a user.
 * Either way the request acts as that user with their current role, and is attributed to them
 * in the audit log and the workflows. Credentials never appear in a response or a log line.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    await this.identify(request, context.switchToHttp().getResponse<Response>());
    if (request.authentication?.method === 'api_key' && this.reflector.getAllAndOverride<boolean>(PASSWORD_ONLY_KEY, targets)) {
      throw new ForbiddenException('This needs your e-mail and password (HTTP Basic); an API key may not do it');
    }

    const role = request.actor.role;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && (!isRole(role) || !allowed.includes(role))) {
      throw new ForbiddenException(`A ${role} may not do this; allowed roles: ${allowed.join(', ')}`);
    }
    return true;
  }

  /**
   * Who sends the request (HTTP Basic or an API key), set on `request.actor`; 401 without valid
   * credentials, 429 for a locked account. Also guards the OpenAPI document when it is not public (bootstrap.ts).
   */
  async identify(request: AuthenticatedRequest, response: Response): Promise<void> {
    const credentials = parseAuthorizationHeader(request.headers.authorization);
    if (!credentials) {
      throw new UnauthorizedException(
        'Send your e-mail and password with HTTP Basic authentication, or an API key as "Authorization: Bearer co_<prefix>_<secret>"',
      );
    }
    if (credentials.scheme === 'basic') {
      const user = await this.users.verifyCredentials(credentials.email, credentials.password, request.ip).catch((error: unknown) => {
        if (!(error instanceof AccountLockedError)) throw error;
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
        throw new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS);
      });
      if (!user) throw new UnauthorizedException('Unknown e-mail, wrong password, or disabled account');
      request.actor = { userId: user.id, role: user.role };
      request.authentication = { method: 'password' };
    } else {
      const { actor, apiKeyId } = await this.apiKeys.authenticate(credentials.token);
      request.actor = actor;
      request.authentication = { method: 'api_key', apiKeyId };
    }
  }
}
