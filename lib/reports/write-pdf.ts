import { PDFDocument, PageSizes, type PDFPage } from 'pdf-lib';
import { CELL_PADDING, drawTablePages, TABLE_FONT_SIZE, tablePageCount, type TableColumn } from '@/lib/pdf/draw-table';
import { drawText } from '@/lib/pdf/draw-text';
import { COLORS, FOOTER_Y, MARGIN, SMALL_SIZE, TEXT_SIZE } from '@/lib/pdf/page-layout';
import { embedPdfFonts, type PdfFonts } from '@/lib/pdf/pdf-fonts';
import { streamPdf } from '@/lib/pdf/stream-pdf';
import { formatMoney } from '@/lib/money/currency';
import { shareText, type ReportCell, type ReportColumn, type TabularReport } from './tabular-report';

/** Most rows a PDF report holds: beyond it, use CSV or Excel, or narrow the filters. */
export const PDF_MAX_ROWS = 5_000;

// US Letter, landscape.
const [WIDTH, HEIGHT] = [PageSizes.Letter[1], PageSizes.Letter[0]];
const CONTENT = WIDTH - 2 * MARGIN;

/** Down to this size a wide report's table keeps MIN_TEXT points for its names; below it, only figures count. */
const READABLE_SIZE = 7;
const MIN_TEXT = 150;
/** The smallest table text: figures too wide even here are scaled with every column. */
const MIN_SIZE = 5;

/**
 * The table's size and column widths: amounts, dates and numbers as wide as their widest cell or header, so a
 * figure is never cut (nor text marked whole), at the largest size from 9 points down where the text columns
 * keep room (150 points down to 7, then two points a unit of their relative width); they share what is left by their relative
 * widths, up to what they need, and longer names end in "…". Only when the figures alone overflow the page at 5
 * points is every column scaled down.
 */
function fitColumns(columns: ReportColumn[], rows: { cells: string[]; bold?: boolean }[], fonts: PdfFonts): { columns: TableColumn[]; size: number } {
  // Widths at 1 point: text scales with its size.
  const unit = columns.map((c, i) => {
    let widest = fonts.bold.width(fonts.printable(c.header), 1);
    for (const row of rows) widest = Math.max(widest, (row.bold ? fonts.bold : fonts.regular).width(fonts.printable(row.cells[i]!), 1));
    return widest;
  });
  const isText = columns.map((c) => c.kind === 'text' && !c.whole);
  const textUnits = columns.reduce((t, c, i) => t + (isText[i] ? c.width : 0), 0);
  const needAt = (size: number) => unit.map((u) => u * size + 2 * CELL_PADDING + 1);
  let size = TABLE_FONT_SIZE;
  const fixedAt = (s: number) => needAt(s).reduce((t, n, i) => t + (isText[i] ? 0 : n), 0);
  const textRoom = (s: number) => (textUnits === 0 ? 0 : s > READABLE_SIZE ? MIN_TEXT : textUnits * 2);
  while (size > MIN_SIZE && CONTENT - fixedAt(size) < textRoom(size)) size -= 0.5;
  const need = needAt(size);
  const left = CONTENT - fixedAt(size);
  let widths: number[];
  if (textUnits > 0 && left < textUnits * 2) {
    const units = columns.reduce((t, c) => t + c.width, 0);
    widths = columns.map((c) => (c.width / units) * CONTENT);
  } else {
    // Text columns up to their need, by their share of what is left; then the rest to those still wanting, then evenly.
    widths = columns.map((c, i) => (isText[i] ? Math.min(need[i]!, (c.width / textUnits) * left) : need[i]!));
    const spare = CONTENT - widths.reduce((t, w) => t + w, 0);
    const wanting = columns.map((_, i) => (isText[i] ? need[i]! - widths[i]! : 0));
    const wanted = wanting.reduce((t, w) => t + w, 0);
    const give = Math.min(spare, wanted);
    const rest = (spare - give) / columns.length;
    widths = widths.map((w, i) => w + (wanted > 0 ? (wanting[i]! / wanted) * give : 0) + rest);
  }
  return {
    size,
    columns: columns.map((c, i) => ({ header: c.header, width: widths[i]!, align: c.kind === 'text' || c.kind === 'date' ? 'left' : 'right' })),
  };
}

