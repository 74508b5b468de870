import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InvoiceDocument, PdfCompany } from '@/lib/pdf/documents';
import { renderInvoicesPdf } from '@/lib/pdf/render-invoices-pdf';
import { pdfText } from '../support/pdf-text';

// A valid 1x1 PNG: enough to prove the logo path embeds an image.
const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

const company: PdfCompany = {
  name: 'Northwind Supply Co.',
  remitTo: 'Northwind Supply Co.\nPO Box 4410\nPortland, OR 97208',
  logoPng: PNG_1X1,
};

function invoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    company,
    customer: { name: 'Łódź Sp. z o.o.', addressLines: ['ul. Piotrkowska 104', '90-926 Łódź', 'Poland'] },
    number: 'INV-1001',
    invoiceDate: '2026-10-24',
    dueDate: '2026-11-23',
    currency: 'USD',
    locationName: 'Portland Warehouse',
    lines: [
      { description: 'Pallet wrap 500 mm × 300 m', quantity: '2', unitPriceMinor: 1299, lineTotalMinor: 2598 },
      { description: 'Shelving unit, galvanised', quantity: '1.5', unitPriceMinor: 10000, lineTotalMinor: 15000 },
    ],
    amountMinor: 17598,
    balanceMinor: 7598,
    ...overrides,
  };
}

function manyLines(count: number): InvoiceDocument['lines'] {
  return Array.from({ length: count }, (_, i) => ({
    description: `Line item ${i + 1}`,
    quantity: '1',
    unitPriceMinor: 100,
    lineTotalMinor: 100,
  }));
}

