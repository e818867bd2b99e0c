/**
 * An amount in integer minor units (money.ts) as people read it: the ISO 4217 code, a plain
 * space, the major units grouped in thousands and the minor units after the point, as many
 * digits as the currency has ("INR 17,500.00", "JPY 1,500", "KWD 1.234"); a negative amount
 * as Intl writes it in en-US, "-INR 5.00".
 *
 * One formatter for the server (replacement rankings) and the back office's components
 * (money.tsx, dashboard.tsx, bundled for the browser): pure, no Node built-ins.
 *
 * Intl (en-US) places the code and groups the digits; the split into major and minor units is
 * integer arithmetic, exact for every safe integer (no float division of the amount). A code
 * Intl refuses, or an amount that is not a safe integer, is shown as it is:
 * `${amountMinor} ${currency} (minor units)`.
 */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = currencyFormat(currency);
  if (!format || !Number.isSafeInteger(amountMinor)) return `${amountMinor} ${currency} (minor units)`;
  const digits = minorUnitDigits(currency);
  const scale = 10 ** digits;
  const magnitude = Math.abs(amountMinor);
  const minor = magnitude % scale; // exact for integers
  const major = (magnitude - minor) / scale; // an exact multiple of scale: the quotient is exact too
  const text = format
    .formatToParts(major)
    .map((part) => (part.type === 'fraction' ? String(minor).padStart(digits, '0') : part.value))
    .join('')
    // Intl separates the code from the number with a no-break space (U+00A0, or U+202F).
    .replace(/[\u00a0\u202f]/g, ' ');
  return amountMinor < 0 ? `-${text}` : text;
}

/**
 * How many digits a currency's minor unit has, as ISO 4217 defines it (amounts are kept in ISO
 * minor units, money.ts): 2 unless listed. Not Intl's `maximumFractionDigits`: that is CLDR's
 * display precision, which leaves out the minor units of some currencies (IDR, HUF, COP, PKR,
 * IQD… 17 codes in Node 20's ICU) and changes between ICU versions (RSD: 2 in Node 20, 0 in
 * Chromium 156), so 100000 IDR minor units would read "IDR 100,000" instead of "IDR 1,000.00",
 * and the server and the browser could disagree.
 */
export function minorUnitDigits(currency: string): number {
  return ISO_4217_MINOR_UNITS[String(currency).toUpperCase()] ?? 2;
}

/** ISO 4217 currencies whose minor unit is not two digits (funds and metals without one: 2). */
const ISO_4217_MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const formats = new Map<string, Intl.NumberFormat>();

/** The en-US currency format of a code, with its ISO digits; undefined for a code Intl refuses. */
function currencyFormat(currency: string): Intl.NumberFormat | undefined {
  if (typeof currency !== 'string') return undefined;
  let format = formats.get(currency);
  if (!format) {
    const digits = minorUnitDigits(currency);
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      return undefined; // not a well-formed currency code ("RUPEES", "")
    }
    formats.set(currency, format);
  }
  return format;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * An amount on a chart's axis: the code and the major units, compact ("INR 80M", "INR 2.5K"), so
 * a tick fits beside the axis and still says its unit. Never for a figure people read alone.
 */
export function formatMoneyTick(amountMinor: number, currency: string): string {
  if (!Number.isFinite(amountMinor)) return `${amountMinor} ${currency} (minor units)`;
  return `${currency} ${compact.format(amountMinor / 10 ** minorUnitDigits(currency))}`;
}
