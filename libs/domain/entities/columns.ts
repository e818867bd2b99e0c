import { ValueTransformer } from 'typeorm';

/**
 * Minor-unit amounts are BIGINT in PostgreSQL, which `pg` returns as strings. Amounts stay far
 * below 2^53, so converting back to a JS number is exact; anything larger is refused loudly.
 */
export const minorUnits: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new Error(`Amount ${value} exceeds the safe integer range`);
    return parsed;
  },
};
