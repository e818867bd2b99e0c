import { Creator } from '../../../libs/domain/entities';
import { OWNER_ROLES } from '../../../libs/domain/rules/ownership';
import { CreatorStatus } from '../../../libs/domain/rules/statuses';
import { ANALYTICS_PAGE } from '../analytics/analytics-page.component';
import { adminOnly, operations, OPERATIONS_WRITE } from '../back-office/access';
import { badge, related } from '../back-office/properties';
import type { Params } from '../back-office/request-guards';
import { fieldError, NAVIGATION, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import { creatorActions, type CreatorsPort } from './creator-actions';

/**
 * Leaving the roster is dated (roster churn counts it in its period): a move to `offboarded`
 * stamps the time, a move back clears it; other edits leave it alone.
 */
export function withOffboardingTime(payload: Params, current: Params, now: Date = new Date()): Params {
  if (!('status' in payload) || payload.status === current.status) return payload;
  return { ...payload, offboardedAt: payload.status === CreatorStatus.Offboarded ? now : null };
}

/**
 * Creators in the panel. A talent manager keeps their own roster, a manager their team's; a
 * new creator without an owner belongs to whoever adds it (libs/domain/rules/ownership.ts).
 * Structured fields (channels, audience, rates, preferences, availability) are edited through the
 * "Edit profile" action, with the API's checks; ownership changes only through "Reassign" (audited, with a reason).
 */
export function creatorPanel(deps: SpecDependencies & { creators: CreatorsPort }): PanelResource {
  return {
    entity: Creator,
    id: 'Creator',
    label: 'Creators',
    navigation: NAVIGATION.roster,
    list: ['name', 'handle', 'ownerId', 'status', 'country', 'city'],
    show: [
      'id', 'name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages',
      'country', 'city', 'isVirtual', 'qualifications', 'channels', 'audience', 'baseRates', 'preferences', 'availabilityBlocks', 'satisfactionScore',
      'offboardedAt', 'createdAt', 'updatedAt', 'related',
    ],
    filter: ['name', 'handle', 'ownerId', 'status', 'country', 'city'],
    create: [
      'name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages', 'country', 'city',
      'isVirtual', 'qualifications',
    ],
    // The satisfaction score is the average of the creator's recorded ratings (satisfaction/), never typed in.
    // ownerId stays editable only to be refused with the way to do it: a reassignment is explicit (creator-actions.ts).
    edit: [
      'name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages', 'country', 'city',
      'isVirtual', 'qualifications',
    ],
    mayWrite: operations,
    prepareCreate: (payload) => withOffboardingTime(payload, {}),
    prepareEdit: (payload, current) => {
      if (typeof payload.ownerId === 'string' && payload.ownerId !== '' && payload.ownerId !== current.ownerId) {
        throw fieldError(deps.errors, 'ownerId', 'A creator changes owner only through "Reassign", with a reason');
      }
      return withOffboardingTime(payload, current);
    },
    scope: { owner: 'ownerId', write: OPERATIONS_WRITE, mayOwn: OWNER_ROLES.creator },
    mayDelete: adminOnly,
    titleProperty: 'name',
    sort: { sortBy: 'name', direction: 'asc' },
    properties: {
      status: badge('creator'),
      related: related([
        { label: 'Collaborations', resourceId: 'Collaboration', filter: 'creatorId' },
        { label: 'Exclusivity windows', resourceId: 'ExclusivityWindow', filter: 'creatorId' },
        { label: 'Analytics', page: ANALYTICS_PAGE, query: { kind: 'creators' } },
      ]),
    },
    structured: ['channels', 'audience', 'baseRates', 'preferences', 'availabilityBlocks'],
    actions: creatorActions(deps.creators, deps.logger),
    actionLabels: { editProfile: 'Edit profile', reassignOwner: 'Reassign' },
    propertyLabels: {
      ownerId: 'Talent manager',
      contactEmail: 'Contact e-mail',
      contactPhone: 'Contact phone',
      contentStyle: 'Content style',
      baseRates: 'Base rates',
      availabilityBlocks: 'Availability blocks',
      satisfactionScore: 'Satisfaction (average rating, 1–5)',
      offboardedAt: 'Left the roster at',
      isVirtual: 'Virtual influencer',
      qualifications: 'Qualifications (shown in health and finance content)',
      related: 'Related',
    },
  };
}
