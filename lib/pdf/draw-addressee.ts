import type { PDFPage } from 'pdf-lib';
import type { PdfCustomer } from './documents';
import { drawText } from './draw-text';
import { COLORS, LEFT, RIGHT, SMALL_SIZE, TEXT_SIZE } from './page-layout';
import type { PdfFonts } from './pdf-fonts';
import { wrapText } from './wrap-text';

export interface Addressee {
  /** "Bill to". */
  label: string;
  customer: PdfCustomer;
  /** The one figure the reader is looking for, shown in a box beside the address: "Balance due", "Total due". */
  amountLabel: string;
  amount: string;
  /** Under the amount, e.g. "Due December 1, 2026". */
  note: string;
}

const ADDRESS_WIDTH = 280;
const NAME_SIZE = 11;
const BOX_WIDTH = 200;
const BOX_HEIGHT = 64;
const LINE = 12.5;
/** A postal address fits in six lines; more is data entry gone wrong, and would push the table down. */
const MAX_ADDRESS_LINES = 6;

/** Draws the customer's name and address on the left and the amount box on the right; returns the y below both. */
export function drawAddressee(page: PDFPage, fonts: PdfFonts, addressee: Addressee, top: number): number {
  let y = top;
  drawText(page, fonts, addressee.label, { x: LEFT, y: y - SMALL_SIZE, size: SMALL_SIZE, bold: true, color: COLORS.muted });
  y -= SMALL_SIZE + 6;
  for (const line of wrapText(fonts, addressee.customer.name, { size: NAME_SIZE, width: ADDRESS_WIDTH, bold: true, maxLines: 2 })) {
    drawText(page, fonts, line, { x: LEFT, y: y - NAME_SIZE, size: NAME_SIZE, bold: true, width: ADDRESS_WIDTH });
    y -= NAME_SIZE + 3;
  }
  y -= 2;
  for (const line of addressee.customer.addressLines.slice(0, MAX_ADDRESS_LINES)) {
    drawText(page, fonts, line, { x: LEFT, y: y - TEXT_SIZE, size: TEXT_SIZE, width: ADDRESS_WIDTH });
    y -= LINE;
  }

  const boxX = RIGHT - BOX_WIDTH;
  const inner = { x: boxX + 12, width: BOX_WIDTH - 24 };
  page.drawRectangle({ x: boxX, y: top - BOX_HEIGHT, width: BOX_WIDTH, height: BOX_HEIGHT, color: COLORS.fill });
  drawText(page, fonts, addressee.amountLabel, { ...inner, y: top - 17, size: 8.5, bold: true, color: COLORS.muted });
  drawText(page, fonts, addressee.amount, { ...inner, y: top - 39, size: 17, bold: true });
  drawText(page, fonts, addressee.note, { ...inner, y: top - 54, size: 8.5, color: COLORS.muted });
  return Math.min(y, top - BOX_HEIGHT) - 22;
}
