import PDFDocument from 'pdfkit';
import { csvLine } from '../domain/rules/csv-text';
import type { KpiRow } from '../domain/rules/kpi-board';
import { formatMoney } from '../domain/rules/money-format';
import type { TeamReport } from './team-report';

/**
 * The monthly team report as a PDF and a CSV: the same sections, the same figures. The PDF
 * embeds DejaVu Sans (from the dejavu-fonts-ttf package): PDF's built-in fonts have no ₹, ₱ or ₫.
 */

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;

/** A KPI value as people read it: shares and growth as percentages, money with its currency. */
export function kpiValue(unit: KpiRow['unit'], value: number | null, currency: string | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'share':
    case 'growth':
      return percent(value);
    case 'money':
      return formatMoney(value, currency ?? 'XXX');
    case 'rating':
      return `${Math.round(value * 10) / 10} of 5`;
    default:
      return String(Math.round(value * 100) / 100);
  }
}

/** "INR (₹)": the currency's code and sign, where the sign differs from the code. */
export function currencyLegend(currency: string): string {
  try {
    const sign = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((part) => part.type === 'currency')?.value;
    return sign && sign !== currency ? `${currency} (${sign})` : currency;
  } catch {
    return currency;
  }
}

const title = (report: TeamReport) => `Monthly report — team of ${report.manager.name} — ${report.period.label}`;

export function teamReportCsv(report: TeamReport): string {
  const lines = [csvLine(['section', 'item', 'currency', 'value', 'target', 'progress', 'note'])];
  lines.push(csvLine(['report', title(report), null, null, null, null, report.provisional ? 'provisional: returns may still arrive' : 'final']));
  for (const row of report.kpis) {
    lines.push(csvLine(['outcome', row.name, row.currency, row.actual, row.target, row.progress, row.met === null ? row.basis : `${row.met ? 'met' : 'missed'}; ${row.basis}`]));
  }
  for (const change of report.changes) {
    lines.push(csvLine(['change', change.name, change.currency, change.current, change.previous, change.change, 'value: this month; target column: last month; progress column: relative change']));
  }
  for (const [section, creators] of [['top creator', report.top], ['bottom creator', report.bottom]] as const) {
    for (const creator of creators) {
      lines.push(csvLine([section, creator.name, report.currency, report.currency ? (creator.nmv[report.currency] ?? null) : null, null, null, (creator.reasons ?? []).join('; ')]));
    }
  }
  for (const escalation of report.escalations) lines.push(csvLine(['escalations', escalation.kind, null, escalation.count, null, null, null]));
  for (const area of report.improvements) lines.push(csvLine(['improvement', area.kpi, null, null, null, null, `${area.finding} Action: ${area.action}`]));
  return `${lines.join('\r\n')}\r\n`;
}

export async function teamReportPdf(report: TeamReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: title(report), Author: 'CreatorOps' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3).font('body').fontSize(10);
  doc.font('bold').fontSize(16).text(title(report));
  doc.font('body').fontSize(9).fillColor('#555').text(
    `${report.members} people in the team · generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${report.provisional ? 'provisional: returns and cancellations may still arrive' : 'final'} · definitions: docs/metrics.md`,
  );
  const currencies = [...new Set(report.kpis.map((row) => row.currency).filter((c): c is string => c !== null))].sort();
  if (currencies.length) doc.text(`Amounts in minor-unit precision, per currency, never added across currencies: ${currencies.map(currencyLegend).join(', ')}.`);
  doc.fillColor('black');

  heading('Outcomes against targets');
  for (const row of report.kpis) {
    const name = row.currency ? `${row.name} (${row.currency})` : row.name;
    const target = row.target === null ? 'no target' : `target ${kpiValue(row.unit, row.target, row.currency)}`;
    const verdict = row.met === null ? '' : row.met ? ' — met' : ' — missed';
    doc.text(`${name}: ${kpiValue(row.unit, row.actual, row.currency)} (${target}${row.progress === null ? '' : `, ${percent(row.progress)} of target`}${verdict})`);
    doc.fillColor('#666').fontSize(8).text(`   ${row.basis}`).fillColor('black').fontSize(10);
  }

  heading('Changes since last month');
  for (const change of report.changes) {
    if (change.previous === null && change.current === null) continue;
    const name = change.currency ? `${change.name} (${change.currency})` : change.name;
    const moved = change.change === null ? '' : ` (${change.change >= 0 ? '+' : '−'}${percent(Math.abs(change.change))})`;
    doc.text(`${name}: ${kpiValue(change.unit, change.previous, change.currency)} → ${kpiValue(change.unit, change.current, change.currency)}${moved}`);
  }

  heading(`Top creators${report.currency ? ` (NMV in ${report.currency})` : ''}`);
  if (report.top.length === 0) doc.text('No creator had settled sales this month.');
  for (const creator of report.top) doc.text(`${creator.name} (${creator.owner}): ${(creator.reasons ?? []).join('; ')}`);
  heading('Bottom creators');
  if (report.bottom.length === 0) doc.text('No other active creators.');
  for (const creator of report.bottom) doc.text(`${creator.name} (${creator.owner}): ${(creator.reasons ?? []).join('; ')}`);

  heading('Escalations and rework');
  if (report.escalations.length === 0) doc.text('No escalations were raised this month.');
  for (const escalation of report.escalations) doc.text(`${escalation.kind}: ${escalation.count}`);
  const rework = report.kpis.find((row) => row.id === 'rework_rate');
  if (rework) doc.text(`Rework: ${kpiValue(rework.unit, rework.actual, null)} revision rounds per approved deliverable (${rework.basis}).`);

  heading('Improvement areas');
  if (report.improvements.length === 0) doc.text('Every KPI met its target or held its level.');
  for (const area of report.improvements) {
    doc.font('bold').text(area.finding).font('body').text(`Suggested action: ${area.action}`).moveDown(0.3);
  }
  doc.end();
  return done;
}
