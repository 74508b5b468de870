import { PDFOperator, PDFOperatorNames as Ops, popGraphicsState, pushGraphicsState, setStrokingColor, type Color, type PDFPage } from 'pdf-lib';
import { decimal } from './draw-text';

/** A horizontal line from x to x + width at height y. */
export interface Rule {
  x: number;
  y: number;
  width: number;
}

/**
 * Draws horizontal rules of one thickness and colour as one path: a table's row rules, one per row, cost as much
 * to build and write as the row's text when each was a separate pdf-lib line.
 */
export function drawRules(page: PDFPage, rules: readonly Rule[], style: { thickness: number; color: Color }): void {
  if (rules.length === 0) return;
  const path = rules.flatMap((r) => [
    PDFOperator.of(Ops.MoveTo, [decimal(r.x), decimal(r.y)]),
    PDFOperator.of(Ops.LineTo, [decimal(r.x + r.width), decimal(r.y)]),
  ]);
  page.pushOperators(
    pushGraphicsState(),
    setStrokingColor(style.color),
    PDFOperator.of(Ops.SetLineWidth, [decimal(style.thickness)]),
    ...path,
    PDFOperator.of(Ops.StrokePath),
    popGraphicsState(),
  );
}
