import { UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { User } from '../../../libs/domain/entities';
import type { Role } from '../../../libs/domain/rules/roles';

/** A record named in a request body must exist: 422 with what was missing otherwise. */
export async function requireReference<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  label: string,
  id: string,
): Promise<T> {
  const found = await manager.findOneBy(entity, { id } as never);
  if (!found) throw new UnprocessableEntityException(`${label} ${id} does not exist`);
  return found;
}

export async function requireActiveUserWithRole(manager: EntityManager, label: string, id: string, roles: readonly Role[]): Promise<User> {
  const user = await requireReference(manager, User, label, id);
  if (!user.active) throw new UnprocessableEntityException(`${label} ${id} is disabled`);
  if (!roles.includes(user.role)) {
    throw new UnprocessableEntityException(`${label} must be a ${roles.join(' or ')}; ${id} is a ${user.role}`);
  }
  return user;
}
