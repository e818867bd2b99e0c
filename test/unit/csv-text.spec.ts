import { csvField, csvLine } from '../../libs/domain/rules/csv-text';

describe('CSV text', () => {
  it('quotes what needs quoting and leaves the rest', () => {
    expect(csvLine(['Asha Rao', 'Glow, Inc.', 'said "wow"', 12, null, -0.25])).toBe('Asha Rao,"Glow, Inc.","said ""wow""",12,,-0.25');
  });

  it('never lets a spreadsheet run a name as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
  });
});
