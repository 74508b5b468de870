import { PDFDocument, PageSizes, type PDFPage } from 'pdf-lib';
import { drawTable, type TableColumn } from '@/lib/pdf/draw-table';
import { drawText } from '@/lib/pdf/draw-text';
import { COLORS, FOOTER_Y, MARGIN, SMALL_SIZE, TEXT_SIZE } from '@/lib/pdf/page-layout';
import { embedPdfFonts } from '@/lib/pdf/pdf-fonts';
import { formatMoney } from '@/lib/money/currency';
import { shareText, type ReportCell, type TabularReport } from './tabular-report';

/** Most rows a PDF report holds: beyond it, use CSV or Excel, or narrow the filters. */
export const PDF_MAX_ROWS = 5_000;

// US Letter, landscape.
const [WIDTH, HEIGHT] = [PageSizes.Letter[1], PageSizes.Letter[0]];
const CONTENT = WIDTH - 2 * MARGIN;

/**
 * The report as a landscape PDF: the company and title, the filters, the table with its header on every page,
 * the footer rows in bold, and "Page X of Y" on each page. Laid out in memory, so it is for reports of at most
 * PDF_MAX_ROWS rows (the caller checks the count first).
 */
export async function writePdf(report: TabularReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${report.company}: ${report.title}`);
  const fonts = await embedPdfFonts(doc);
  const pages: PDFPage[] = [];
  const newPage = () => {
    const page = doc.addPage([WIDTH, HEIGHT]);
    pages.push(page);
    return page;
  };
  const first = newPage();
  let y = HEIGHT - MARGIN;
  drawText(first, fonts, report.company, { x: MARGIN, y: y - 14, size: 14, bold: true });
  drawText(first, fonts, report.title, { x: MARGIN, y: y - 32, size: 12 });
  y -= 48;
  for (const [label, value] of report.filters) {
    drawText(first, fonts, `${label}: ${value}`, { x: MARGIN, y: y - TEXT_SIZE, size: TEXT_SIZE, color: COLORS.muted, width: CONTENT });
    y -= TEXT_SIZE + 4;
  }
  y -= 10;
  const totalWidth = report.columns.reduce((t, c) => t + c.width, 0);
  const columns: TableColumn[] = report.columns.map((c) => ({
    header: c.header,
    width: (c.width / totalWidth) * CONTENT,
    align: c.kind === 'text' || c.kind === 'date' ? 'left' : 'right',
  }));
  const text = (cells: ReportCell[]) =>
    cells.map((value, i) => {
      const kind = report.columns[i]?.kind;
      if (value === null) return '';
      if (typeof value === 'string') return value;
      if (typeof value === 'object') return shareText(value.share);
      if (kind === 'money') return formatMoney(value, report.currency);
      if (kind === 'share') return shareText(value);
      return value.toLocaleString('en-US');
    });
  const rows: { cells: string[]; bold?: boolean }[] = [];
  for await (const batch of report.rows) for (const cells of batch) rows.push({ cells: text(cells) });
  for (const cells of report.footer()) rows.push({ cells: text(cells), bold: true });
  drawTable({ page: first, y }, fonts, { x: MARGIN, columns, rows }, () => ({ page: newPage(), y: HEIGHT - MARGIN }));
  pages.forEach((page, i) => {
    drawText(page, fonts, `${report.company} · ${report.title}`, {
      x: MARGIN,
      y: FOOTER_Y,
      size: SMALL_SIZE,
      color: COLORS.muted,
      width: CONTENT - 120,
    });
    drawText(page, fonts, `Page ${i + 1} of ${pages.length}`, {
      x: WIDTH - MARGIN - 100,
      y: FOOTER_Y,
      size: SMALL_SIZE,
      color: COLORS.muted,
      width: 100,
      align: 'right',
    });
  });
  return doc.save();
}
