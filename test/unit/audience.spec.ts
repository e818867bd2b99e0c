import { audienceProblems } from '../../libs/domain/rules/audience';

describe('audience distributions', () => {
  it('accepts shares that sum to 1, allowing for rounding', () => {
    expect(audienceProblems({ age: { '18-24': 0.333, '25-34': 0.333, '35+': 0.333 }, gender: { female: 0.7, male: 0.3 } })).toEqual([]);
  });

  it('says which dimension does not sum to 1 and what it sums to', () => {
    expect(audienceProblems({ gender: { female: 0.7, male: 0.7 } })).toEqual(['audience.gender shares must sum to 1 (they sum to 1.400)']);
  });

  it('names a share outside 0..1 and an unknown dimension', () => {
    expect(audienceProblems({ age: { '18-24': 1.5 }, income: {} })).toEqual([
      'audience.income is not a known dimension (age, gender, countries)',
      'audience.age.18-24 must be a share between 0 and 1',
    ]);
  });

  it('treats a missing audience as no problem', () => {
    expect(audienceProblems(undefined)).toEqual([]);
  });
});
