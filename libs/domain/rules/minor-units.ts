import { minorUnitDigits } from './money-format';

/**
 * Amounts written by people and exports ("12.50" in the major unit of a currency) turned into
 * integer minor units (money.ts), without ever going through a float: the digits are split at
 * the decimal point and joined as an integer, so "0.1" + "0.2" cannot drift.
 *
 * The number of minor digits is ISO 4217's (`minorUnitDigits`, the one table the server and
 * the panel share), not Intl's `maximumFractionDigits`: Intl gives CLDR's display precision,
 * which is 0 for IDR, HUF, COP… where ISO has 2, and an amount stored under one and shown
 * under the other would be off by a factor of 100.
 */

export type AmountReading = { ok: true; minor: number } | { ok: false; problem: string };

export interface AmountFormat {
  /** The decimal separator: "." unless a mapping says otherwise. */
  decimal: '.' | ',';
  /** A thousands separator the text may use, correctly grouped in threes; none: refused. */
  thousands: ',' | '.' | null;
  /**
   * Accept more decimals than the currency has when the extra ones are zeros ("90.00" JPY):
   * spreadsheet exports pad every amount to two decimals. The canonical format does not.
   */
  padZeros: boolean;
}

/** The canonical CSV format: "1234.50", "." as the decimal point, no grouping. */
export const CANONICAL_AMOUNT: AmountFormat = { decimal: '.', thousands: null, padZeros: false };

/** 15 integer digits keep every amount with up to 4 minor digits below 2^53 (exact in JS and in bigint). */
const MAX_INTEGER_DIGITS = 15;

let knownCurrencies: ReadonlySet<string> | undefined;

/** ISO 4217 codes this runtime knows (Intl's list: 3 capital letters, no funds like XXX). */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** A currency cell, upper-cased ("usd" is USD), or why it is not an ISO 4217 code. */
export function readCurrency(text: string): { ok: true; currency: string } | { ok: false; problem: string } {
  const code = text.trim().toUpperCase();
  if (code === '') return { ok: false, problem: 'a currency (ISO 4217 code, e.g. USD) is required' };
  if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code)) return { ok: false, problem: `"${text.trim()}" is not an ISO 4217 currency code` };
  return { ok: true, currency: code };
}

/**
 * "12.50" in `currency` → 1250 minor units. Refuses, each with a message naming the problem:
 * an empty cell, a negative amount, anything that is not a plain number, a thousands
 * separator the format does not allow (or grouped wrongly), and more decimals than the
 * currency has.
 */
export function toMinorUnits(text: string, currency: string, format: AmountFormat = CANONICAL_AMOUNT): AmountReading {
  const written = text.trim();
  if (written === '') return { ok: false, problem: 'an amount is required' };
  if (/^[-\u2212(]/.test(written)) return { ok: false, problem: `"${written}" is negative; amounts are never below zero` };

  const [whole, fraction, ...more] = written.split(format.decimal);
  if (more.length > 0) return { ok: false, problem: `"${written}" has more than one decimal separator "${format.decimal}"` };
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, problem: `"${written}" is not a number` };

  let digits = whole;
  const other = format.decimal === '.' ? ',' : '.';
  if (whole.includes(other)) {
    if (format.thousands !== other) {
      return format.thousands === null && other === ','
        ? { ok: false, problem: `"${written}" contains ","; write amounts without thousands separators, with "." before the decimals` }
        : { ok: false, problem: `"${written}" is not a number in this format (decimal separator "${format.decimal}")` };
    }
    if (!new RegExp(`^\\d{1,3}(\\${other}\\d{3})+$`).test(whole)) return { ok: false, problem: `"${written}" groups its thousands wrongly` };
    digits = whole.split(other).join('');
  }
  if (!/^\d+$/.test(digits)) return { ok: false, problem: `"${written}" is not a number` };

  const places = minorUnitDigits(currency);
  let decimals = fraction ?? '';
  if (decimals.length > places) {
    const extra = decimals.slice(places);
    if (!format.padZeros || /[^0]/.test(extra)) {
      return {
        ok: false,
        problem: places === 0 ? `"${written}" has decimals, but ${currency} has no minor unit` : `"${written}" has ${decimals.length} decimals; ${currency} has ${places}`,
      };
    }
    decimals = decimals.slice(0, places);
  }
  const integer = digits.replace(/^0+(?=\d)/, '');
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, problem: `"${written}" is too large` };
  const minor = Number(integer + decimals.padEnd(places, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: `"${written}" is too large` };
  return { ok: true, minor };
}
