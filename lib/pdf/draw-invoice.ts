import type { PDFDocument, PDFImage } from 'pdf-lib';
import { formatMoney } from '@/lib/money/currency';
import type { InvoiceDocument } from './documents';
import { drawAddressee } from './draw-addressee';
import { drawFooter } from './draw-footer';
import { drawLetterhead } from './draw-letterhead';
import { CELL_PADDING, drawTable, type TableColumn, type TableRow } from './draw-table';
import { drawTotals } from './draw-totals';
import { startDocumentPages } from './document-pages';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { stampPageNumbers } from './page-numbers';
import { CONTENT_WIDTH, LEFT, RIGHT } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

const AMOUNT_WIDTH = 100;
const COLUMNS: TableColumn[] = [
  { header: 'Description', width: CONTENT_WIDTH - 60 - 2 * AMOUNT_WIDTH },
  { header: 'Qty', width: 60, align: 'right' },
  { header: 'Unit price', width: AMOUNT_WIDTH, align: 'right' },
  { header: 'Amount', width: AMOUNT_WIDTH, align: 'right' },
];

/** Lays out one invoice on new pages at the end of `doc`: as many as its lines need, numbered on their own. */
export function drawInvoice(doc: PDFDocument, fonts: PdfFonts, invoice: InvoiceDocument, logo: PDFImage | null): void {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const pages = startDocumentPages(doc, fonts, {
    company: invoice.company.name,
    title: `Invoice ${invoice.number} (continued)`,
  });
  const page = pages.first();
  const dueDate = formatCalendarDate(invoice.dueDate);

  let y = drawLetterhead(page, fonts, {
    company: invoice.company,
    logo,
    title: 'INVOICE',
    reference: invoice.number,
    facts: [
      ['Invoice date', formatCalendarDate(invoice.invoiceDate)],
      ['Due date', dueDate],
      ['Location', invoice.locationName],
      ['Currency', invoice.currency],
    ],
  });
  y = drawAddressee(
    page,
    fonts,
    {
      label: 'Bill to',
      customer: invoice.customer,
      amountLabel: 'Balance due',
      amount: money(invoice.balanceMinor),
      note: invoice.balanceMinor > 0 ? `Due ${dueDate}` : 'Paid in full. Thank you.',
    },
    y,
  );

  // An invoice imported without line detail still needs a body that shows what is charged.
  const rows: TableRow[] =
    invoice.lines.length > 0
      ? invoice.lines.map((line) => ({
          cells: [line.description, line.quantity, money(line.unitPriceMinor), money(line.lineTotalMinor)],
        }))
      : [{ cells: ['Invoice total', '', '', money(invoice.amountMinor)] }];
  const afterTable = drawTable({ page, y }, fonts, { x: LEFT, columns: COLUMNS, rows }, pages.next);

  drawTotals(
    afterTable,
    fonts,
    [
      { label: 'Total', value: money(invoice.amountMinor) },
      { label: 'Amount paid', value: money(invoice.amountMinor - invoice.balanceMinor) },
      { label: 'Balance due', value: money(invoice.balanceMinor), emphasis: true },
    ],
    RIGHT - CELL_PADDING,
    pages.next,
  );
  drawFooter(pages.pages, fonts, `Please quote invoice ${invoice.number} with your payment. Thank you for your business.`);
  stampPageNumbers(pages.pages, fonts);
}
