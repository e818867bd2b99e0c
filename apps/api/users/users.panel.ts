import { hashPassword, passwordProblem } from '../../../libs/auth/passwords';
import { AuditLog, User } from '../../../libs/domain/entities';
import { isMoneyAuditEntry, MONEY_AUDIT_READ, MONEY_HIDDEN } from '../../../libs/domain/rules/money-visibility';
import { ROLES } from '../../../libs/domain/rules/roles';
import { adminOnly } from '../back-office/access';
import type { ActionContext } from '../back-office/adminjs-types';
import { choices } from '../back-office/properties';
import type { Params } from '../back-office/request-guards';
import { fieldError, NAVIGATION, type PanelErrors, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';

/** Users and the audit log in the panel (admins manage users; everyone reads the audit log). */

export interface UserPanelDependencies {
  errors?: PanelErrors;
  /** Ends a user's panel sessions (after an admin resets their password). */
  sessions?: { endAll(userId: string): Promise<void> };
  /** Revokes a user's API keys (after their password is reset). */
  apiKeys?: { revokeAll(userId: string, context: ActionContext): Promise<void> };
}

/** A new user: the initial password is required and stored only as its argon2id hash. */
export async function prepareNewUser(payload: Params, errors?: PanelErrors): Promise<Params> {
  const { password, ...rest } = normaliseEmail(payload);
  const problem = passwordProblem(password);
  if (problem) throw fieldError(errors, 'password', problem);
  return { ...rest, passwordHash: await hashPassword(password as string) };
}

/**
 * An edit of a user: a non-empty password replaces the hash, ends the user's panel sessions (not
 * the admin's own, who is using it) and revokes the user's API keys (anyone's, the admin's own too:
 * a key made with a password that may be known would outlive the reset);
 * an admin cannot demote or disable themselves (the last admin would lock everyone out).
 */
export async function prepareUserEdit(payload: Params, current: Params, context: ActionContext, deps: UserPanelDependencies): Promise<Params> {
  const { password, ...rest } = normaliseEmail(payload);
  const self = context.currentAdmin?.id !== undefined && context.currentAdmin?.id === current.id;
  if (self && 'role' in rest && rest.role !== current.role) throw fieldError(deps.errors, 'role', 'You cannot change your own role');
  if (self && 'active' in rest && String(rest.active) !== 'true') throw fieldError(deps.errors, 'active', 'You cannot disable your own account');
  if (rest.managerId && rest.managerId === current.id) throw fieldError(deps.errors, 'managerId', 'A user cannot be their own manager');
  if (password === undefined || password === null || password === '') return rest;
  const problem = passwordProblem(password);
  if (problem) throw fieldError(deps.errors, 'password', problem);
  const passwordHash = await hashPassword(password as string);
  if (!self && typeof current.id === 'string') await deps.sessions?.endAll(current.id);
  if (typeof current.id === 'string') await deps.apiKeys?.revokeAll(current.id, context);
  return { ...rest, passwordHash };
}

/**
 * A manager's approval limit (docs/domain.md#approval-limits): a whole, non-negative amount in minor
 * units with its currency, or both empty for no limit.
 */
export function checkedApprovalLimit(payload: Params, errors?: PanelErrors): Params {
  if (!('approvalLimitMinor' in payload) && !('approvalLimitCurrency' in payload)) return payload;
  const amountText = String(payload.approvalLimitMinor ?? '').trim();
  const currency = String(payload.approvalLimitCurrency ?? '').trim().toUpperCase();
  if (amountText === '' && currency === '') return { ...payload, approvalLimitMinor: null, approvalLimitCurrency: null };
  if (!/^\d{1,15}$/.test(amountText)) throw fieldError(errors, 'approvalLimitMinor', 'The approval limit must be a whole amount in minor units (0 or more), or empty for no limit');
  if (!/^[A-Z]{3}$/.test(currency)) throw fieldError(errors, 'approvalLimitCurrency', 'The approval limit needs its currency, a three-letter code such as INR');
  return { ...payload, approvalLimitMinor: Number(amountText), approvalLimitCurrency: currency };
}

function normaliseEmail(payload: Params): Params {
  return typeof payload.email === 'string' ? { ...payload, email: payload.email.trim().toLowerCase() } : payload;
}

export function userPanel(deps: SpecDependencies & UserPanelDependencies): PanelResource {
  return {
    entity: User,
    id: 'User',
    label: 'Users',
    navigation: NAVIGATION.administration,
    list: ['email', 'name', 'role', 'managerId', 'active'],
    show: ['id', 'email', 'name', 'role', 'managerId', 'approvalLimitMinor', 'approvalLimitCurrency', 'active', 'createdAt', 'updatedAt'],
    filter: ['email', 'name', 'role', 'managerId', 'active'],
    // Admins manage users: create with an initial password, reset it, change the role or the
    // manager, disable (never delete: the audit log and the records keep their author).
    // `password` is write-only and hashed with argon2; the hash is not even a property (adminjs.ts).
    create: ['email', 'name', 'role', 'managerId', 'approvalLimitMinor', 'approvalLimitCurrency', 'active', 'password'],
    edit: ['email', 'name', 'role', 'managerId', 'approvalLimitMinor', 'approvalLimitCurrency', 'active', 'password'],
    writeOnly: ['password'],
    mayWrite: adminOnly,
    prepareCreate: (payload) => prepareNewUser(checkedApprovalLimit(payload, deps.errors), deps.errors),
    prepareEdit: (payload, current, context) => prepareUserEdit(checkedApprovalLimit(payload, deps.errors), current, context, deps),
    titleProperty: 'name',
    sort: { sortBy: 'email', direction: 'asc' },
    properties: {
      role: choices(ROLES),
      password: { type: 'password', isVisible: { list: false, show: false, filter: false, edit: true } },
    },
    propertyLabels: {
      email: 'E-mail',
      managerId: 'Manager',
      approvalLimitMinor: 'Approval limit (minor units; empty: no limit)',
      approvalLimitCurrency: 'Approval limit currency', password: 'New password (at least 12 characters; leave empty to keep)' },
  };
}

/**
 * The append-only audit log: read-only for everyone (money details of payout entries for finance
 * and admins only) (no new/edit/delete here; the database
 * refuses UPDATE, DELETE and TRUNCATE itself). Filter by actor (a user picker), entity, action
 * and a date range on "at".
 */
export function auditLogPanel(): PanelResource {
  return {
    entity: AuditLog,
    id: 'AuditLog',
    label: 'Audit log',
    navigation: NAVIGATION.administration,
    list: ['at', 'action', 'entity', 'entityId', 'actorRole', 'actorId'],
    show: ['id', 'at', 'action', 'entity', 'entityId', 'actorRole', 'actorId', 'before', 'after', 'eventKey'],
    filter: ['at', 'action', 'entity', 'entityId', 'actorRole', 'actorId'],
    titleProperty: 'action',
    structured: ['before', 'after'],
    sort: { sortBy: 'at', direction: 'desc' },
    properties: { actorId: { reference: 'User' } },
    // Payout entries carry amounts, invoice numbers and provider references: money reach only.
    restricted: { fields: ['before', 'after'], where: isMoneyAuditEntry, reach: MONEY_AUDIT_READ, placeholder: MONEY_HIDDEN },
    propertyLabels: { entityId: 'Entity id', actorRole: 'Actor role', actorId: 'Actor', eventKey: 'Event key', at: 'At' },
  };
}
