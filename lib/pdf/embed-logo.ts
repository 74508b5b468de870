import { createHash } from 'node:crypto';
import type { PDFDocument, PDFImage } from 'pdf-lib';

export type LogoEmbedder = (png: Uint8Array | null) => Promise<PDFImage | null>;

/**
 * Returns an embedder that puts each distinct logo into `doc` once: a batch of a hundred invoices from one company
 * carries the image a single time, even when every document holds its own copy of the bytes.
 */
export function createLogoEmbedder(doc: PDFDocument): LogoEmbedder {
  const embedded = new Map<string, Promise<PDFImage | null>>();
  return (png) => {
    if (!png || png.length === 0) return Promise.resolve(null);
    const key = createHash('sha256').update(png).digest('hex');
    let image = embedded.get(key);
    if (!image) {
      // A damaged logo must not stop a customer's statement from going out: print without it, but say why.
      image = doc.embedPng(png).catch((error: unknown) => {
        console.warn('Company logo is not a readable PNG; the document is printed without it.', error);
        return null;
      });
      embedded.set(key, image);
    }
    return image;
  };
}
