import { Creator } from '../../../libs/domain/entities';
import { OWNER_ROLES } from '../../../libs/domain/rules/ownership';
import { CreatorStatus } from '../../../libs/domain/rules/statuses';
import { ANALYTICS_PAGE } from '../analytics/analytics-page.component';
import { adminOnly, operations, OPERATIONS_WRITE } from '../back-office/access';
import { badge, related } from '../back-office/properties';
import type { Params } from '../back-office/request-guards';
import type { PanelErrors } from '../back-office/panel-resource';
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

/** A payout provider's token, as POST /creators takes it (creator.dto.ts): never bank details. */
const PAYOUT_TOKEN = /^[a-z]+_[A-Za-z0-9]{6,}$/;

/**
 * The write-only "payout token" field into the creator's payoutReference, which is never read
 * back (it is not even a panel property). Empty: left as it is.
 */
export function withPayoutToken(payload: Params, errors?: PanelErrors): Params {
  const { payoutToken, ...rest } = payload;
  if (payoutToken === undefined || payoutToken === null || payoutToken === '') return rest;
  const token = String(payoutToken).trim();
  if (token.length < 8 || token.length > 120 || !PAYOUT_TOKEN.test(token)) {
    throw fieldError(errors, 'payoutToken', "A payout provider's token such as tok_8f3k2m9x (8-120 characters); never bank details");
  }
  return { ...rest, payoutReference: token };
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
      'isVirtual', 'qualifications', 'payoutToken',
    ],
    // The satisfaction score is the average of the creator's recorded ratings (satisfaction/), never typed in.
    // ownerId stays editable only to be refused with the way to do it: a reassignment is explicit (creator-actions.ts).
    edit: [
      'name', 'handle', 'contactEmail', 'contactPhone', 'ownerId', 'status', 'niches', 'contentStyle', 'languages', 'country', 'city',
      'isVirtual', 'qualifications', 'payoutToken',
    ],
    // Audited as "(set)", never its value. Adding it lets a payout held by PAYOUT_DETAILS_MISSING be paid.
    writeOnly: ['payoutToken'],
    mayWrite: operations,
    prepareCreate: (payload) => withPayoutToken(withOffboardingTime(payload, {}), deps.errors),
    prepareEdit: (payload, current) => {
      if (typeof payload.ownerId === 'string' && payload.ownerId !== '' && payload.ownerId !== current.ownerId) {
        throw fieldError(deps.errors, 'ownerId', 'A creator changes owner only through "Reassign", with a reason');
      }
      return withPayoutToken(withOffboardingTime(payload, current), deps.errors);
    },
    scope: { owner: 'ownerId', write: OPERATIONS_WRITE, mayOwn: OWNER_ROLES.creator },
    mayDelete: adminOnly,
    titleProperty: 'name',
    sort: { sortBy: 'name', direction: 'asc' },
    properties: {
      status: badge('creator'),
      payoutToken: { type: 'string', isVisible: { list: false, show: false, filter: false, edit: true } },
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
      payoutToken: "Payout token (the payout provider's, never bank details; empty: unchanged)",
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
