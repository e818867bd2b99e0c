/**
 * CSV as people's spreadsheets read it (RFC 4180): a field with a comma, a quote or a line
 * break is quoted, quotes doubled; and a field a spreadsheet would run as a formula (starting
 * with =, +, - or @ followed by a letter) is prefixed with a quote, so an exported name can
 * never execute.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
