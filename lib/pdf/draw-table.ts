import type { PDFPage } from 'pdf-lib';
import { drawRules, type Rule } from './draw-rules';
import { drawTextRow } from './draw-text';
import { BODY_BOTTOM, COLORS, type Cursor } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

export interface TableColumn {
  header: string;
  width: number;
  /** Amounts go right so their digits line up. */
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
}

export interface Table {
  x: number;
  columns: TableColumn[];
  rows: TableRow[];
  /** The cells' size (default TABLE_FONT_SIZE; the header is half a point smaller): wide reports print smaller. */
  size?: number;
}

export const TABLE_FONT_SIZE = 9;
/** The header prints this much smaller than the cells. */
const HEADER_SMALLER = 0.5;
export const TABLE_HEADER_SIZE = TABLE_FONT_SIZE - HEADER_SMALLER;
/** Space between a cell's text and its column edges, on each side. */
export const CELL_PADDING = 5;
const HEADER_HEIGHT = 19;
const ROW_HEIGHT = 17;

/**
 * Draws a table from the cursor down, one line per row; a cell too long for its column is cut with "…" rather
 * than overlapping its neighbour. When a row would cross the bottom margin it continues on `nextPage()`, and the
 * header row is drawn again there so every page of a long document can be read on its own.
 */
export function drawTable(start: Cursor, fonts: PdfFonts, table: Table, nextPage: () => Cursor): Cursor {
  const pages = drawTablePages(start, fonts, table, nextPage);
  for (;;) {
    const step = pages.next();
    if (step.done) return step.value;
  }
}

// A header alone at the foot of a page says nothing: the table starts on the next page unless a row fits under it.
const headerFits = (y: number) => y - HEADER_HEIGHT - ROW_HEIGHT >= BODY_BOTTOM;
const rowFits = (y: number) => y - ROW_HEIGHT >= BODY_BOTTOM;

/**
 * How many pages drawTable fills with `rows` rows from `y` on the first page, each next page starting at `top`:
 * a document numbered "Page X of Y" while it is still being drawn needs Y before its first page is sent.
 */
export function tablePageCount(y: number, rows: number, top: number): number {
  let pages = 1;
  if (!headerFits(y)) [pages, y] = [pages + 1, top];
  y -= HEADER_HEIGHT;
  for (let i = 0; i < rows; i++) {
    if (!rowFits(y)) [pages, y] = [pages + 1, top - HEADER_HEIGHT];
    y -= ROW_HEIGHT;
  }
  return pages;
}

/**
 * drawTable, page by page: yields each page once the table has moved past it (so it can be finished and sent
 * while the rest is drawn) and returns the cursor under the last row.
 */
export function* drawTablePages(start: Cursor, fonts: PdfFonts, table: Table, nextPage: () => Cursor): Generator<PDFPage, Cursor> {
  const width = table.columns.reduce((sum, column) => sum + column.width, 0);
  let { page, y } = start;

  const drawCells = (cells: string[], top: number, height: number, size: number, bold: boolean) => {
    let x = table.x;
    const pieces = table.columns.map((column, i) => {
      const piece = { text: cells[i] ?? '', x: x + CELL_PADDING, width: column.width - 2 * CELL_PADDING, align: column.align };
      x += column.width;
      return piece;
    });
    drawTextRow(page, fonts, pieces, { y: top - height / 2 - size * 0.35, size, bold });
  };

  const drawHeader = () => {
    page.drawRectangle({ x: table.x, y: y - HEADER_HEIGHT, width, height: HEADER_HEIGHT, color: COLORS.fill });
    page.drawLine({
      start: { x: table.x, y: y - HEADER_HEIGHT },
      end: { x: table.x + width, y: y - HEADER_HEIGHT },
      thickness: 0.75,
      color: COLORS.rule,
    });
    drawCells(
      table.columns.map((column) => column.header),
      y,
      HEADER_HEIGHT,
      (table.size ?? TABLE_FONT_SIZE) - HEADER_SMALLER,
      true,
    );
    y -= HEADER_HEIGHT;
  };

  // The rules under this page's rows, drawn as one path when the page is left.
  let rules: Rule[] = [];
  const drawRowRules = () => {
    drawRules(page, rules, { thickness: 0.5, color: COLORS.faintRule });
    rules = [];
  };

  // Moves on to the next page and hands back the one left.
  const breakPage = function* () {
    const done = page;
    ({ page, y } = nextPage());
    yield done;
  };

  if (!headerFits(y)) yield* breakPage();
  drawHeader();
  for (const row of table.rows) {
    if (!rowFits(y)) {
      drawRowRules();
      yield* breakPage();
      drawHeader();
    }
    drawCells(row.cells, y, ROW_HEIGHT, table.size ?? TABLE_FONT_SIZE, row.bold ?? false);
    rules.push({ x: table.x, y: y - ROW_HEIGHT, width });
    y -= ROW_HEIGHT;
  }
  drawRowRules();
  return { page, y };
}
