import { PDFCrossRefSection, PDFHeader, PDFTrailer, PDFTrailerDict, type PDFDocument, type PDFObject, type PDFPage, type PDFRef } from 'pdf-lib';
import { deflatePageContents } from './save-pdf';

/** Writes one PDF's bytes in pieces; each call returns the bytes to send next. */
export interface PdfStreamWriter {
  /** A finished page: its drawing (deflated) and its page object, after the file's header the first time. */
  page(page: PDFPage): Promise<Uint8Array>;
  /** Everything else (fonts subset to what the pages used, the page tree, catalogue, info), the cross-reference table and trailer. */
  end(): Promise<Uint8Array>;
}

const encoder = new TextEncoder();

/**
 * Writes a pdf-lib document as it is laid out: each page is sent as soon as it is finished, so a long report's
 * first page leaves before the last is drawn. pdf-lib serializes only a whole document. Objects a page refers to
 * that are not written yet (its page tree, its fonts) are referred to by number and written at the end; the
 * cross-reference table lists where each object starts, whatever order they were written in. Pages must not
 * change once written.
 */
export function streamPdf(doc: PDFDocument): PdfStreamWriter {
  const offsets = new Map<PDFRef, number>();
  // Where the next byte goes in the file, and the bytes not yet handed out.
  let offset = 0;
  let pieces: Uint8Array[] = [];

  const push = (...bytes: Uint8Array[]) => {
    for (const b of bytes) {
      pieces.push(b);
      offset += b.length;
    }
  };
  const bytesOf = (object: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number }) => {
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    return bytes;
  };
  const indirect = (ref: PDFRef, object: PDFObject) => {
    offsets.set(ref, offset);
    push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`), bytesOf(object), encoder.encode('\nendobj\n\n'));
  };
  const flush = () => {
    const out = Buffer.concat(pieces);
    pieces = [];
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  };
  // The binary comment after the version tells transfer tools the file is not text, as pdf-lib writes it.
  push(bytesOf(PDFHeader.forVersion(1, 7)), encoder.encode('\n\n'));

  return {
    async page(page) {
      for (const ref of await deflatePageContents(doc, page)) indirect(ref, doc.context.lookup(ref)!);
      indirect(page.ref, page.node);
      return flush();
    },
    async end() {
      await doc.flush();
      for (const [ref, object] of doc.context.enumerateIndirectObjects()) if (!offsets.has(ref)) indirect(ref, object);
      const xref = PDFCrossRefSection.create();
      // Entries go in ascending object number; pages were written before the objects made ahead of them.
      for (const [ref, at] of [...offsets].sort(([a], [b]) => a.objectNumber - b.objectNumber)) xref.addEntry(ref, at);
      const xrefAt = offset;
      const { Root, Info, ID, Encrypt } = doc.context.trailerInfo;
      const trailer = PDFTrailerDict.of(doc.context.obj({ Size: doc.context.largestObjectNumber + 1, Root, Info, ID, Encrypt }));
      push(bytesOf(xref), encoder.encode('\n'), bytesOf(trailer), encoder.encode('\n\n'), bytesOf(PDFTrailer.forLastCrossRefSectionOffset(xrefAt)));
      return flush();
    },
  };
}
