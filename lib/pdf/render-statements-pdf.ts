import { PDFDocument } from 'pdf-lib';
import type { StatementDocument } from './documents';
import { drawStatement } from './draw-statement';
import { createLogoEmbedder } from './embed-logo';
import { embedPdfFonts } from './pdf-fonts';
import { savePdf } from './save-pdf';

/**
 * Renders customer statements into one merged PDF, each starting on a new page with its own page numbers. Fonts
 * and logos are embedded once for the whole file, so a batch costs little more than its pages.
 */
export async function renderStatementsPdf(docs: StatementDocument[]): Promise<Uint8Array> {
  // A PDF without pages opens as an error in most viewers; callers refuse empty selections before this point.
  if (docs.length === 0) throw new RangeError('renderStatementsPdf needs at least one statement.');
  const pdf = await PDFDocument.create();
  pdf.setTitle(docs.length === 1 && docs[0] ? `Statement for ${docs[0].customer.name}` : 'Statements');
  pdf.setProducer('Agewise');
  const fonts = await embedPdfFonts(pdf);
  const embedLogo = createLogoEmbedder(pdf);
  for (const statement of docs) {
    drawStatement(pdf, fonts, statement, await embedLogo(statement.company.logoPng));
  }
  return savePdf(pdf);
}
