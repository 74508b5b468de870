import { describe, expect, it } from 'vitest';
import type { PdfCompany, StatementDocument } from '@/lib/pdf/documents';
import { renderStatementsPdf } from '@/lib/pdf/render-statements-pdf';
import { pdfText } from '../support/pdf-text';

const company: PdfCompany = {
  name: 'Northwind Supply Co.',
  remitTo: 'Northwind Supply Co.\nPO Box 4410\nPortland, OR 97208',
  logoPng: null,
};

const BUCKETS: StatementDocument['buckets'] = [
  { key: 'pending', label: 'Pending', amountMinor: 0 },
  { key: 'current', label: 'Current', amountMinor: 150000 },
  { key: '1-30', label: '1-30', amountMinor: 25000 },
  { key: '31-60', label: '31-60', amountMinor: 9999 },
  { key: '61-90', label: '61-90', amountMinor: 0 },
  { key: '91+', label: '91+', amountMinor: 1234567 },
];
const BUCKETS_TOTAL = 150000 + 25000 + 9999 + 1234567;

function invoices(count: number): StatementDocument['invoices'] {
  return Array.from({ length: count }, (_, i) => ({
    number: `INV-${String(i + 1).padStart(4, '0')}`,
    invoiceDate: '2026-08-01',
    dueDate: '2026-08-31',
    amountMinor: 100000,
    balanceMinor: 50000,
    daysPastDue: 84,
  }));
}

function statement(overrides: Partial<StatementDocument> = {}): StatementDocument {
  return {
    company,
    customer: { name: 'Łódź Sp. z o.o.', addressLines: ['ul. Piotrkowska 104', '90-926 Łódź', 'Poland'] },
    asOf: '2026-11-23',
    currency: 'USD',
    buckets: BUCKETS,
    totalMinor: BUCKETS_TOTAL,
    unapplied: [],
    invoices: [
      { number: 'INV-0001', invoiceDate: '2026-08-01', dueDate: '2026-08-31', amountMinor: 1234567, balanceMinor: 1234567, daysPastDue: 84 },
      { number: 'INV-0002', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountMinor: 150000, balanceMinor: 150000, daysPastDue: -8 },
      { number: 'INV-0003', invoiceDate: '2026-10-20', dueDate: '2026-11-23', amountMinor: 40000, balanceMinor: 34999, daysPastDue: 0 },
    ],
    ...overrides,
  };
}

