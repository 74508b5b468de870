import { PageSizes, rgb, type PDFPage } from 'pdf-lib';

/** Where drawing continues: the page, and y of the top edge of the next block (PDF y grows upwards). */
export interface Cursor {
  page: PDFPage;
  y: number;
}

// US Letter, 612 x 792 pt.
export const PAGE_SIZE: [number, number] = PageSizes.Letter;
export const PAGE_WIDTH = PAGE_SIZE[0];
export const PAGE_HEIGHT = PAGE_SIZE[1];
export const MARGIN = 48;
export const LEFT = MARGIN;
export const RIGHT = PAGE_WIDTH - MARGIN;
export const CONTENT_WIDTH = RIGHT - LEFT;
export const TOP = PAGE_HEIGHT - MARGIN;
/** Lowest y body content may reach: below it sit the footer line and the page number. */
export const BODY_BOTTOM = MARGIN + 30;
/** Baseline of the footer line and the page number. */
export const FOOTER_Y = MARGIN - 8;

export const TEXT_SIZE = 9.5;
export const SMALL_SIZE = 8;

export const COLORS = {
  text: rgb(0.12, 0.13, 0.15),
  muted: rgb(0.42, 0.45, 0.5),
  rule: rgb(0.82, 0.84, 0.87),
  faintRule: rgb(0.91, 0.92, 0.94),
  fill: rgb(0.95, 0.96, 0.97),
};
