import { projectedDeadlines } from '../../apps/api/collaborations/collaboration-projection';
import { CollaborationStage } from '../../libs/domain/rules/stages';

describe('projected deadlines (the row’s name → due time map, shaped as the live state’s list)', () => {
  it('gives each deadline the row’s stage and orders them by due time, then name', () => {
    const snapshot = {
      'postBy:b': '2026-12-03T10:00:00.000Z',
      'postBy:a': '2026-12-03T10:00:00.000Z',
      'postBy:c': '2026-12-01T08:00:00.000Z',
    };
    expect(projectedDeadlines(CollaborationStage.Posting, snapshot)).toEqual([
      { name: 'postBy:c', stage: CollaborationStage.Posting, dueAt: '2026-12-01T08:00:00.000Z' },
      { name: 'postBy:a', stage: CollaborationStage.Posting, dueAt: '2026-12-03T10:00:00.000Z' },
      { name: 'postBy:b', stage: CollaborationStage.Posting, dueAt: '2026-12-03T10:00:00.000Z' },
    ]);
  });

  it('reads a row without deadlines (an older run, or a stage without waits) as none', () => {
    expect(projectedDeadlines(CollaborationStage.Completed, {})).toEqual([]);
    expect(projectedDeadlines(CollaborationStage.Briefed, null)).toEqual([]);
  });
});
