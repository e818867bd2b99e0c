import { BadRequestException } from '@nestjs/common';
import type { FormValue } from './decision-form';

/** A textarea holding one item per line, as a list (blank lines dropped); blank: an empty list. */
export function linesOf(value: FormValue): string[] {
  return typeof value === 'string' ? value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '') : [];
}

/** A list as a textarea's text, one item per line. */
export function asLines(list: readonly string[] | undefined | null): string {
  return (list ?? []).join('\n');
}

/** A textarea holding JSON; a form can only send text, so the text is parsed here and checked by the DTO after. */
export function jsonOf(value: FormValue, label: string): unknown {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new BadRequestException(`${label} is not valid JSON`);
  }
}

/** True when the form's value differs from what is stored (compared as JSON). */
export function differs(next: unknown, stored: unknown): boolean {
  return next !== undefined && JSON.stringify(next) !== JSON.stringify(stored ?? null);
}

export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;
