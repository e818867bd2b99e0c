import { commercialsOutcome } from '../../apps/api/collaborations/collaboration-actions';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import type { CollaborationState } from '../../workflows/messages';

describe("the panel's answer to an approval of commercials", () => {
  const state = (negotiation: CollaborationState['negotiation'], stage = CollaborationStage.Negotiating): CollaborationState => ({
    collaborationId: 'c', stage, deadlines: [], openEscalations: [], resolvedEscalations: [], history: [], negotiation,
  });
  const actor = { userId: 'u1', role: Role.Manager };

  it('says whose approval is awaited when the exception is above the approver\'s limit', () => {
    expect(commercialsOutcome(state({ offers: [], endorsements: [{ actor, reason: 'r', at: 'now' }], approvalAwaitedFrom: 'u2' }))).toBe(
      'Above your approval limit: awaiting approval from your manager (user u2)',
    );
    expect(commercialsOutcome(state({ offers: [], approvalAwaitedFrom: 'admin' }))).toBe('Above your approval limit, and nobody above you may approve it: awaiting an admin');
  });

  it('says the commercials are approved once they are', () => {
    expect(commercialsOutcome(state({ offers: [], approvalAwaitedFrom: 'u2', approval: { actor, reason: 'r', at: 'now' } }, CollaborationStage.Contracting))).toBe(
      'Commercials approved — stage is now CONTRACTING',
    );
  });
});
