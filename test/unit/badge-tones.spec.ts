import { BADGE_TONES, badgeText, TONE_COLOURS, toneOf, type Tone } from '../../apps/api/back-office/components/badge-tones';
import { EscalationStatus } from '../../libs/domain/rules/escalations';
import { ContractStatus, DeliverableStatus, PayoutStatus } from '../../libs/domain/rules/lifecycle';
import { COLLABORATION_STAGES, CollaborationStage } from '../../libs/domain/rules/stages';
import { CampaignStatus, CreatorStatus } from '../../libs/domain/rules/statuses';

/** WCAG 2 relative luminance of a #RRGGBB colour. */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('badge tones: a stage or status coloured by what it means', () => {
  test('every value of every stage and status enum has a tone', () => {
    const tables: [keyof typeof BADGE_TONES, readonly string[]][] = [
      ['stage', COLLABORATION_STAGES],
      ['deliverable', Object.values(DeliverableStatus)],
      ['payout', Object.values(PayoutStatus)],
      ['contract', Object.values(ContractStatus)],
      ['escalation', Object.values(EscalationStatus)],
      ['campaign', Object.values(CampaignStatus)],
      ['creator', Object.values(CreatorStatus)],
    ];
    for (const [kind, values] of tables) expect(Object.keys(BADGE_TONES[kind]).sort()).toEqual([...values].sort());
  });

  test('outcomes are told apart: done, in progress, waiting, wrong, out of play', () => {
    expect(toneOf('stage', CollaborationStage.Completed)).toBe('success');
    expect(toneOf('stage', CollaborationStage.InProduction)).toBe('progress');
    expect(toneOf('stage', CollaborationStage.Dropped)).toBe('problem');
    expect(toneOf('stage', CollaborationStage.Cancelled)).toBe('inactive');
    expect(toneOf('payout', PayoutStatus.Failed)).toBe('problem');
    expect(toneOf('escalation', EscalationStatus.Open)).toBe('problem');
    expect(toneOf('deliverable', DeliverableStatus.ChangesRequested)).toBe('attention');
    // Not one grey for all: the stages use at least four colours.
    expect(new Set(COLLABORATION_STAGES.map((stage) => toneOf('stage', stage))).size).toBeGreaterThanOrEqual(4);
    // A value the table does not know (an old row) is shown greyed, not hidden.
    expect(toneOf('stage', 'ARCHIVED')).toBe('inactive');
  });

  test('each tone is distinct and its text readable (WCAG AA, 4.5:1)', () => {
    const tones = Object.keys(TONE_COLOURS) as Tone[];
    expect(new Set(tones.map((tone) => TONE_COLOURS[tone].background)).size).toBe(tones.length);
    for (const tone of tones) expect(contrast(TONE_COLOURS[tone].background, TONE_COLOURS[tone].text)).toBeGreaterThanOrEqual(4.5);
  });

  test('values read as words', () => {
    expect(badgeText('IN_PRODUCTION')).toBe('In production');
    expect(badgeText('changes_requested')).toBe('Changes requested');
  });
});
