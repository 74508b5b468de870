import type { PDFPage } from 'pdf-lib';
import { drawText } from './draw-text';
import { COLORS, CONTENT_WIDTH, FOOTER_Y, LEFT, SMALL_SIZE } from './page-layout';
import type { PdfFonts } from './pdf-fonts';
import { wrapText } from './wrap-text';

/** Leaves room on the right for "Page X of Y". */
const FOOTER_WIDTH = CONTENT_WIDTH - 120;
const LINE_HEIGHT = 10;

/** Writes a short note at the foot of every page of a document, the place a reader looks for payment instructions. */
export function drawFooter(pages: readonly PDFPage[], fonts: PdfFonts, text: string): void {
  // Two lines hold a full remit-to address at this size; the bottom margin has room for no more.
  const lines = wrapText(fonts, text, { size: SMALL_SIZE, width: FOOTER_WIDTH, maxLines: 2 });
  for (const page of pages) {
    lines.forEach((line, i) => {
      drawText(page, fonts, line, {
        x: LEFT,
        y: FOOTER_Y - i * LINE_HEIGHT,
        size: SMALL_SIZE,
        color: COLORS.muted,
        width: FOOTER_WIDTH,
      });
    });
  }
}