/**
 * The report as a landscape PDF: the company and title, the filters, the table with its header on every page,
 * the footer rows in bold, and "Page X of Y" on each page. The rows are read before the stream is returned
 * (column widths fit the widest cell, Y is counted from them, and a failed read is still an error response), so
 * it is for reports of at most PDF_MAX_ROWS rows (the caller checks the count first); then each page is sent as
 * soon as it is drawn.
 */
export async function writePdf(report: TabularReport): Promise<ReadableStream<Uint8Array>> {
  const { pages, finish, end } = await layOut(report);
  return new ReadableStream({
    async pull(controller) {
      const next = pages.next();
      controller.enqueue(await finish(next.value));
      if (!next.done) return;
      controller.enqueue(await end());
      controller.close();
    },
  });
}

interface Layout {
  /** Draws the table page by page, yielding each page it leaves; returns the last. */
  pages: Generator<PDFPage, PDFPage>;
  /** Stamps a drawn page's footer and returns its bytes. */
  finish(page: PDFPage): Promise<Uint8Array>;
  /** The rest of the file, once every page is finished. */
  end(): Promise<Uint8Array>;
}

async function layOut(report: TabularReport): Promise<Layout> {
  const shown = report.columns.flatMap((c, i) => (c.pdf === false ? [] : [i]));
  const text = (cells: ReportCell[]) =>
    shown.map((i) => {
      const value = cells[i] ?? null;
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
  // A column with nothing in it (no collector assigned anywhere, say) is left off the page.
  const filled = shown.flatMap((i, k) => (rows.some((r) => r.cells[k] !== '') ? [k] : []));
  const table = rows.map((r) => ({ ...r, cells: filled.map((k) => r.cells[k]!) }));

  const doc = await PDFDocument.create();
  doc.setTitle(`${report.company}: ${report.title}`);
  const fonts = await embedPdfFonts(doc);
  const { columns, size } = fitColumns(
    filled.map((k) => report.columns[shown[k]!]!),
    table,
    fonts,
  );
  const first = doc.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;
  drawText(first, fonts, report.company, { x: MARGIN, y: y - 14, size: 14, bold: true });
  drawText(first, fonts, report.title, { x: MARGIN, y: y - 32, size: 12 });
  y -= 48;
  for (const [label, value] of report.filters) {
    drawText(first, fonts, `${label}: ${value}`, { x: MARGIN, y: y - TEXT_SIZE, size: TEXT_SIZE, color: COLORS.muted, width: CONTENT });
    y -= TEXT_SIZE + 4;
  }
  y -= 10;
  const pageCount = tablePageCount(y, table.length, HEIGHT - MARGIN);
  const writer = streamPdf(doc);
  let numbered = 0;
  const finish = (page: PDFPage) => {
    numbered += 1;
    drawText(page, fonts, `${report.company} · ${report.title}`, {
      x: MARGIN,
      y: FOOTER_Y,
      size: SMALL_SIZE,
      color: COLORS.muted,
      width: CONTENT - 120,
    });
    drawText(page, fonts, `Page ${numbered} of ${pageCount}`, {
      x: WIDTH - MARGIN - 100,
      y: FOOTER_Y,
      size: SMALL_SIZE,
      color: COLORS.muted,
      width: 100,
      align: 'right',
    });
    return writer.page(page);
  };
  const pages = (function* () {
    const last = yield* drawTablePages({ page: first, y }, fonts, { x: MARGIN, columns, rows: table, size }, () => ({
      page: doc.addPage([WIDTH, HEIGHT]),
      y: HEIGHT - MARGIN,
    }));
    return last.page;
  })();
  return { pages, finish, end: () => writer.end() };
}
