import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { PDFArray, PDFContentStream, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';

const deflateAsync = promisify(deflate);

/**
 * The document's bytes, with each page's drawing compressed by Node's zlib first: pdf-lib would deflate the
 * same bytes in JavaScript on the request's thread while saving, a fifth of a long report's render time; zlib
 * is native and runs on libuv's pool. The result inflates to exactly what pdf-lib would have written.
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  const streams: { ref: PDFRef; stream: PDFContentStream }[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = doc.context.lookup(ref);
      if (stream instanceof PDFContentStream) streams.push({ ref, stream });
    }
  }
  await Promise.all(
    streams.map(async ({ ref, stream }) => {
      const bytes = await deflateAsync(stream.getUnencodedContents());
      // The dictionary already names FlateDecode; its Length is written from the new contents.
      doc.context.assign(ref, PDFRawStream.of(stream.dict, bytes));
    }),
  );
  return doc.save();
}
