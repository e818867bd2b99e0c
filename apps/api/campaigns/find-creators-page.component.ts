import type { PanelComponent } from '../back-office/components';
import type { Recommendation } from '../../../libs/domain/rules/recommendation';

/** "Find creators" under Pages: a campaign's creator ranking, each factor's contribution shown, and booking from it. */
export const FIND_CREATORS_PAGE = 'findCreators';
export const FIND_CREATORS_COMPONENT = 'CreatorOpsFindCreators';
export const FIND_CREATORS_VIEW: PanelComponent = { name: FIND_CREATORS_COMPONENT, source: 'apps/api/campaigns/find-creators.tsx' };

export interface FindCreatorsData {
  /** Running campaigns the viewer may book on. */
  campaigns: { id: string; name: string }[];
  campaignId: string | null;
  ranking: Recommendation | null;
  /** After booking: the collaborations made (their workflows started) and any refusal, by creator. */
  booked?: { creatorId: string; name: string; collaborationId: string; link: string }[];
  refused?: { creatorId: string; name: string; reason: string }[];
  error?: string;
}
