import { BookingRiskFlag } from '../../../libs/domain/entities';
import { NAVIGATION, type PanelResource } from '../back-office/resource-spec';

/** Risks kept beside bookings (UNDERPERFORMING from the daily underperformer evaluation); read-only, written by the activity. */
export function bookingRiskFlagPanel(): PanelResource {
  return {
    entity: BookingRiskFlag,
    id: 'BookingRiskFlag',
    label: 'Booking risk flags',
    navigation: NAVIGATION.collaborations,
    list: ['kind', 'collaborationId', 'detail', 'raisedAt', 'clearedAt'],
    show: ['id', 'kind', 'collaborationId', 'sourceFlagId', 'detail', 'raisedAt', 'clearedAt'],
    filter: ['kind', 'collaborationId', 'raisedAt', 'clearedAt'],
    titleProperty: 'kind',
    sort: { sortBy: 'raisedAt', direction: 'desc' },
    properties: { detail: { type: 'textarea' } },
    propertyLabels: { collaborationId: 'Collaboration', sourceFlagId: 'Underperformer flag', raisedAt: 'Raised at', clearedAt: 'Cleared at' },
  };
}
