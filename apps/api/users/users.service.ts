import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AccountLockedError,
  accountKey,
  ADDRESS_THROTTLE,
  addressKey,
  clearFailures,
  lockRemainingSeconds,
  readThrottles,
  recordFailure,
} from '../../../libs/auth/login-throttle';
import { hashPassword, verifyPassword } from '../../../libs/auth/passwords';
import { VerifiedCredentials } from '../../../libs/auth/verified-credentials';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { appendAudit } from '../../../libs/db/audit';
import { User } from '../../../libs/domain/entities';
import { teamOf } from '../../../libs/insight/team';
import { Role, type StaffActor } from '../../../libs/domain/rules/roles';

/** Work factor is paid even for unknown e-mails, so timing does not reveal who has an account. */
let dummyHash: Promise<string> | undefined;

/** What the back office needs to decide per record: the role, and the team a manager leads. */
export interface ScopedActor extends StaffActor {
  /** Managers: themselves and everyone below them in the team tree. Others: themselves. */
  teamIds: string[];
}

@Injectable()
export class UsersService {
  private readonly recentlyVerified: VerifiedCredentials;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.recentlyVerified = new VerifiedCredentials(config.verifiedCredentialsWindowSeconds * 1_000);
  }

  /**
   * The active user with these credentials, or null. Used by the API and the back office.
   * Throws AccountLockedError while the account or the client address is locked after too many
   * failures (libs/auth/login-throttle.ts), without looking at the password.
   */
  async verifyCredentials(email: string, password: string, clientAddress?: string): Promise<User | null> {
    const address = email.trim().toLowerCase();
    // HTTP Basic pays this on every request: both throttles in one statement, and the user
    // alongside it; a lock is still decided before the password is looked at.
    const [throttles, user] = await Promise.all([
      readThrottles(this.db, clientAddress ? [accountKey(address), addressKey(clientAddress)] : [accountKey(address)]),
      this.db.getRepository(User).createQueryBuilder('user').addSelect('user.passwordHash').where('user.email = :email', { email: address }).getOne(),
    ]);
    if (clientAddress) {
      const fromAddress = lockRemainingSeconds(throttles.get(addressKey(clientAddress)));
      if (fromAddress > 0) throw new AccountLockedError(fromAddress, 'address');
    }
    const throttle = throttles.get(accountKey(address));
    const locked = lockRemainingSeconds(throttle);
    if (locked > 0) throw new AccountLockedError(locked);

    let valid = false;
    if (!user) {
      dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await dummyHash, password);
    } else {
      valid = this.recentlyVerified.has(user.id, user.passwordHash, password) || (await verifyPassword(user.passwordHash, password));
    }
    if (!user || !valid) {
      if (clientAddress) await recordFailure(this.db, addressKey(clientAddress), ADDRESS_THROTTLE);
      const state = await recordFailure(this.db, accountKey(address));
      if (state.lockedNow && user) {
        await appendAudit(this.db.manager, {
          action: 'auth.account_locked',
          entity: 'User',
          entityId: user.id,
          after: { failures: state.failures, lockedUntil: state.lockedUntil },
        });
      }
      return null;
    }
    if (throttle) await clearFailures(this.db, accountKey(address));
    if (!user.active) return null;
    this.recentlyVerified.remember(user.id, user.passwordHash, password);
    const { passwordHash: _omitted, ...safe } = user;
    return Object.assign(new User(), safe);
  }

  async findActor(userId: string): Promise<StaffActor | null> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId, active: true });
    return user ? { userId: user.id, role: user.role } : null;
  }

  /** The active user with their team (for per-record rules in the back office), or null. */
  async findScopedActor(userId: string): Promise<ScopedActor | null> {
    const actor = await this.findActor(userId);
    if (!actor) return null;
    if (actor.role !== Role.Manager) return { ...actor, teamIds: [actor.userId] };
    return { ...actor, teamIds: await this.teamOf(actor.userId) };
  }

  /** A manager's team: themselves and everyone below them in the team tree (libs/insight/team.ts). */
  teamOf(managerId: string): Promise<string[]> {
    return teamOf(this.db, managerId);
  }
}
