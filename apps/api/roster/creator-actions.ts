import { Role } from '../../../libs/domain/rules/roles';
import type { Action, ActionResponse } from '../back-office/adminjs-types';
import { decisionAction } from '../back-office/decision-action';
import { differs, jsonOf, YES_NO } from '../back-office/form-values';
import type { Logger } from '../back-office/resource-spec';
import { checkedDto } from '../common/checked-dto';
import { ReassignCreatorDto, UpdateCreatorDto } from './creator.dto';
import { CREATOR_PROFILE_FIELDS, type CreatorReassignment, type CreatorsService } from './creators.service';
import type { Creator } from '../../../libs/domain/entities';

export type CreatorsPort = Pick<CreatorsService, 'findOne' | 'updateProfile' | 'reassign'>;
type Actions = Record<string, Partial<Action<ActionResponse>>>;

const PROFILE_LABELS: Record<(typeof CREATOR_PROFILE_FIELDS)[number], { label: string; help: string }> = {
  channels: { label: 'Channels (JSON)', help: '[{"platform": "instagram", "handle": "@asha", "followers": 250000, "avgViews": 80000, "engagementRate": 0.045}]' },
  audience: { label: 'Audience (JSON)', help: '{"age": {"18-24": 0.6, "25-34": 0.4}, "gender": {"female": 0.7, "male": 0.3}}: each distribution sums to 1' },
  baseRates: { label: 'Base rates (JSON, minor units)', help: '{"reel": {"amountMinor": 5000000, "currency": "INR"}}' },
  preferences: { label: 'Preferences (JSON)', help: '{"refusedCategories": ["alcohol"], "likedFormats": ["reel"]}' },
  availabilityBlocks: { label: 'Availability blocks (JSON)', help: '[{"start": "2026-12-20", "end": "2027-01-05", "reason": "travel"}]' },
};

/**
 * The creator's record actions: editing the structured profile (the same fields and checks as
 * PATCH /creators/:id) and handing the creator to another owner (POST /creators/:id/reassign).
 * AdminJS's own edit form has no view for JSON columns.
 */
export function creatorActions(port: CreatorsPort, logger: Logger): Actions {
  return {
    editProfile: decisionAction<Creator>(
      {
        name: 'editProfile',
        icon: 'Edit',
        roles: [Role.TalentManager, Role.Manager, Role.Admin],
        availableWhen: () => true,
        form: {
          intro: "Channels, audience, rates, preferences and availability. Bookings already agreed keep their fee; the conflict check reads availability when it runs.",
          submitLabel: 'Save profile',
          fields: CREATOR_PROFILE_FIELDS.map((name) => ({ name, ...PROFILE_LABELS[name], kind: 'textarea' as const, maxLength: 20_000 })),
          defaults: async (record) => {
            const creator = await port.findOne(record.id);
            return Object.fromEntries(CREATOR_PROFILE_FIELDS.map((field) => [field, JSON.stringify(creator[field] ?? null, null, 2)]));
          },
        },
        perform: async (values, { id, actor }) => {
          const current = await port.findOne(id);
          const changed = Object.fromEntries(
            CREATOR_PROFILE_FIELDS.map((field) => [field, jsonOf(values[field], PROFILE_LABELS[field].label)]).filter(([field, value]) =>
              differs(value, current[field as keyof Creator]),
            ),
          );
          return port.updateProfile(id, checkedDto(UpdateCreatorDto, changed), actor);
        },
        outcome: () => 'Profile saved',
        failure: 'The profile could not be saved',
      },
      logger,
    ),
    reassignOwner: decisionAction<CreatorReassignment>(
      {
        name: 'reassignOwner',
        icon: 'UserCheck',
        roles: [Role.Manager, Role.Admin],
        availableWhen: () => true,
        form: {
          intro: 'Hands the creator to another talent manager in your team. Running bookings their current owner holds move too unless you say no; ended bookings stay with whoever ran them.',
          submitLabel: 'Reassign',
          fields: [
            { name: 'toUserId', label: 'New talent manager (user id)', kind: 'text', required: true, maxLength: 36, pattern: { regex: /^[0-9a-f-]{36}$/i, message: 'a user id' } },
            { name: 'reason', label: 'Reason (kept in the audit log)', kind: 'textarea', required: true, maxLength: 1_000 },
            { name: 'moveRunningBookings', label: 'Move running bookings too', kind: 'select', required: true, options: YES_NO },
          ],
          defaults: () => ({ moveRunningBookings: 'yes' }),
        },
        perform: (values, { id, actor }) =>
          port.reassign(id, checkedDto(ReassignCreatorDto, { toUserId: values.toUserId, reason: values.reason, moveRunningBookings: values.moveRunningBookings === 'yes' }), actor),
        outcome: (result) => `Reassigned; ${result.movedBookings.length} running booking(s) moved, ${result.keptBookings.length} kept`,
        failure: 'The creator could not be reassigned',
      },
      logger,
    ),
  };
}
