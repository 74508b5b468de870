import { drawText } from './draw-text';
import { BODY_BOTTOM, COLORS, type Cursor } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

export interface TotalLine {
  label: string;
  value: string;
  /** The amount the reader acts on; it gets a rule above it and bold type. */
  emphasis?: boolean;
}

const LINE_HEIGHT = 17;
const LABEL_WIDTH = 140;
const VALUE_WIDTH = 110;

/**
 * Draws label/amount lines under a table with the amounts ending at `valueRight`, so they line up with the
 * table's amount column. The block is never split: if it does not fit it moves whole to `nextPage()`.
 */
export function drawTotals(start: Cursor, fonts: PdfFonts, lines: TotalLine[], valueRight: number, nextPage: () => Cursor): Cursor {
  const height = 8 + lines.reduce((sum, line) => sum + LINE_HEIGHT + (line.emphasis ? 4 : 0), 0);
  const { page, y: top } = start.y - height < BODY_BOTTOM ? nextPage() : start;
  let y = top - 8;
  const labelX = valueRight - VALUE_WIDTH - LABEL_WIDTH;
  for (const line of lines) {
    const size = line.emphasis ? 10.5 : 9.5;
    if (line.emphasis) {
      page.drawLine({ start: { x: labelX, y: y - 2 }, end: { x: valueRight, y: y - 2 }, thickness: 1, color: COLORS.text });
      y -= 4;
    }
    const baseline = y - LINE_HEIGHT / 2 - size * 0.35;
    const common = { y: baseline, size, bold: line.emphasis ?? false };
    drawText(page, fonts, line.label, { ...common, x: labelX, width: LABEL_WIDTH });
    drawText(page, fonts, line.value, { ...common, x: valueRight - VALUE_WIDTH, width: VALUE_WIDTH, align: 'right' });
    y -= LINE_HEIGHT;
  }
  return { page, y };
}
