import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { User } from '../../../libs/domain/entities';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { RecordReach } from '../users/record-reach';
import type { ScopeChoice, ScopeKind } from './kpi-board.component';
import { UsersService } from '../users/users.service';

export type { ScopeChoice, ScopeKind } from './kpi-board.component';

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

  /**
   * The boards the actor may open, teams first: a talent manager their own; a manager their
   * team, the team of each manager below them and each member's own; finance and admins every
   * manager's team and every talent manager. Active users only.
   */
  async choices(actor: Actor): Promise<ScopeChoice[]> {
    const users = this.db.getRepository(User);
    const people =
      actor.role === Role.Finance || actor.role === Role.Admin
        ? await users.find({ where: { active: true, role: In([Role.Manager, Role.TalentManager]) }, order: { name: 'ASC' } })
        : actor.role === Role.Manager
          ? await users.find({ where: { active: true, id: In(await this.users.teamOf(actor.userId)) }, order: { name: 'ASC' } })
          : await users.find({ where: { active: true, id: actor.userId } });
    const choice = (kind: ScopeKind, user: User): ScopeChoice => ({ kind, id: user.id, name: user.name, role: user.role });
    const teams = people.filter((user) => user.role === Role.Manager);
    // The viewer's own team first.
    teams.sort((a, b) => Number(b.id === actor.userId) - Number(a.id === actor.userId));
    const executives = people.filter((user) => user.role === Role.TalentManager);
    return [...teams.map((user) => choice('team', user)), ...executives.map((user) => choice('executive', user))];
  }
}
