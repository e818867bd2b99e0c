import { refusalOf, type PageLinks, type PanelPage, type PanelViewer } from '../back-office/pages';
import type { CollaborationsService } from '../collaborations/collaborations.service';
import type { CandidatesService } from './candidates.service';
import { FIND_CREATORS_COMPONENT, FIND_CREATORS_PAGE, type FindCreatorsData } from './find-creators-page.component';

export interface FindCreatorsPageDependencies {
  candidates: Pick<CandidatesService, 'rank' | 'campaignChoices'>;
  collaborations: Pick<CollaborationsService, 'create'>;
}

/** The panel shows the whole ranking up to the API's cap. */
const SHOWN = 100;
const MAX_BOOKED_AT_ONCE = 20;

/**
 * "Find creators" under Pages: the same ranking as GET /campaigns/:id/candidates, and booking the
 * chosen creators through the same service as POST /collaborations, which starts their workflows.
 */
export function findCreatorsPage(deps: FindCreatorsPageDependencies): PanelPage {
  const base = async (viewer: PanelViewer, campaignId: string | undefined): Promise<FindCreatorsData> => {
    const campaigns = await deps.candidates.campaignChoices(viewer);
    const chosen = campaignId || campaigns[0]?.id || null;
    return { campaigns, campaignId: chosen, ranking: chosen ? await deps.candidates.rank(chosen, viewer, SHOWN) : null };
  };
  return {
    name: FIND_CREATORS_PAGE,
    label: 'Find creators',
    component: FIND_CREATORS_COMPONENT,
    icon: 'Search',
    async load(query, viewer) {
      return { data: await base(viewer, query.campaign) };
    },
    async act(fields, viewer, links: PageLinks) {
      const campaignId = fields.campaign ?? '';
      const creatorIds = [...new Set((fields.creators ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
      const before = await base(viewer, campaignId);
      if (!campaignId || creatorIds.length === 0) return { status: 400, data: { ...before, error: 'Choose a campaign and at least one creator.' } };
      if (creatorIds.length > MAX_BOOKED_AT_ONCE) return { status: 400, data: { ...before, error: `Book at most ${MAX_BOOKED_AT_ONCE} creators at once.` } };
      const ranked = new Set((before.ranking?.items ?? []).map((item) => item.creatorId));
      const names = new Map([...(before.ranking?.excluded ?? []), ...(before.ranking?.items ?? [])].map((c) => [c.creatorId, c.name]));
      const booked: NonNullable<FindCreatorsData['booked']> = [];
      const refused: NonNullable<FindCreatorsData['refused']> = [];
      for (const creatorId of creatorIds) {
        const name = names.get(creatorId) ?? creatorId;
        // Only from the ranking the viewer sees: an excluded or out-of-reach creator is refused here, not booked.
        if (!ranked.has(creatorId)) {
          const excluded = before.ranking?.excluded.find((c) => c.creatorId === creatorId);
          refused.push({ creatorId, name, reason: excluded ? `is excluded: ${excluded.reasons.join('; ')}` : 'is not in the ranking for this campaign' });
          continue;
        }
        try {
          const collaboration = await deps.collaborations.create({ campaignId, creatorId }, viewer);
          booked.push({ creatorId, name, collaborationId: collaboration.id, link: links.record('Collaboration', collaboration.id) });
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          refused.push({ creatorId, name, reason: refusal.message });
        }
      }
      const after = await base(viewer, campaignId);
      return { status: booked.length ? undefined : 422, data: { ...after, booked, refused } };
    },
  };
}
