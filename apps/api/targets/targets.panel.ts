import { Target } from '../../../libs/domain/entities';
import { TargetMetric, TargetPeriod } from '../../../libs/domain/rules/lifecycle';
import { Role } from '../../../libs/domain/rules/roles';
import { adminOnly, hasRole } from '../back-office/access';
import type { ActionContext } from '../back-office/adminjs-types';
import type { Params } from '../back-office/request-guards';
import { blankToNull, choices, money } from '../back-office/properties';
import { NAVIGATION, type PanelResource } from '../back-office/resource-spec';

/** Targets are set by managers (and admins). */
const managers = hasRole(Role.Manager, Role.Admin);

/**
 * Who set a target and when, on every write from the panel (the planning action records the
 * same, apps/api/planning): the signed-in user, now. Not a form field, so nobody can set it for someone else.
 */
export function stampSetter(payload: Params, context: Pick<ActionContext, 'currentAdmin'>, now: Date = new Date()): Params {
  const id: unknown = context.currentAdmin?.id;
  return { ...payload, setById: typeof id === 'string' ? id : null, setAt: now.toISOString() };
}

/** Goals per person or per team (a manager's reports), per month or quarter; a year's plan is its four quarters. */
export function targetPanel(): PanelResource {
  return {
    entity: Target,
    id: 'Target',
    label: 'Targets',
    navigation: NAVIGATION.administration,
    list: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'setById', 'setAt'],
    show: ['id', 'metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency', 'setById', 'setAt', 'createdAt', 'updatedAt'],
    filter: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'currency', 'setById'],
    create: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency'],
    edit: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency'],
    mayWrite: managers,
    mayDelete: adminOnly,
    prepareCreate: (payload, context) => stampSetter(blankToNull(payload, ['userId', 'teamManagerId', 'currency']), context),
    prepareEdit: (payload, _current, context) => stampSetter(blankToNull(payload, ['userId', 'teamManagerId', 'currency']), context),
    titleProperty: 'metric',
    sort: { sortBy: 'periodStart', direction: 'desc' },
    properties: {
      metric: choices(Object.values(TargetMetric)),
      period: choices(Object.values(TargetPeriod)),
      // Money metrics (nmv, revenue) carry a currency and are shown as money; counts and rates as they are.
      valueNumeric: money('currency', { wholeMinorUnits: false }),
    },
    propertyLabels: {
      periodStart: 'Period starts',
      userId: 'Person',
      teamManagerId: "Team (manager's reports)",
      valueNumeric: 'Target (money in minor units)',
      setById: 'Set by',
      setAt: 'Set at',
      createdAt: 'Created at',
      updatedAt: 'Updated at',
    },
  };
}
