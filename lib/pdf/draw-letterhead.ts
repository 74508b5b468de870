import type { PDFImage, PDFPage } from 'pdf-lib';
import type { PdfCompany } from './documents';
import { drawText } from './draw-text';
import { COLORS, LEFT, RIGHT, SMALL_SIZE, TEXT_SIZE, TOP } from './page-layout';
import type { PdfFonts } from './pdf-fonts';
import { wrapText } from './wrap-text';

export interface Letterhead {
  company: PdfCompany;
  logo: PDFImage | null;
  /** "INVOICE", "STATEMENT". */
  title: string;
  /** Printed under the title, e.g. the invoice number. */
  reference?: string;
  /** Label and value pairs under the title: dates, location, currency. */
  facts: [label: string, value: string][];
}

const LOGO_WIDTH = 120;
const LOGO_HEIGHT = 48;
const LEFT_WIDTH = 250;
const RIGHT_WIDTH = 250;
const LABEL_WIDTH = 85;
const NAME_SIZE = 14;
const LINE = 12.5;
/** A remit-to block is a postal address; past this many lines it is data entry gone wrong, not address. */
const MAX_REMIT_LINES = 6;

/**
 * Draws the top of a document's first page: logo, company name and remit-to address on the left, title,
 * reference and facts on the right. Returns the y below the taller of the two columns.
 */
export function drawLetterhead(page: PDFPage, fonts: PdfFonts, head: Letterhead): number {
  let left = TOP;
  if (head.logo) {
    const { width, height } = head.logo.scaleToFit(LOGO_WIDTH, LOGO_HEIGHT);
    page.drawImage(head.logo, { x: LEFT, y: left - height, width, height });
    left -= height + 12;
  }
  // Legal names can be long ("… GmbH & Co. KG"); a second line beats cutting the name of the issuer.
  for (const line of wrapText(fonts, head.company.name, { size: NAME_SIZE, width: LEFT_WIDTH, bold: true, maxLines: 2 })) {
    drawText(page, fonts, line, { x: LEFT, y: left - NAME_SIZE, size: NAME_SIZE, bold: true, width: LEFT_WIDTH });
    left -= NAME_SIZE + 4;
  }
  left -= 4;

  const remit = (head.company.remitTo ?? '')
    .split(/\r?\n/)
    .map((line) => fonts.printable(line))
    .filter((line) => line !== '')
    .slice(0, MAX_REMIT_LINES);
  if (remit.length > 0) {
    left -= 6;
    drawText(page, fonts, 'Remit to', { x: LEFT, y: left - SMALL_SIZE, size: SMALL_SIZE, bold: true, color: COLORS.muted });
    left -= SMALL_SIZE + 5;
    for (const line of remit) {
      drawText(page, fonts, line, { x: LEFT, y: left - TEXT_SIZE, size: TEXT_SIZE, width: LEFT_WIDTH });
      left -= LINE;
    }
  }

  const rightX = RIGHT - RIGHT_WIDTH;
  let right = TOP;
  drawText(page, fonts, head.title, { x: rightX, y: right - 20, size: 22, bold: true, width: RIGHT_WIDTH, align: 'right' });
  right -= 30;
  if (head.reference) {
    drawText(page, fonts, head.reference, { x: rightX, y: right - 11, size: 11, bold: true, width: RIGHT_WIDTH, align: 'right' });
    right -= 22;
  }
  right -= 4;
  for (const [label, value] of head.facts) {
    drawText(page, fonts, label, { x: rightX, y: right - TEXT_SIZE, size: TEXT_SIZE, color: COLORS.muted, width: LABEL_WIDTH });
    drawText(page, fonts, value, {
      x: rightX + LABEL_WIDTH,
      y: right - TEXT_SIZE,
      size: TEXT_SIZE,
      width: RIGHT_WIDTH - LABEL_WIDTH,
      align: 'right',
    });
    right -= LINE + 2;
  }
  return Math.min(left, right) - 20;
}
