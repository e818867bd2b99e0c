import { Target } from '../../../libs/domain/entities';
import { TargetMetric, TargetPeriod } from '../../../libs/domain/rules/lifecycle';
import { Role } from '../../../libs/domain/rules/roles';
import { adminOnly, hasRole } from '../back-office/access';
import { blankToNull, choices, money } from '../back-office/properties';
import { NAVIGATION, type PanelResource } from '../back-office/resource-spec';

/** Targets are set by managers (and admins). */
const managers = hasRole(Role.Manager, Role.Admin);

/** Goals per person or per team (a manager's reports), per month or quarter. */
export function targetPanel(): PanelResource {
  return {
    entity: Target,
    id: 'Target',
    label: 'Targets',
    navigation: NAVIGATION.administration,
    list: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric'],
    show: ['id', 'metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency', 'createdAt', 'updatedAt'],
    filter: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'currency'],
    create: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency'],
    edit: ['metric', 'period', 'periodStart', 'userId', 'teamManagerId', 'valueNumeric', 'currency'],
    mayWrite: managers,
    mayDelete: adminOnly,
    prepareCreate: (payload) => blankToNull(payload, ['userId', 'teamManagerId', 'currency']),
    prepareEdit: (payload) => blankToNull(payload, ['userId', 'teamManagerId', 'currency']),
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
      createdAt: 'Set at',
      updatedAt: 'Updated at',
    },
  };
}
