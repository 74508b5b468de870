import { VerbosityLevel, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pageCount: number;
  /** Each page's text items in drawing order, one per line. */
  pages: string[];
}

/**
 * Reads a PDF back the way a viewer would, so tests assert on what a reader sees rather than on pdf-lib calls.
 * In Node pdfjs runs its worker in-process (no worker threads); verbosity 0 keeps its notice about that quiet.
 */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdfjs transfers (detaches) the buffer it is given; the caller's bytes stay usable.
  const task = getDocument({
    data: bytes.slice(),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // Marked-content entries carry no text; only items with `str` do.
      const lines = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : []));
      pages.push(lines.join('\n'));
    }
    return { pageCount: doc.numPages, pages };
  } finally {
    await task.destroy();
  }
}
