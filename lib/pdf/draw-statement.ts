import type { PDFDocument, PDFImage } from 'pdf-lib';
import { formatMoney } from '@/lib/money/currency';
import type { StatementDocument } from './documents';
import { drawAddressee } from './draw-addressee';
import { drawAgingSummary } from './draw-aging-summary';
import { drawFooter } from './draw-footer';
import { drawLetterhead } from './draw-letterhead';
import { CELL_PADDING, drawTable, type TableColumn } from './draw-table';
import { drawText } from './draw-text';
import { drawTotals } from './draw-totals';
import { startDocumentPages } from './document-pages';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { stampPageNumbers } from './page-numbers';
import { BODY_BOTTOM, CONTENT_WIDTH, LEFT, RIGHT, type Cursor } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

const DATE_WIDTH = 76;
const AMOUNT_WIDTH = 92;
const DAYS_WIDTH = 86;
const COLUMNS: TableColumn[] = [
  { header: 'Invoice', width: CONTENT_WIDTH - 2 * DATE_WIDTH - 2 * AMOUNT_WIDTH - DAYS_WIDTH },
  { header: 'Invoice date', width: DATE_WIDTH },
  { header: 'Due date', width: DATE_WIDTH },
  { header: 'Original amount', width: AMOUNT_WIDTH, align: 'right' },
  { header: 'Balance', width: AMOUNT_WIDTH, align: 'right' },
  { header: 'Days past due', width: DAYS_WIDTH, align: 'right' },
];
const KIND_WIDTH = 86;
/** The unapplied money, its amounts under the invoices' Balance column. */
const CREDIT_COLUMNS: TableColumn[] = [
  { header: 'Received', width: DATE_WIDTH },
  { header: 'Kind', width: KIND_WIDTH },
  { header: 'Reference', width: CONTENT_WIDTH - DATE_WIDTH - KIND_WIDTH - AMOUNT_WIDTH - DAYS_WIDTH },
  { header: 'Unapplied', width: AMOUNT_WIDTH, align: 'right' },
  { header: '', width: DAYS_WIDTH },
];
const HEADING_SIZE = 11;
/** A section heading plus a table header and one row: less than this left on the page and the heading moves on. */
const HEADING_KEEP = 60;

function heading(cursor: Cursor, fonts: PdfFonts, text: string, nextPage: () => Cursor): Cursor {
  const { page, y } = cursor.y - HEADING_KEEP < BODY_BOTTOM ? nextPage() : cursor;
  drawText(page, fonts, text, { x: LEFT, y: y - HEADING_SIZE, size: HEADING_SIZE, bold: true });
  return { page, y: y - HEADING_SIZE - 9 };
}

/** Lays out one customer statement on new pages at the end of `doc`, numbered on their own. */
export function drawStatement(doc: PDFDocument, fonts: PdfFonts, statement: StatementDocument, logo: PDFImage | null): void {
  const money = (minor: number) => formatMoney(minor, statement.currency);
  const asOf = formatCalendarDate(statement.asOf);
  const unappliedMinor = statement.unapplied.reduce((sum, u) => sum + u.amountMinor, 0);
  const invoicesMinor = statement.totalMinor + unappliedMinor;
  const pages = startDocumentPages(doc, fonts, {
    company: statement.company.name,
    title: `Statement for ${statement.customer.name} (continued)`,
  });
  const page = pages.first();

  let y = drawLetterhead(page, fonts, {
    company: statement.company,
    logo,
    title: 'STATEMENT',
    facts: [
      ['Statement date', asOf],
      ['Currency', statement.currency],
    ],
  });
  y = drawAddressee(
    page,
    fonts,
    { label: 'Bill to', customer: statement.customer, amountLabel: 'Total due', amount: money(statement.totalMinor), note: `As of ${asOf}` },
    y,
  );

  let cursor = heading({ page, y }, fonts, 'Aging summary', pages.next);
  const buckets = statement.buckets.map((bucket) => ({ label: bucket.label, amount: money(bucket.amountMinor) }));
  cursor = drawAgingSummary(cursor, fonts, buckets, money(invoicesMinor), pages.next);

  cursor = heading({ page: cursor.page, y: cursor.y - 18 }, fonts, 'Open invoices', pages.next);
  if (statement.invoices.length === 0) {
    drawText(cursor.page, fonts, 'No open invoices.', { x: LEFT, y: cursor.y - 12, size: 9.5 });
    cursor = { page: cursor.page, y: cursor.y - 18 };
  } else {
    const rows = statement.invoices.map((invoice) => ({
      cells: [
        invoice.number,
        formatCalendarDate(invoice.invoiceDate, 'short'),
        formatCalendarDate(invoice.dueDate, 'short'),
        money(invoice.amountMinor),
        money(invoice.balanceMinor),
        invoice.daysPastDue > 0 ? String(invoice.daysPastDue) : 'Not due',
      ],
    }));
    cursor = drawTable(cursor, fonts, { x: LEFT, columns: COLUMNS, rows }, pages.next);
  }
  if (statement.unapplied.length > 0) {
    cursor = heading({ page: cursor.page, y: cursor.y - 18 }, fonts, 'Payments and credits not yet applied', pages.next);
    const rows = statement.unapplied.map((u) => ({
      cells: [formatCalendarDate(u.date, 'short'), u.kind === 'payment' ? 'Payment' : 'Credit note', u.detail, money(u.amountMinor), ''],
    }));
    cursor = drawTable(cursor, fonts, { x: LEFT, columns: CREDIT_COLUMNS, rows }, pages.next);
  }
  // Under the Balance column, whose figures it adds up; net of the unapplied money, as the aging page's Net total.
  const balanceRight = RIGHT - DAYS_WIDTH - CELL_PADDING;
  const totals =
    unappliedMinor > 0
      ? [
          { label: 'Open invoices', value: money(invoicesMinor) },
          { label: 'Less not yet applied', value: money(-unappliedMinor) },
        ]
      : [];
  drawTotals(cursor, fonts, [...totals, { label: 'Total due', value: money(statement.totalMinor), emphasis: true }], balanceRight, pages.next);

  const remitTo = (statement.company.remitTo ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (remitTo.length > 0) drawFooter(pages.pages, fonts, `Please remit payment to ${remitTo.join(', ')}`);
  stampPageNumbers(pages.pages, fonts);
}
