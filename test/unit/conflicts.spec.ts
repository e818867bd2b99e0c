import {
  findConflicts,
  hasBlockingConflict,
  windowDays,
  windowOverlap,
  type Conflict,
  type ConflictCheckInput,
} from '../../libs/domain/rules/conflicts';
import { CreatorStatus } from '../../libs/domain/rules/statuses';

const march = { start: '2025-03-01', end: '2025-03-31' };

function check(overrides: Partial<ConflictCheckInput> = {}, creator: Partial<ConflictCheckInput['creator']> = {}): Conflict[] {
  return findConflicts({
    campaignWindow: march,
    brand: { id: 'brand-lumen', name: 'Lumen', category: 'skincare', competitorCategories: ['cosmetics'], competitorBrands: ['Glow'] },
    ...overrides,
    creator: { id: 'creator-ana', name: 'Ana', status: 'active', availabilityBlocks: [], ...creator },
  });
}

describe('conflict check (CONFLICT_CHECK stage)', () => {
  it('finds nothing for an active creator with a clear calendar and no ties', () => {
    expect(check()).toEqual([]);
  });

  describe('exclusivity', () => {
    it('blocks a creator whose skincare exclusivity overlaps the campaign by one day', () => {
      const conflicts = check({ exclusivityWindows: [{ category: 'skincare', brandName: 'Dewy', start: '2025-01-01', end: '2025-03-01', sourceContractId: 'C-17' }] });
      expect(conflicts).toEqual([
        {
          kind: 'EXCLUSIVITY',
          severity: 'blocking',
          message:
            "Ana is exclusive to Dewy in skincare from 2025-01-01 to 2025-03-01 (contract C-17); skincare is Lumen's own category. " +
            'It overlaps the campaign (2025-03-01 to 2025-03-31) by 1 day (2025-03-01).',
          details: {
            exclusivity: { category: 'skincare', brandName: 'Dewy', start: '2025-01-01', end: '2025-03-01', sourceContractId: 'C-17' },
            matchedOn: ['category'],
            overlap: { start: '2025-03-01', end: '2025-03-01', days: 1 },
          },
        },
      ]);
    });

    it('lets an exclusivity that ends the day before the campaign starts pass', () => {
      expect(check({ exclusivityWindows: [{ category: 'skincare', start: '2025-01-01', end: '2025-02-28' }] })).toEqual([]);
    });

    it('blocks an exclusivity in a category the brand lists as competing', () => {
      const [conflict] = check({ exclusivityWindows: [{ category: 'Cosmetics', start: '2025-03-10', end: '2025-06-30' }] });
      expect(conflict).toMatchObject({ kind: 'EXCLUSIVITY', severity: 'blocking', details: { matchedOn: ['competitorCategory'], overlap: { start: '2025-03-10', end: '2025-03-31', days: 22 } } });
      expect(conflict.message).toBe(
        'Ana holds a Cosmetics exclusivity from 2025-03-10 to 2025-06-30; Lumen lists Cosmetics as a competing category. ' +
          'It overlaps the campaign (2025-03-01 to 2025-03-31) by 22 days (2025-03-10 to 2025-03-31).',
      );
    });

    it('blocks an exclusivity held by a competitor the brand names, whatever its category', () => {
      const [conflict] = check({ exclusivityWindows: [{ brandName: 'Glow', start: '2025-02-01', end: '2025-04-30' }] });
      expect(conflict.kind).toBe('EXCLUSIVITY');
      expect(conflict.details).toMatchObject({ matchedOn: ['competitorBrand'], overlap: { days: 31 } });
      expect(conflict.message).toContain('Ana is exclusive to Glow from 2025-02-01 to 2025-04-30; Lumen names Glow as a competitor.');
    });

    it('gives every reason when a competitor holds an exclusivity in the brand’s own category', () => {
      const [conflict] = check({ exclusivityWindows: [{ category: 'skincare', brandName: 'Glow', start: '2025-03-05', end: '2025-03-05' }] });
      expect(conflict.details).toMatchObject({ matchedOn: ['category', 'competitorBrand'] });
      expect(conflict.message).toContain("on 2025-03-05; skincare is Lumen's own category, and Lumen names Glow as a competitor.");
    });

    it("does not let the brand's own exclusivity block its own campaign", () => {
      expect(check({ exclusivityWindows: [{ category: 'skincare', brandName: ' lumen ', start: '2025-01-01', end: '2025-12-31' }] })).toEqual([]);
    });

    it('ignores an exclusivity in an unrelated category held by a brand nobody named', () => {
      expect(check({ exclusivityWindows: [{ category: 'food', brandName: 'Crunch', start: '2025-01-01', end: '2025-12-31' }] })).toEqual([]);
    });

    it('matches categories and brand names regardless of case and stray spaces', () => {
      const conflicts = check({
        brand: { name: 'Lumen', category: ' Skin  Care ', competitorBrands: ['  GLOW '] },
        exclusivityWindows: [
          { category: 'skin care', start: '2025-03-01', end: '2025-03-02' },
          { brandName: 'glow', start: '2025-03-01', end: '2025-03-02' },
        ],
      });
      expect(conflicts.map((conflict) => conflict.details)).toMatchObject([{ matchedOn: ['category'] }, { matchedOn: ['competitorBrand'] }]);
    });

    it('refuses an exclusivity window that names neither a category nor a brand', () => {
      expect(() => check({ exclusivityWindows: [{ category: ' ', start: '2025-03-01', end: '2025-03-02' }] })).toThrow(
        'exclusivity window 1 names neither a category nor a brand',
      );
    });
  });

  describe('exclusivity windows that carry the holding brand', () => {
    // Windows registered on contract execution carry the brand's id; Lumen's is 'brand-lumen'.
    it('lets the brand re-book its own exclusive creator, matched by id even without a name', () => {
      expect(check({ exclusivityWindows: [{ category: 'skincare', brandId: 'brand-lumen', start: '2025-01-01', end: '2025-12-31', sourceContractId: 'C-1' }] })).toEqual([]);
    });

    it('matches the holder by id, not by name, when both sides carry one (a renamed brand is still itself)', () => {
      expect(check({ exclusivityWindows: [{ category: 'skincare', brandId: 'brand-lumen', brandName: 'Lumen Labs', start: '2025-03-01', end: '2025-03-31' }] })).toEqual([]);
      const [conflict] = check({ exclusivityWindows: [{ category: 'skincare', brandId: 'brand-other', brandName: 'Lumen', start: '2025-03-01', end: '2025-03-31' }] });
      expect(conflict.details).toMatchObject({ matchedOn: ['category'] });
    });

    it("still applies the category rule to another brand's window", () => {
      // Dewy's skincare window, 2025-02-20..2025-03-03, against March: 3 shared days (1, 2, 3 March).
      const [conflict] = check({ exclusivityWindows: [{ category: 'skincare', brandId: 'brand-dewy', brandName: 'Dewy', start: '2025-02-20', end: '2025-03-03', sourceContractId: 'C-2' }] });
      expect(conflict).toMatchObject({ kind: 'EXCLUSIVITY', severity: 'blocking', details: { matchedOn: ['category'], overlap: { start: '2025-03-01', end: '2025-03-03', days: 3 } } });
    });

    it('blocks a competitor the holder names, though the brand does not name the holder', () => {
      // Nova (haircare, a category Lumen does not list) names Lumen: 2025-03-25..2025-04-30 shares 7 March days.
      const [conflict, ...rest] = check({
        exclusivityWindows: [{ category: 'haircare', brandId: 'brand-nova', brandName: 'Nova', holderCompetitorBrands: [' LUMEN'], start: '2025-03-25', end: '2025-04-30', sourceContractId: 'C-3' }],
      });
      expect(rest).toEqual([]);
      expect(conflict).toMatchObject({ kind: 'EXCLUSIVITY', severity: 'blocking', details: { matchedOn: ['namedByHolder'], overlap: { start: '2025-03-25', end: '2025-03-31', days: 7 } } });
      expect(conflict.message).toBe(
        'Ana is exclusive to Nova in haircare from 2025-03-25 to 2025-04-30 (contract C-3); Nova names Lumen as a competitor. ' +
          'It overlaps the campaign (2025-03-01 to 2025-03-31) by 7 days (2025-03-25 to 2025-03-31).',
      );
    });

    it('blocks a window of a competitor the brand names, in an unrelated category', () => {
      const [conflict] = check({ exclusivityWindows: [{ category: 'haircare', brandId: 'brand-glow', brandName: 'Glow', start: '2025-03-31', end: '2025-04-30' }] });
      expect(conflict.details).toMatchObject({ matchedOn: ['competitorBrand'], overlap: { days: 1 } });
    });

    it('ignores an unrelated brand in an unrelated category that names nobody relevant', () => {
      expect(
        check({ exclusivityWindows: [{ category: 'haircare', brandId: 'brand-nova', brandName: 'Nova', holderCompetitorBrands: ['Crunch'], start: '2025-03-01', end: '2025-03-31' }] }),
      ).toEqual([]);
    });
  });

  describe('the exclusivity the booking negotiates (re-checked before contracting)', () => {
    // Lumen's agreed terms: skincare exclusivity 2025-03-01..2025-05-31, beyond its March campaign.
    const negotiatedExclusivity = { category: 'skincare', start: '2025-03-01', end: '2025-05-31' };

    it("blocks when another brand's booking in the exclusive category falls inside it, though outside the campaign", () => {
      // Dewy (skincare) books Ana 2025-04-10..2025-04-20: no overlap with March, 11 days inside the exclusivity.
      const dewy = { collaborationId: 'COL-9', brandId: 'brand-dewy', brandName: 'Dewy', brandCategory: 'skincare', campaignWindow: { start: '2025-04-10', end: '2025-04-20' } };
      expect(check({ activeBookings: [dewy] })).toEqual([]);
      expect(check({ activeBookings: [dewy], negotiatedExclusivity })).toEqual([
        {
          kind: 'NEGOTIATED_EXCLUSIVITY',
          severity: 'blocking',
          message:
            'The exclusivity being contracted (skincare, 2025-03-01 to 2025-05-31) would bar Ana from the booking with Dewy (skincare) ' +
            'from 2025-04-10 to 2025-04-20: both are in skincare. They overlap by 11 days (2025-04-10 to 2025-04-20).',
          details: { negotiated: negotiatedExclusivity, booking: dewy, matchedOn: ['category'], overlap: { start: '2025-04-10', end: '2025-04-20', days: 11 } },
        },
      ]);
    });

    it('blocks a booking of a brand that names this brand as a competitor, in another category', () => {
      const nova = { brandId: 'brand-nova', brandName: 'Nova', brandCategory: 'haircare', brandCompetitorBrands: ['Lumen'], campaignWindow: { start: '2025-05-31', end: '2025-06-15' } };
      const [conflict] = check({ activeBookings: [nova], negotiatedExclusivity });
      expect(conflict).toMatchObject({ kind: 'NEGOTIATED_EXCLUSIVITY', details: { matchedOn: ['namedByOther'], overlap: { start: '2025-05-31', end: '2025-05-31', days: 1 } } });
      expect(conflict.message).toContain('Nova names Lumen as a competitor');
    });

    it("never blocks on the brand's own other booking or an unrelated brand", () => {
      const own = { brandId: 'brand-lumen', brandName: 'Lumen', brandCategory: 'skincare', campaignWindow: { start: '2025-04-01', end: '2025-04-30' } };
      const crunch = { brandId: 'brand-crunch', brandName: 'Crunch', brandCategory: 'food', campaignWindow: { start: '2025-04-01', end: '2025-04-30' } };
      expect(check({ activeBookings: [own, crunch], negotiatedExclusivity })).toEqual([]);
    });

    it("blocks when it overlaps another brand's exclusivity in the same category, whether contracted or only agreed", () => {
      // Dewy holds skincare 2025-06-01..2025-06-30; the negotiated window runs to 2025-06-10: 10 shared days.
      const negotiated = { ...negotiatedExclusivity, end: '2025-06-10' };
      const contracted = { category: 'skincare', brandId: 'brand-dewy', brandName: 'Dewy', start: '2025-06-01', end: '2025-06-30', sourceContractId: 'C-9' };
      const [conflict, ...rest] = check({ exclusivityWindows: [contracted], negotiatedExclusivity: negotiated });
      expect(rest).toEqual([]);
      expect(conflict).toMatchObject({ kind: 'NEGOTIATED_EXCLUSIVITY', severity: 'blocking', details: { exclusivity: contracted, matchedOn: ['category'], overlap: { days: 10 } } });
      expect(conflict.message).toBe(
        "The exclusivity being contracted (skincare, 2025-03-01 to 2025-06-10) clashes with Ana's existing exclusivity: exclusive to Dewy in skincare " +
          'from 2025-06-01 to 2025-06-30 (contract C-9): both are in skincare. They overlap by 10 days (2025-06-01 to 2025-06-10).',
      );
      const agreed = { category: 'skincare', brandId: 'brand-dewy', brandName: 'Dewy', start: '2025-06-01', end: '2025-06-30', sourceCollaborationId: 'COL-9' };
      const [pending] = check({ exclusivityWindows: [agreed], negotiatedExclusivity: negotiated });
      expect(pending.message).toContain('from 2025-06-01 to 2025-06-30 (agreed on another booking, not yet contracted): both are in skincare.');
    });

    it("lets the brand extend its own exclusivity", () => {
      const own = { category: 'skincare', brandId: 'brand-lumen', start: '2025-01-01', end: '2025-03-15', sourceContractId: 'C-1' };
      expect(check({ exclusivityWindows: [own], negotiatedExclusivity })).toEqual([]);
    });
  });

  describe('concurrent bookings', () => {
    it('blocks a creator promoting a competitor the brand names in the same weeks', () => {
      const booking = { brandName: 'Glow', brandCategory: 'haircare', campaignWindow: { start: '2025-03-20', end: '2025-04-10' } };
      expect(check({ activeBookings: [booking] })).toEqual([
        {
          kind: 'COMPETITOR_BOOKING',
          severity: 'blocking',
          message:
            'Ana is booked with Glow (haircare), a competitor Lumen names, from 2025-03-20 to 2025-04-10. ' +
            'It overlaps the campaign (2025-03-01 to 2025-03-31) by 12 days (2025-03-20 to 2025-03-31).',
          details: { booking, matchedOn: 'competitorBrand', overlap: { start: '2025-03-20', end: '2025-03-31', days: 12 } },
        },
      ]);
    });

    it('blocks a concurrent booking in a category the brand lists as competing', () => {
      const [conflict] = check({ activeBookings: [{ brandName: 'Shade', brandCategory: 'COSMETICS', campaignWindow: { start: '2025-02-01', end: '2025-03-03' } }] });
      expect(conflict).toMatchObject({ kind: 'COMPETITOR_BOOKING', severity: 'blocking', details: { matchedOn: 'competitorCategory', overlap: { days: 3 } } });
      expect(conflict.message).toContain('a category Lumen lists as competing');
    });

    it('warns, not blocks, about a concurrent booking in the same category with a brand that is not a named competitor', () => {
      const [conflict] = check({ activeBookings: [{ brandName: 'Dewy', brandCategory: 'Skincare', campaignWindow: march }] });
      expect(conflict).toMatchObject({ kind: 'COMPETITOR_BOOKING', severity: 'warning', details: { matchedOn: 'sameCategory' } });
      expect(conflict.message).toContain('the same category as Lumen, though not a named competitor');
    });

    it('ignores another campaign for the same brand and competitor bookings outside the window', () => {
      expect(
        check({
          activeBookings: [
            { brandName: 'LUMEN', brandCategory: 'skincare', campaignWindow: march },
            { brandName: 'Glow', brandCategory: 'skincare', campaignWindow: { start: '2025-04-01', end: '2025-04-30' } },
            { brandName: 'Crunch', brandCategory: 'food', campaignWindow: march },
          ],
        }),
      ).toEqual([]);
    });
  });

  describe('availability', () => {
    it('warns, not blocks, when a holiday covers part of the window', () => {
      const [conflict] = check({}, { availabilityBlocks: [{ start: '2025-03-25', end: '2025-04-05', reason: 'holiday' }] });
      expect(conflict).toEqual({
        kind: 'UNAVAILABLE',
        severity: 'warning',
        message: "Ana is unavailable for 7 of the campaign's 31 days (2025-03-01 to 2025-03-31): holiday from 2025-03-25 to 2025-04-05. 24 days remain free.",
        details: {
          unavailableDays: 7,
          campaignDays: 31,
          availableDays: 24,
          coversWholeWindow: false,
          blocks: [{ start: '2025-03-25', end: '2025-04-05', reason: 'holiday', overlap: { start: '2025-03-25', end: '2025-03-31', days: 7 } }],
        },
      });
    });

    it('blocks when an availability block covers the whole window', () => {
      const [conflict] = check({}, { availabilityBlocks: [{ start: '2025-02-15', end: '2025-04-15', reason: 'surgery recovery' }] });
      expect(conflict).toMatchObject({ kind: 'UNAVAILABLE', severity: 'blocking', details: { unavailableDays: 31, availableDays: 0, coversWholeWindow: true } });
      expect(conflict.message).toBe('Ana is unavailable for the whole campaign (2025-03-01 to 2025-03-31, 31 days): surgery recovery from 2025-02-15 to 2025-04-15.');
    });

    it('blocks when several blocks together cover the whole window, counting shared days once', () => {
      const [conflict] = check(
        {},
        {
          availabilityBlocks: [
            { start: '2025-03-01', end: '2025-03-20', reason: 'shoot abroad' },
            { start: '2025-03-15', end: '2025-03-31' },
          ],
        },
      );
      expect(conflict).toMatchObject({ severity: 'blocking', details: { unavailableDays: 31, coversWholeWindow: true } });
      expect(conflict.message).toContain('shoot abroad from 2025-03-01 to 2025-03-20; blocked from 2025-03-15 to 2025-03-31');
    });

    it('counts overlapping partial blocks once', () => {
      const [conflict] = check(
        {},
        {
          availabilityBlocks: [
            { start: '2025-03-10', end: '2025-03-14' },
            { start: '2025-03-12', end: '2025-03-16' },
            { start: '2025-03-13', end: '2025-03-13' },
          ],
        },
      );
      expect(conflict.details).toMatchObject({ unavailableDays: 7, availableDays: 24 });
      expect(conflict.severity).toBe('warning');
    });

    it('ignores blocks outside the campaign window', () => {
      expect(check({}, { availabilityBlocks: [{ start: '2025-02-01', end: '2025-02-28' }, { start: '2025-04-01', end: '2025-04-01' }] })).toEqual([]);
    });
  });

  describe('the creator', () => {
    it('blocks a creator who refuses the brand’s category, whatever its case', () => {
      expect(check({}, { preferences: { refusedCategories: ['alcohol', ' SKINCARE '] } })).toEqual([
        { kind: 'REFUSED_CATEGORY', severity: 'blocking', message: 'Ana refuses skincare brands, and Lumen is skincare.', details: { category: 'skincare' } },
      ]);
    });

    it('blocks a paused or offboarded creator', () => {
      expect(check({}, { status: CreatorStatus.Paused })).toEqual([
        { kind: 'CREATOR_NOT_ACTIVE', severity: 'blocking', message: 'Ana is paused, not active, and cannot be booked.', details: { status: 'paused' } },
      ]);
      expect(check({}, { status: 'offboarded', name: undefined })[0].message).toBe('The creator is offboarded, not active, and cannot be booked.');
    });
  });

  it('reports every conflict at once, in a fixed order', () => {
    const conflicts = check(
      {
        exclusivityWindows: [{ brandName: 'Glow', start: '2025-03-01', end: '2025-03-31' }],
        activeBookings: [{ brandName: 'Glow', brandCategory: 'skincare', campaignWindow: march }],
      },
      {
        status: 'paused',
        preferences: { refusedCategories: ['skincare'] },
        availabilityBlocks: [{ start: '2025-03-30', end: '2025-03-31' }],
      },
    );
    expect(conflicts.map((conflict) => [conflict.kind, conflict.severity])).toEqual([
      ['CREATOR_NOT_ACTIVE', 'blocking'],
      ['REFUSED_CATEGORY', 'blocking'],
      ['EXCLUSIVITY', 'blocking'],
      ['COMPETITOR_BOOKING', 'blocking'],
      ['UNAVAILABLE', 'warning'],
    ]);
    expect(hasBlockingConflict(conflicts)).toBe(true);
    expect(hasBlockingConflict(conflicts.slice(4))).toBe(false);
  });

  describe('dates', () => {
    it('refuses a campaign window that is not in YYYY-MM-DD form', () => {
      expect(() => check({ campaignWindow: { start: '01/03/2025', end: '2025-03-31' } })).toThrow(
        'campaign window start must be a date in the form YYYY-MM-DD, got "01/03/2025"',
      );
      expect(() => check({ campaignWindow: { start: '2025-03-01T00:00:00Z', end: '2025-03-31' } })).toThrow(/campaign window start must be a date/);
    });

    it('refuses a day that is not on the calendar', () => {
      expect(() => check({ campaignWindow: { start: '2025-02-29', end: '2025-03-31' } })).toThrow('campaign window start "2025-02-29" is not a calendar date');
      expect(() => check({ campaignWindow: { start: '2025-03-01', end: '2025-13-01' } })).toThrow('campaign window end "2025-13-01" is not a calendar date');
    });

    it('refuses a window that ends before it starts, naming which one', () => {
      expect(() => check({ campaignWindow: { start: '2025-03-31', end: '2025-03-01' } })).toThrow('campaign window ends 2025-03-01 before it starts 2025-03-31');
      expect(() => check({}, { availabilityBlocks: [{ start: '2025-03-01', end: '2025-03-02' }, { start: '2025-03-09', end: '2025-03-08', reason: 'holiday' }] })).toThrow(
        'availability block 2 (holiday) ends 2025-03-08 before it starts 2025-03-09',
      );
      expect(() => check({ activeBookings: [{ brandName: 'Glow', brandCategory: 'haircare', campaignWindow: { start: '2025-3-1', end: '2025-03-09' } }] })).toThrow(
        'active booking 1 (Glow) start must be a date in the form YYYY-MM-DD, got "2025-3-1"',
      );
    });

    it('validates windows even when they could not overlap', () => {
      expect(() => check({ exclusivityWindows: [{ category: 'food', start: '2024-01-01', end: 'soon' }] })).toThrow('exclusivity window 1 end must be a date');
    });

    it('counts calendar days inclusively, across month ends and leap days', () => {
      expect(windowDays({ start: '2024-02-28', end: '2024-03-01' })).toBe(3);
      expect(windowDays({ start: '2025-03-01', end: '2025-03-01' })).toBe(1);
      expect(windowDays({ start: '2024-12-31', end: '2025-01-01' })).toBe(2);
      expect(windowOverlap({ start: '2025-03-30', end: '2025-04-02' }, { start: '2025-04-02', end: '2025-04-09' })).toEqual({ start: '2025-04-02', end: '2025-04-02', days: 1 });
      expect(windowOverlap({ start: '2025-03-01', end: '2025-03-31' }, { start: '2025-04-01', end: '2025-04-09' })).toBeNull();
    });
  });

  it('gives the same answer for the same input', () => {
    const input = {
      exclusivityWindows: [{ category: 'skincare', start: '2025-03-10', end: '2025-03-12' }],
      activeBookings: [{ brandName: 'Dewy', brandCategory: 'skincare', campaignWindow: march }],
    };
    expect(check(input, { availabilityBlocks: [{ start: '2025-03-02', end: '2025-03-03' }] })).toEqual(
      check(input, { availabilityBlocks: [{ start: '2025-03-02', end: '2025-03-03' }] }),
    );
  });
});
