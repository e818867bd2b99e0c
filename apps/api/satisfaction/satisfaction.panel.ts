import { CreatorRating } from '../../../libs/domain/entities';
import { BOOKING_ACT } from '../back-office/access';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { decisionAction, paramText } from '../back-office/decision-action';
import type { Choice } from '../back-office/decision-form';
import { NAVIGATION, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import { RATING_MAX, RATING_MIN, RATING_NOTE_MAX_LENGTH } from '../../../libs/domain/rules/satisfaction';
import { Role } from '../../../libs/domain/rules/roles';
import type { SatisfactionService } from './satisfaction.service';

export type SatisfactionPort = Pick<SatisfactionService, 'rate'>;

const RATINGS: Choice[] = [
  { value: '5', label: '5 — very happy' },
  { value: '4', label: '4 — happy' },
  { value: '3', label: '3 — neutral' },
  { value: '2', label: '2 — unhappy' },
  { value: '1', label: '1 — very unhappy' },
];

/** A task is open while its rating is empty. */
export const OPEN_RATING_TASKS = `SELECT "id" FROM "creator_ratings" WHERE "rating" IS NULL`;

function recordRating(port: SatisfactionPort, logger: SpecDependencies['logger']): Partial<Action<ActionResponse>> {
  return decisionAction<{ rating: number | null }>(
    {
      name: 'recordRating',
      icon: 'Star',
      roles: [Role.TalentManager, Role.Manager, Role.Admin],
      availableWhen: (record) => paramText(record, 'rating') === undefined,
      form: {
        intro: `How satisfied was the creator with this collaboration, from ${RATING_MIN} to ${RATING_MAX}? Ask them; it counts in the team's creator-satisfaction KPI and is recorded once.`,
        submitLabel: 'Record rating',
        fields: [
          { name: 'rating', label: "The creator's rating", kind: 'select', required: true, options: RATINGS },
          { name: 'note', label: 'What they said (optional)', kind: 'textarea', maxLength: RATING_NOTE_MAX_LENGTH },
        ],
      },
      perform: (values, { actor, params }) => port.rate(String(params.collaborationId), actor, Number(values.rating), (values.note as string | undefined) ?? null),
      outcome: (saved) => `Rating recorded: ${saved.rating} of ${RATING_MAX}`,
      failure: 'The rating could not be recorded',
    },
    logger,
  );
}

/** Creator satisfaction: one record per paid collaboration, a task for its talent manager until rated. */
export function satisfactionPanel(deps: SpecDependencies & { satisfaction: SatisfactionPort }): PanelResource {
  return {
    entity: CreatorRating,
    id: 'CreatorRating',
    label: 'Creator ratings',
    navigation: NAVIGATION.collaborations,
    list: ['collaborationId', 'creatorId', 'talentManagerId', 'rating', 'requestedAt', 'remindedAt', 'ratedAt'],
    show: ['id', 'collaborationId', 'creatorId', 'talentManagerId', 'rating', 'note', 'requestedAt', 'remindedAt', 'ratedById', 'ratedByRole', 'ratedAt'],
    filter: ['collaborationId', 'creatorId', 'talentManagerId', 'rating', 'requestedAt', 'ratedAt'],
    // Ratings are recorded through the action only (once); a talent manager rates for their own collaborations.
    scope: { owner: 'talentManagerId', act: BOOKING_ACT },
    // "Overdue" here means still open: the task waits for the talent manager.
    overdue: OPEN_RATING_TASKS,
    titleProperty: 'rating',
    sort: { sortBy: 'requestedAt', direction: 'desc' },
    properties: { note: { type: 'textarea' } },
    propertyLabels: {
      collaborationId: 'Collaboration',
      creatorId: 'Creator',
      talentManagerId: 'Talent manager',
      rating: 'Rating (1–5)',
      requestedAt: 'Requested at',
      remindedAt: 'Reminded at',
      ratedById: 'Recorded by',
      ratedByRole: 'Recorded as',
      ratedAt: 'Rated at',
    },
    actions: { recordRating: recordRating(deps.satisfaction, deps.logger) },
    actionLabels: { recordRating: 'Record rating' },
  };
}
