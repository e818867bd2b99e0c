import PDFDocument from 'pdfkit';
import type { CampaignSummary } from '../domain/rules/campaign-summary';
import { csvLine } from '../domain/rules/csv-text';
import { formatMoney } from '../domain/rules/money-format';

/**
 * A campaign's summary (recorded when it ends: libs/domain/rules/campaign-summary.ts) as a CSV
 * and a PDF, like the monthly reports: the same lines in both.
 */

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export function campaignSummaryLines(summary: CampaignSummary): [string, string][] {
  const money = (minor: number) => formatMoney(minor, summary.currency);
  return [
    ['Collaborations booked', String(summary.bookings)],
    ...Object.entries(summary.byOutcome).map(([stage, count]): [string, string] => [`Ended ${stage}`, String(count)]),
    ['Billed to the brand', money(summary.billedMinor)],
    ['Creator fees paid', money(summary.feesPaidMinor)],
    ['Kill fees', money(summary.killFeesMinor)],
    ['Margin', summary.marginBps === null ? 'not measurable (nothing billed)' : `${summary.marginBps / 100} %`],
    ['Escalations', String(summary.escalations)],
  ];
}

export function campaignSummaryCsv(name: string, summary: CampaignSummary): string {
  const rows = [
    csvLine(['campaign', 'item', 'value', 'currency', 'minor_units']),
    csvLine([name, 'collaborations', summary.bookings, null, null]),
    ...Object.entries(summary.byOutcome).map(([stage, count]) => csvLine([name, `ended_${stage.toLowerCase()}`, count, null, null])),
    csvLine([name, 'billed', formatMoney(summary.billedMinor, summary.currency), summary.currency, summary.billedMinor]),
    csvLine([name, 'fees_paid', formatMoney(summary.feesPaidMinor, summary.currency), summary.currency, summary.feesPaidMinor]),
    csvLine([name, 'kill_fees', formatMoney(summary.killFeesMinor, summary.currency), summary.currency, summary.killFeesMinor]),
    csvLine([name, 'margin_bps', summary.marginBps, null, null]),
    csvLine([name, 'escalations', summary.escalations, null, null]),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

export function campaignSummaryPdf(name: string, summary: CampaignSummary): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Campaign summary — ${name}`, Author: 'CreatorOps' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(16).text(`Campaign summary — ${name}`).moveDown(0.6).font('body').fontSize(10);
  for (const [item, value] of campaignSummaryLines(summary)) doc.text(`${item}: ${value}`);
  doc.end();
  return done;
}
