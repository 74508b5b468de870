import {
  beginText,
  endText,
  PDFOperator,
  PDFOperatorNames as Ops,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  showText,
  type Color,
  type PDFFont,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
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
  drawTextRow(page, fonts, [{ text, x: options.x, width: options.width, align: options.align }], options);
}

/** One piece of a row of text: where it starts and, optionally, the box it must stay in and its place there. */
export type TextPiece = { text: string } & Pick<TextOptions, 'x' | 'width' | 'align'>;

/**
 * Draws pieces of text on one baseline in one face, size and colour (a table row's cells) as one text object,
 * each piece filtered and fitted as drawText does.
 */
export function drawTextRow(page: PDFPage, fonts: PdfFonts, pieces: TextPiece[], style: Omit<TextOptions, 'x' | 'width' | 'align'>): void {
  const face = style.bold ? fonts.bold : fonts.regular;
  const { size } = style;
  const y = decimal(style.y);
  const shown: PDFOperator[] = [];
  for (const piece of pieces) {
    let line = fonts.printable(piece.text);
    if (line === '') continue;
    let x = piece.x;
    if (piece.width !== undefined) {
      line = fitToWidth(face, line, size, piece.width);
      const align = piece.align ?? 'left';
      if (align !== 'left') {
        const slack = piece.width - face.width(line, size);
        x += align === 'right' ? slack : slack / 2;
      }
    }
    shown.push(PDFOperator.of(Ops.SetTextMatrix, ['1', '0', '0', '1', decimal(x), y]), showText(face.encode(line)));
  }
  if (shown.length === 0) return;
  page.pushOperators(
    SAVE,
    BEGIN,
    fillColor(style.color ?? COLORS.text),
    PDFOperator.of(Ops.SetFontAndSize, [fontName(page, face.font), decimal(size)]),
    ...shown,
    END,
    RESTORE,
  );
}

// The operators pdf-lib's drawText writes for upright text, built directly: a table cell's numbers go out as
// short decimals instead of through pdf-lib's exponent-safe number formatting and rotation math, which took
// most of a 3,000-row report's render time, and the fixed operators and colours are made once.
const SAVE = pushGraphicsState();
const BEGIN = beginText();
const END = endText();
const RESTORE = popGraphicsState();
const fillColors = new WeakMap<Color, PDFOperator>();

function fillColor(color: Color): PDFOperator {
  let op = fillColors.get(color);
  if (!op) fillColors.set(color, (op = setFillingColor(color)));
  return op;
}

/** A coordinate or size in points, to a thousandth: never in exponent form, as PDF requires. */
export function decimal(v: number): string {
  const rounded = Math.round(v * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
