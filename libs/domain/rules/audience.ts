/** A share per bucket (age band, gender, country) that sums to 1. docs/domain.md#records. */
export type Distribution = Record<string, number>;

export interface Audience {
  age?: Distribution;
  gender?: Distribution;
  countries?: Distribution;
}

/** Shares come from platform exports rounded to a few decimals; allow that much slack. */
const SUM_TOLERANCE = 0.011;

export function distributionProblems(name: string, distribution: unknown): string[] {
  if (distribution === undefined) return [];
  if (typeof distribution !== 'object' || distribution === null || Array.isArray(distribution)) {
    return [`${name} must be an object of bucket → share`];
  }
  const entries = Object.entries(distribution as Record<string, unknown>);
  if (entries.length === 0) return [`${name} must have at least one bucket`];
  const problems: string[] = [];
  let sum = 0;
  for (const [bucket, share] of entries) {
    if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
      problems.push(`${name}.${bucket} must be a share between 0 and 1`);
    } else {
      sum += share;
    }
  }
  if (problems.length === 0 && Math.abs(sum - 1) > SUM_TOLERANCE) {
    problems.push(`${name} shares must sum to 1 (they sum to ${sum.toFixed(3)})`);
  }
  return problems;
}

export function audienceProblems(audience: unknown): string[] {
  if (audience === undefined || audience === null) return [];
  if (typeof audience !== 'object' || Array.isArray(audience)) return ['audience must be an object'];
  const known = ['age', 'gender', 'countries'];
  const unknown = Object.keys(audience).filter((key) => !known.includes(key));
  return [
    ...unknown.map((key) => `audience.${key} is not a known dimension (${known.join(', ')})`),
    ...known.flatMap((key) => distributionProblems(`audience.${key}`, (audience as Record<string, unknown>)[key])),
  ];
}