/** Indirect objects of one /Type or /Subtype, to check what a merged PDF embeds and how often. */
async function countObjects(bytes: Uint8Array, key: 'Type' | 'Subtype', value: string): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => (object instanceof PDFStream ? object.dict : object))
    .filter((dict) => dict instanceof PDFDict && dict.get(PDFName.of(key)) === PDFName.of(value)).length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('renderInvoicesPdf', () => {
  it('prints what the customer needs to pay the invoice', async () => {
    const { pageCount, pages } = await pdfText(await renderInvoicesPdf([invoice()]));
    expect(pageCount).toBe(1);
    const text = pages[0];
    for (const expected of [
      'Northwind Supply Co.',
      'INVOICE',
      'INV-1001',
      'October 24, 2026',
      'November 23, 2026',
      'Portland Warehouse',
      'Bill to',
      'Łódź Sp. z o.o.',
      'ul. Piotrkowska 104',
      'Remit to',
      'PO Box 4410',
      'Portland, OR 97208',
      'Description',
      'Unit price',
      'Pallet wrap 500 mm × 300 m',
      'Shelving unit, galvanised',
      '1.5',
      '$25.98',
      '$150.00',
      'Total',
      '$175.98',
      'Amount paid',
      '$100.00',
      'Balance due',
      '$75.98',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('starts each invoice of a merged PDF on its own page, numbered on its own', async () => {
    const bytes = await renderInvoicesPdf([
      invoice({ number: 'INV-1' }),
      invoice({ number: 'INV-2', lines: manyLines(60) }),
      invoice({ number: 'INV-3', customer: { name: 'Ёлка ООО', addressLines: [] } }),
    ]);
    const { pageCount, pages } = await pdfText(bytes);
    expect(pageCount).toBe(5);
    expect(pages[0]).toContain('INV-1');
    expect(pages[0]).toContain('Page 1 of 1');
    expect(pages[1]).toContain('INV-2');
    expect(pages[1]).toContain('Page 1 of 3');
    expect(pages[2]).toContain('Page 2 of 3');
    expect(pages[3]).toContain('Page 3 of 3');
    expect(pages[4]).toContain('INV-3');
    expect(pages[4]).toContain('Ёлка ООО');
    expect(pages[4]).toContain('Page 1 of 1');
  });

  it('repeats the column headers and names the invoice on continuation pages', async () => {
    const { pages } = await pdfText(await renderInvoicesPdf([invoice({ lines: manyLines(60) })]));
    expect(pages).toHaveLength(3);
    for (const page of pages.slice(1)) {
      expect(page).toContain('Invoice INV-1001 (continued)');
      expect(page).toContain('Description');
      expect(page).toContain('Unit price');
    }
    const all = pages.join('\n');
    for (let i = 1; i <= 60; i++) expect(all).toContain(`Line item ${i}\n`);
    // The totals come once, after the last line.
    expect(pages[2]).toContain('Balance due');
    expect(pages[0]).not.toContain('Amount paid');
  });

  it('shows a single "Invoice total" row when the invoice has no lines', async () => {
    const { pages } = await pdfText(await renderInvoicesPdf([invoice({ lines: [], amountMinor: 123456, balanceMinor: 123456 })]));
    expect(pages[0]).toContain('Invoice total');
    expect(pages[0]).toContain('$1,234.56');
    expect(pages[0]).toContain('$0.00');
  });

  it('cuts a description too long for its column with an ellipsis', async () => {
    const description = `Industrial shelving unit ${'with extra long specification '.repeat(6)}END`;
    const { pages } = await pdfText(
      await renderInvoicesPdf([invoice({ lines: [{ description, quantity: '1', unitPriceMinor: 1, lineTotalMinor: 1 }] })]),
    );
    expect(pages[0]).toMatch(/Industrial shelving unit with extra long.*…/);
    expect(pages[0]).not.toContain('END');
  });

  it('prints names in Polish, Russian and Greek, and replaces characters the font lacks with "?"', async () => {
    const bytes = await renderInvoicesPdf([
      invoice({ customer: { name: 'Αθήνα ΑΕ', addressLines: ['Λεωφόρος Κηφισίας 12'] } }),
      invoice({ customer: { name: 'Tokyo 東京 🙂 KK', addressLines: [] } }),
    ]);
    const { pages } = await pdfText(bytes);
    expect(pages[0]).toContain('Αθήνα ΑΕ');
    expect(pages[0]).toContain('Λεωφόρος Κηφισίας 12');
    expect(pages[1]).toContain('Tokyo ?? ? KK');
  });

  it('keeps line breaks and control characters out of single-line fields', async () => {
    const { pages } = await pdfText(
      await renderInvoicesPdf([invoice({ customer: { name: 'ACME\r\nCorp\u0007\u200b', addressLines: ['Line\tone'] } })]),
    );
    expect(pages[0]).toContain('ACME Corp');
    expect(pages[0]).toContain('Line one');
  });

  it('embeds each font and the logo once for the whole merged PDF', async () => {
    // Each document carries its own copy of the logo bytes, as when loaded per invoice.
    const batch = (count: number) =>
      renderInvoicesPdf(Array.from({ length: count }, (_, i) => invoice({ number: `INV-${i}`, company: { ...company, logoPng: PNG_1X1.slice() } })));
    const [one, twenty] = await Promise.all([batch(1), batch(20)]);
    expect(await countObjects(twenty, 'Subtype', 'Type0')).toBe(2);
    // A PNG with alpha embeds as an image plus its soft mask; either way, as many as for a single invoice.
    expect(await countObjects(one, 'Subtype', 'Image')).toBeGreaterThan(0);
    expect(await countObjects(twenty, 'Subtype', 'Image')).toBe(await countObjects(one, 'Subtype', 'Image'));
  });

  it('prints without the logo when the logo is not a readable PNG, and says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bytes = await renderInvoicesPdf([invoice({ company: { ...company, logoPng: Uint8Array.from([1, 2, 3, 4]) } })]);
    expect((await pdfText(bytes)).pages[0]).toContain('INV-1001');
    expect(await countObjects(bytes, 'Subtype', 'Image')).toBe(0);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('prints without a remit-to block or logo when the company has none', async () => {
    const { pages } = await pdfText(await renderInvoicesPdf([invoice({ company: { name: 'Plain Co.', remitTo: null, logoPng: null } })]));
    expect(pages[0]).toContain('Plain Co.');
    expect(pages[0]).not.toContain('Remit to');
  });

  it('formats amounts in the invoice currency', async () => {
    const { pages } = await pdfText(await renderInvoicesPdf([invoice({ currency: 'JPY', lines: [], amountMinor: 150000, balanceMinor: 150000 })]));
    expect(pages[0]).toContain('¥150,000');
  });

  it('refuses an empty batch rather than writing a PDF without pages', async () => {
    await expect(renderInvoicesPdf([])).rejects.toThrow(RangeError);
  });
});
