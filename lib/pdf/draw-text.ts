import { degrees, drawText as textOperators, type Color, type PDFFont, type PDFName, type PDFPage } from 'pdf-lib';
import { COLORS } from './page-layout';
import type { PdfFace, PdfFonts } from './pdf-fonts';

export interface TextOptions {
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  bold?: boolean;
  color?: Color;
  /** The box the text must stay in; longer text is cut and ends in "…". Without it the text is drawn whole. */
  width?: number;
  /** Position within `width` (right: the text ends at x + width). */
  align?: 'left' | 'right' | 'center';
}

const ELLIPSIS = '…';
const UPRIGHT = degrees(0);

// page.drawText({ font }) adds the font to the page's resources under a fresh name on every call (pdf-lib
// issue #226): hundreds of entries per page and a quadratic search for a free name. One name per face per page.
const fontNames = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontName(page: PDFPage, font: PDFFont): PDFName {
  let names = fontNames.get(page);
  if (!names) fontNames.set(page, (names = new Map()));
  let name = names.get(font);
  if (!name) names.set(font, (name = page.node.newFontDictionary(font.name, font.ref)));
  return name;
}

/** `text`, or its longest prefix that fits `width` with "…" appended. */
function fitToWidth(face: PdfFace, text: string, size: number, width: number): string {
  if (face.width(text, size) <= width) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS;
    if (face.width(candidate, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? ELLIPSIS : chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/**
 * Draws one line of text after passing it through the fonts' printable filter, so no caller can hand pdf-lib
 * a line break or a character the font cannot show.
 */
export function drawText(page: PDFPage, fonts: PdfFonts, text: string, options: TextOptions): void {
  const face = options.bold ? fonts.bold : fonts.regular;
  const { size, width } = options;
  let line = fonts.printable(text);
  if (line === '') return;
  let x = options.x;
  if (width !== undefined) {
    line = fitToWidth(face, line, size, width);
    const align = options.align ?? 'left';
    if (align !== 'left') {
      const slack = width - face.width(line, size);
      x += align === 'right' ? slack : slack / 2;
    }
  }
  page.pushOperators(
    ...textOperators(face.font.encodeText(line), {
      x,
      y: options.y,
      size,
      font: fontName(page, face.font),
      color: options.color ?? COLORS.text,
      rotate: UPRIGHT,
      xSkew: UPRIGHT,
      ySkew: UPRIGHT,
    }),
  );
}
