import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { drawTable, tablePageCount } from '@/lib/pdf/draw-table';
import { embedPdfFonts } from '@/lib/pdf/pdf-fonts';
import type { TabularReport } from '@/lib/reports/tabular-report';
import { writePdf } from '@/lib/reports/write-pdf';
import { pdfText } from '../support/pdf-text';

// A long report's PDF is sent page by page while it is drawn: the first page leaves before the file's end is
// written, and the pieces still make one valid PDF numbered "Page X of Y" throughout.

function report(count: number): TabularReport {
  return {
    title: 'AR aging summary',
    company: 'Stream Co',
    currency: 'USD',
    filename: 'stream',
    filters: [['As of', '2026-11-30']],
    columns: [
      { header: 'Customer', kind: 'text', width: 30 },
      { header: 'Current', kind: 'money', width: 13 },
      { header: 'Net total', kind: 'money', width: 13 },
    ],
    rows: (async function* () {
      // Two batches, as an export reads them.
      const names = Array.from({ length: count }, (_, i) => `Customer ${String(i + 1).padStart(4, '0')}`);
      yield names.slice(0, 7).map((name, i) => [name, (i + 1) * 100, (i + 1) * 100]);
      yield names.slice(7).map((name, i) => [name, (i + 8) * 100, (i + 8) * 100]);
    })(),
    footer: () => [['Total', 0, 0]],
  };
}

async function chunks(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) out.push(chunk);
  return out;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('report PDF, streamed', () => {
  it('sends the first page before the end of the file, and the pieces make one PDF numbered on every page', async () => {
    const parts = await chunks(await writePdf(report(300)));
    const first = latin1(parts[0]!);
    expect(first.startsWith('%PDF-1.7')).toBe(true);
    expect(first).toContain('/Type /Page');
    expect(first).not.toContain('%%EOF');
    const bytes = new Uint8Array(Buffer.concat(parts));
    const text = latin1(bytes);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);

    // Every object the cross-reference table lists starts exactly where it says.
    const xrefAt = Number(/startxref\s+(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = [...text.slice(xrefAt).matchAll(/^(\d+) (\d+)\r?\n((?:\d{10} \d{5} [nf]\s*\r?\n)+)/gm)];
    let checked = 0;
    for (const [, start, , lines] of entries) {
      lines!
        .trim()
        .split(/\s*\n/)
        .forEach((line, i) => {
          const [at, , kind] = line.trim().split(' ');
          if (kind !== 'n') return;
          expect(text.slice(Number(at), Number(at) + 20)).toMatch(new RegExp(`^${Number(start) + i} 0 obj`));
          checked += 1;
        });
    }
    expect(checked).toBeGreaterThan(parts.length);

    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true });
    const pageCount = doc.getPageCount();
    expect(pageCount).toBeGreaterThan(5);
    // One piece per page, then the end.
    expect(parts).toHaveLength(pageCount + 1);
    const pdf = await pdfText(bytes);
    expect(pdf.pageCount).toBe(pageCount);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pageCount}`));
    // Every customer once, in order, and the totals at the end.
    const names = pdf.pages
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('Customer 0'));
    expect(names).toEqual(Array.from({ length: 300 }, (_, i) => `Customer ${String(i + 1).padStart(4, '0')}`));
    expect(pdf.pages.at(-1)).toContain('Total');
    expect(pdf.pages[0]).toContain('Stream Co');
    expect(pdf.pages[0]).toContain('As of: 2026-11-30');
  });

  it('counts the pages of a table as drawing it fills them, at every row count around a page break', async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedPdfFonts(doc);
    const top = 560;
    // From a table starting near the top, mid-page and too low for its header and one row.
    for (const startY of [top, 300, 100]) {
      for (let rows = 0; rows <= 80; rows++) {
        let pages = 1;
        const start = { page: doc.addPage([792, 612]), y: startY };
        drawTable(
          start,
          fonts,
          { x: 48, columns: [{ header: 'Customer', width: 200 }], rows: Array.from({ length: rows }, () => ({ cells: ['x'] })) },
          () => {
            pages += 1;
            return { page: doc.addPage([792, 612]), y: top };
          },
        );
        expect({ startY, rows, pages: tablePageCount(startY, rows, top) }).toEqual({ startY, rows, pages });
      }
    }
  });
});
