import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from '@/lib/csv/neutralize-cell';
import { minorToDecimal } from '@/lib/money/currency';
import { shareText, type ReportCell, type ReportColumn, type TabularReport } from './tabular-report';

function cellText(value: ReportCell, column: ReportColumn, currency: string): string | number {
  if (value === null) return '';
  if (typeof value === 'string') return neutralizeCell(value);
  if (typeof value === 'object') return shareText(value.share);
  if (column.kind === 'money') return minorToDecimal(value, currency);
  if (column.kind === 'share') return shareText(value);
  return value;
}

/**
 * The report as CSV, streamed: the filters as leading "# " lines would break spreadsheet imports, so the file
 * is the header row, the rows and the footer rows only (the filters are in the file name and the audit log).
 * Text cells that a spreadsheet would run as a formula are neutralized.
 */
export function writeCsv(report: TabularReport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = (cells: ReportCell[]) => stringify([cells.map((c, i) => cellText(c, report.columns[i]!, report.currency))]);
  const iterator = report.rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([report.columns.map((c) => neutralizeCell(c.header))])}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode(report.footer().map(line).join('')));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(line).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
