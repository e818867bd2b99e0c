import { EscalationKind, EscalationResolution, RESOLUTIONS_BY_KIND, resolutionProblem } from '../../libs/domain/rules/escalations';

describe('escalation resolutions', () => {
  it('lets a manager extend or drop an overdue brief acknowledgement', () => {
    expect(resolutionProblem(EscalationKind.BriefAckOverdue, EscalationResolution.Extend)).toBeNull();
    expect(resolutionProblem(EscalationKind.BriefAckOverdue, EscalationResolution.Drop)).toBeNull();
  });

  it('lets a manager override or drop a conflict, but not extend it', () => {
    expect(resolutionProblem(EscalationKind.Conflict, EscalationResolution.Override)).toBeNull();
    expect(resolutionProblem(EscalationKind.Conflict, EscalationResolution.Extend)).toBe(
      'A CONFLICT escalation can be resolved with OVERRIDE or DROP, not EXTEND',
    );
  });

  it('never offers the system-only resolutions to a person', () => {
    for (const choices of Object.values(RESOLUTIONS_BY_KIND)) {
      expect(choices).not.toContain(EscalationResolution.ResolvedLate);
      expect(choices).not.toContain(EscalationResolution.BookingEnded);
    }
  });

  it('has choices for every kind', () => {
    for (const kind of Object.values(EscalationKind)) expect(RESOLUTIONS_BY_KIND[kind].length).toBeGreaterThan(0);
  });
});
