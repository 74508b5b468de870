import type { PDFDocument, PDFPage } from 'pdf-lib';
import { drawText } from './draw-text';
import { COLORS, CONTENT_WIDTH, LEFT, PAGE_SIZE, RIGHT, TOP, type Cursor } from './page-layout';
import type { PdfFonts } from './pdf-fonts';

export interface DocumentPages {
  /** This document's pages so far, in order: what its page numbers and footer are stamped on. */
  readonly pages: PDFPage[];
  /** Adds the first page; the caller draws the full letterhead on it. */
  first(): PDFPage;
  /** Adds a continuation page with a running header and returns where its body starts. */
  next(): Cursor;
}

/**
 * Tracks the pages of one document inside a merged PDF. Continuation pages repeat the company and the document's
 * title, so a page that comes loose from the stack still says whose it is.
 */
export function startDocumentPages(doc: PDFDocument, fonts: PdfFonts, running: { company: string; title: string }): DocumentPages {
  const pages: PDFPage[] = [];
  const add = () => {
    const page = doc.addPage(PAGE_SIZE);
    pages.push(page);
    return page;
  };
  return {
    pages,
    first: add,
    next() {
      const page = add();
      // The title (whose document this is) gets the larger share of the line.
      const companyWidth = CONTENT_WIDTH * 0.4;
      const titleWidth = CONTENT_WIDTH - companyWidth - 12;
      drawText(page, fonts, running.company, { x: LEFT, y: TOP - 10, size: 10, bold: true, width: companyWidth });
      drawText(page, fonts, running.title, { x: RIGHT - titleWidth, y: TOP - 10, size: 10, color: COLORS.muted, width: titleWidth, align: 'right' });
      page.drawLine({ start: { x: LEFT, y: TOP - 18 }, end: { x: RIGHT, y: TOP - 18 }, thickness: 0.75, color: COLORS.rule });
      return { page, y: TOP - 32 };
    },
  };
}
