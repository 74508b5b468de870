import { CELL_PADDING, TABLE_FONT_SIZE, TABLE_HEADER_SIZE, drawTable, type Table } from './draw-table';
import { CONTENT_WIDTH, LEFT, type Cursor } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

export interface AgingBucketLine {
  label: string;
  amount: string;
}

/**
 * The statement's aging summary. Printed across the page, one column per bucket and Total, when every label and
 * amount fits its column; a company scheme with many buckets or very large amounts gets one row per bucket
 * instead, because a cut-off amount would be worse than a longer page.
 */
export function drawAgingSummary(start: Cursor, fonts: PdfFonts, buckets: AgingBucketLine[], total: string, nextPage: () => Cursor): Cursor {
  const lines = [...buckets, { label: 'Total', amount: total }];
  const columnWidth = CONTENT_WIDTH / lines.length;
  const room = columnWidth - 2 * CELL_PADDING;
  const fits = lines.every(
    (line) =>
      fonts.bold.width(fonts.printable(line.label), TABLE_HEADER_SIZE) <= room &&
      fonts.regular.width(fonts.printable(line.amount), TABLE_FONT_SIZE) <= room,
  );
  const table: Table = fits
    ? {
        x: LEFT,
        columns: lines.map((line) => ({ header: line.label, width: columnWidth, align: 'right' })),
        rows: [{ cells: lines.map((line) => line.amount) }],
      }
    : {
        x: LEFT,
        columns: [
          { header: 'Aging period', width: 200 },
          { header: 'Amount', width: 120, align: 'right' },
        ],
        rows: lines.map((line, i) => ({ cells: [line.label, line.amount], bold: i === lines.length - 1 })),
      };
  return drawTable(start, fonts, table, nextPage);
}
