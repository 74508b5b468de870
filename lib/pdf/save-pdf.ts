import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { PDFArray, PDFContentStream, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';

const deflateAsync = promisify(deflate);

/**
 * Compresses a page's drawing with Node's zlib and puts the result in place of pdf-lib's stream: pdf-lib would
 * deflate the same bytes in JavaScript on the request's thread while saving, a fifth of a long report's render
 * time; zlib is native and runs on libuv's pool. The result inflates to exactly what pdf-lib would have written.
 * Returns the page's content stream refs.
 */
export async function deflatePageContents(doc: PDFDocument, page: PDFPage): Promise<PDFRef[]> {
  const contents = page.node.Contents();
  const refs = (contents instanceof PDFArray ? contents.asArray() : []).filter((ref) => ref instanceof PDFRef);
  await Promise.all(
    refs.map(async (ref) => {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFContentStream)) return;
      const bytes = await deflateAsync(stream.getUnencodedContents());
      // The dictionary already names FlateDecode; its Length is written from the new contents.
      doc.context.assign(ref, PDFRawStream.of(stream.dict, bytes));
    }),
  );
  return refs;
}

/** The whole document's bytes, each page's drawing compressed by zlib first. */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  await Promise.all(doc.getPages().map((page) => deflatePageContents(doc, page)));
  return doc.save();
}
