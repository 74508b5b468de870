import { PDFDocument } from 'pdf-lib';
import type { InvoiceDocument } from './documents';
import { drawInvoice } from './draw-invoice';
import { createLogoEmbedder } from './embed-logo';
import { embedPdfFonts } from './pdf-fonts';
import { savePdf } from './save-pdf';

/**
 * Renders invoices into one merged PDF, each starting on a new page with its own page numbers. Fonts and logos
 * are embedded once for the whole file, so a batch costs little more than its pages.
 */
export async function renderInvoicesPdf(docs: InvoiceDocument[]): Promise<Uint8Array> {
  // A PDF without pages opens as an error in most viewers; callers refuse empty selections before this point.
  if (docs.length === 0) throw new RangeError('renderInvoicesPdf needs at least one invoice.');
  const pdf = await PDFDocument.create();
  pdf.setTitle(docs.length === 1 && docs[0] ? `Invoice ${docs[0].number}` : 'Invoices');
  pdf.setProducer('Agewise');
  const fonts = await embedPdfFonts(pdf);
  const embedLogo = createLogoEmbedder(pdf);
  for (const invoice of docs) {
    drawInvoice(pdf, fonts, invoice, await embedLogo(invoice.company.logoPng));
  }
  return savePdf(pdf);
}
