import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportColumn, TabularReport } from '@/lib/reports/tabular-report';
import { writePdf } from '@/lib/reports/write-pdf';
import { pdfText } from '../support/pdf-text';

// The PDF of a wide report (the aging summary with every bucket): figures are printed whole however many
// columns there are, long names end in "…", and columns meant for the spreadsheets only are not printed.

const BUCKETS = ['Pending', 'Current', '1-30', '31-60', '61-90', '91+', 'Unapplied', 'Net total'];

function report(rows: ReportCell[][], extra: ReportColumn[] = [], extraCells: ReportCell[] = []): TabularReport {
  const columns: ReportColumn[] = [
    { header: 'Customer', kind: 'text', width: 30 },
    { header: 'Customer ID', kind: 'text', width: 20, pdf: false },
    ...BUCKETS.map((header) => ({ header, kind: 'money' as const, width: 13 })),
    ...extra,
  ];
  return {
    title: 'AR aging summary',
    company: 'Wide Co',
    currency: 'USD',
    filename: 'wide',
    filters: [['As of', '2026-11-30']],
    columns,
    rows: (async function* () {
      yield rows.map((r) => [...r, ...extraCells]);
    })(),
    footer: () => [['Total', '', ...BUCKETS.map(() => 1_234_567_890_12), ...extraCells.map(() => null)]],
  };
}

const pdfBytes = async (r: TabularReport) => new Uint8Array(await new Response(await writePdf(r)).arrayBuffer());

describe('report PDF', () => {
  it('prints every amount whole, even eight columns of eleven-digit totals, and cuts long names instead', async () => {
    const long = 'The Extremely Long Named Holding Company of Greater Springfield and Shelbyville, Incorporated';
    const pdf = await pdfText(await pdfBytes(report([[long, 'id-1', ...BUCKETS.map(() => 98_765_432_10)]])));
    const text = pdf.pages.join('\n').split('\n');
    expect(text.filter((t) => t === '$98,765,432.10')).toHaveLength(BUCKETS.length);
    expect(text.filter((t) => t === '$1,234,567,890.12')).toHaveLength(BUCKETS.length);
    const name = text.find((t) => t.startsWith('The Extremely'));
    expect(name).toMatch(/^The Extremely Long Named.*…$/);
    expect(name!.length).toBeLessThan(long.length);
    // Spreadsheet-only columns are left out of the page.
    expect(text).not.toContain('Customer ID');
    expect(text).not.toContain('id-1');
  });

  it('leaves out a column with nothing in it, and prints one that has something', async () => {
    const collector: ReportColumn = { header: 'Collector', kind: 'text', width: 12 };
    const empty = await pdfText(await pdfBytes(report([['Acme', 'id-1', ...BUCKETS.map(() => 100)]], [collector], [''])));
    expect(empty.pages.join('\n').split('\n')).not.toContain('Collector');
    const named = await pdfText(await pdfBytes(report([['Acme', 'id-1', ...BUCKETS.map(() => 100)]], [collector], ['Dana'])));
    expect(named.pages.join('\n').split('\n')).toEqual(expect.arrayContaining(['Collector', 'Dana', 'Acme']));
  });
});