describe('renderStatementsPdf', () => {
  it('prints the statement a customer reads: who, when, how much, how old', async () => {
    const { pageCount, pages } = await pdfText(await renderStatementsPdf([statement()]));
    expect(pageCount).toBe(1);
    const text = pages[0];
    for (const expected of [
      'Northwind Supply Co.',
      'STATEMENT',
      'Statement date',
      'November 23, 2026',
      'USD',
      'Łódź Sp. z o.o.',
      'ul. Piotrkowska 104',
      'Remit to',
      'Aging summary',
      'Open invoices',
      'Original amount',
      'Days past due',
      'INV-0001',
      'Aug 1, 2026',
      'Aug 31, 2026',
      '$12,345.67',
      'Total due',
      '$14,195.66',
      'Please remit payment to Northwind Supply Co., PO Box 4410, Portland, OR 97208',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('shows every aging bucket with its amount, and the total', async () => {
    const { pages } = await pdfText(await renderStatementsPdf([statement()]));
    const lines = pages[0]?.split('\n') ?? [];
    for (const bucket of BUCKETS) expect(lines).toContain(bucket.label);
    expect(lines).toContain('Total');
    for (const amount of ['$0.00', '$1,500.00', '$250.00', '$99.99', '$12,345.67', '$14,195.66']) {
      expect(lines).toContain(amount);
    }
  });

  it('lists unapplied payments and credits and nets them out of the total due', async () => {
    const unapplied: StatementDocument['unapplied'] = [
      { kind: 'payment', date: '2026-11-02', detail: 'CHK 4410', amountMinor: 50000 },
      { kind: 'credit_note', date: '2026-11-10', detail: 'Returned sensor', amountMinor: 2500 },
    ];
    const { pages } = await pdfText(await renderStatementsPdf([statement({ unapplied, totalMinor: BUCKETS_TOTAL - 52500 })]));
    const lines = pages.join('\n').split('\n');
    for (const text of ['Payments and credits not yet applied', 'Payment', 'CHK 4410', 'Credit note', 'Returned sensor', '$500.00', '$25.00']) {
      expect(lines).toContain(text);
    }
    // The aging summary and "Open invoices" show the invoices' total; "Total due" is net of the $525.00.
    expect(lines.filter((l) => l === '$14,195.66').length).toBeGreaterThanOrEqual(2);
    expect(lines).toContain('-$525.00');
    expect(lines).toContain('$13,670.66');
  });

  it('lists a scheme with many buckets one per row rather than cutting amounts off', async () => {
    const buckets = Array.from({ length: 10 }, (_, i) => ({ key: `b${i}`, label: `Bucket number ${i}`, amountMinor: 99_999_999_99 }));
    const { pages } = await pdfText(await renderStatementsPdf([statement({ buckets, totalMinor: 10 * 99_999_999_99 })]));
    const lines = pages.join('\n').split('\n');
    for (const bucket of buckets) expect(lines).toContain(bucket.label);
    expect(lines.filter((line) => line === '$99,999,999.99')).toHaveLength(10);
    expect(lines).toContain('$999,999,999.90');
    expect(pages.join('\n')).not.toContain('…');
  });

  it('says "Not due" for invoices not past due and the day count for the others', async () => {
    const { pages } = await pdfText(await renderStatementsPdf([statement()]));
    const lines = pages[0]?.split('\n') ?? [];
    expect(lines.filter((line) => line === 'Not due')).toHaveLength(2);
    expect(lines).toContain('84');
    expect(lines).not.toContain('-8');
  });

  it('puts each short statement of a merged PDF on one page of its own', async () => {
    const names = ['Łódź Sp. z o.o.', 'Ёлка ООО', 'Αθήνα ΑΕ'];
    const bytes = await renderStatementsPdf(names.map((name) => statement({ customer: { name, addressLines: ['Main Street 1'] } })));
    const { pageCount, pages } = await pdfText(bytes);
    expect(pageCount).toBe(3);
    names.forEach((name, i) => {
      expect(pages[i]).toContain(name);
      expect(pages[i]).toContain('STATEMENT');
      expect(pages[i]).toContain('Total due');
      expect(pages[i]).toContain('Page 1 of 1');
      for (const other of names.filter((n) => n !== name)) expect(pages[i]).not.toContain(other);
    });
  });

  it('continues a long statement over pages with the invoice header on each, numbered per statement', async () => {
    const long = statement({ customer: { name: 'Acme Corporation', addressLines: [] }, invoices: invoices(120), totalMinor: 120 * 50000 });
    const short = statement({ customer: { name: 'Ёлка ООО', addressLines: [] } });
    const { pageCount, pages } = await pdfText(await renderStatementsPdf([long, short]));

    const longPages = pageCount - 1;
    expect(longPages).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < longPages; i++) {
      expect(pages[i]).toContain(`Page ${i + 1} of ${longPages}`);
      expect(pages[i]).toContain('Invoice date');
      expect(pages[i]).toContain('Days past due');
      if (i > 0) expect(pages[i]).toContain('Statement for Acme Corporation (continued)');
    }
    expect(pages[longPages]).toContain('Ёлка ООО');
    expect(pages[longPages]).toContain('Page 1 of 1');

    // Every invoice printed exactly once, and the total after the last one.
    const lines = pages.slice(0, longPages).join('\n').split('\n');
    for (const { number } of long.invoices) expect(lines.filter((line) => line === number)).toHaveLength(1);
    expect(pages[longPages - 1]).toContain('Total due');
    expect(pages[longPages - 1]).toContain('$60,000.00');
    expect(pages[longPages - 1]).toContain('INV-0120');
  });

  it('replaces characters the font cannot draw instead of failing', async () => {
    const { pages } = await pdfText(await renderStatementsPdf([statement({ customer: { name: '東京商事 🙂', addressLines: ['Chiyoda 1-1 🏢'] } })]));
    expect(pages[0]).toContain('???? ?');
    expect(pages[0]).toContain('Chiyoda 1-1 ?');
  });

  it('leaves out the remit-to footer when the company has no remit-to address', async () => {
    const { pages } = await pdfText(await renderStatementsPdf([statement({ company: { ...company, remitTo: null } })]));
    expect(pages[0]).not.toContain('Please remit payment to');
    expect(pages[0]).not.toContain('Remit to');
  });

  it('prints a statement with no open invoices', async () => {
    const { pages } = await pdfText(await renderStatementsPdf([statement({ invoices: [], buckets: [], totalMinor: 0 })]));
    expect(pages[0]).toContain('No open invoices.');
    expect(pages[0]).toContain('Total due');
  });

  it('refuses an empty batch rather than writing a PDF without pages', async () => {
    await expect(renderStatementsPdf([])).rejects.toThrow(RangeError);
  });
});
