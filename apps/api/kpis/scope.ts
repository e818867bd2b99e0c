import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '../../../libs/domain/entities';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { RecordReach } from '../users/record-reach';
import { UsersService } from '../users/users.service';

/** Whose figures: one executive (a talent manager's own), or a team (a manager and everyone below them). */
export type ScopeKind = 'executive' | 'team';

export interface InsightScope {
  kind: ScopeKind;
  id: string;
  name: string;
  /** The users whose collaborations and creators count. */
  members: string[];
}

/**
 * Resolves and checks the people a KPI board or an analytics page is about: a talent manager
 * sees their own, a manager their team and each member, finance and admins anyone
 * (libs/domain/rules/reach.ts INSIGHT_READ).
 */
@Injectable()
export class InsightScopes {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly reach: RecordReach,
  ) {}

  async resolve(actor: Actor, kind: ScopeKind, id: string): Promise<InsightScope> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundException(`User ${id} does not exist`);
    if (kind === 'team' && user.role !== Role.Manager && user.role !== Role.Admin) {
      throw new BadRequestException(`${user.name} is a ${user.role.replace('_', ' ')}, not a manager: a team is the tree below a manager`);
    }
    await this.reach.require(actor, INSIGHT_READ, user.id, kind === 'team' ? `The team of ${user.name}` : `The figures of ${user.name}`);
    const members = kind === 'team' ? await this.users.teamOf(user.id) : [user.id];
    return { kind, id: user.id, name: user.name, members };
  }
}
