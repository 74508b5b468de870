import type { PDFPage } from 'pdf-lib';
import { drawText } from './draw-text';
import { COLORS, FOOTER_Y, RIGHT, SMALL_SIZE } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

const BOX_WIDTH = 100;

/**
 * Stamps "Page X of Y" at the foot of each page of one document. Takes that document's pages rather than the
 * whole PDF: a merged PDF is a stack of separate invoices or statements, each numbered on its own, and the
 * count is only known once the document has finished laying out.
 */
export function stampPageNumbers(pages: readonly PDFPage[], fonts: PdfFonts): void {
  pages.forEach((page, i) => {
    drawText(page, fonts, `Page ${i + 1} of ${pages.length}`, {
      x: RIGHT - BOX_WIDTH,
      y: FOOTER_Y,
      size: SMALL_SIZE,
      color: COLORS.muted,
      width: BOX_WIDTH,
      align: 'right',
    });
  });
}
