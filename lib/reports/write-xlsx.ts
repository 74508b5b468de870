import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { neutralizeCell } from '@/lib/csv/neutralize-cell';
import { minorDigits } from '@/lib/money/currency';
import type { ReportCell, TabularReport } from './tabular-report';

/** The currency's number format: its symbol and its decimals ("$"#,##0.00; "¥"#,##0). */
export function currencyNumFmt(currency: string): string {
  const symbol =
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  const digits = minorDigits(currency);
  const body = `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  return `"${symbol.replace(/"/g, '')}"${body};-"${symbol.replace(/"/g, '')}"${body}`;
}

const ROWS_PER_SLICE = 250;

/**
 * The report as an Excel workbook, streamed row by row (exceljs's streaming writer keeps constant memory): a
 * title and the filters above a frozen header row, money as numbers in the currency's format, shares as
 * percentages, bold footer rows. Text is written as text, never as a formula, and neutralized as in CSV.
 */
export function writeXlsx(report: TabularReport): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const headerRow = 3 + report.filters.length;
  const sheet = workbook.addWorksheet(report.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = report.columns.map((c) => ({ width: Math.max(10, c.width) }));
  const scale = 10 ** minorDigits(report.currency);
  const money = currencyNumFmt(report.currency);
  const add = (cells: ReportCell[], bold = false) => {
    const row = sheet.addRow(
      cells.map((value, i) => {
        const kind = report.columns[i]?.kind;
        if (value === null) return null;
        if (typeof value === 'string') return neutralizeCell(value);
        if (typeof value === 'object') return value.share;
        return kind === 'money' ? value / scale : value;
      }),
    );
    report.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = cells[i];
      if (value !== null && typeof value === 'object') cell.numFmt = '0.0%';
      else if (c.kind === 'money') cell.numFmt = money;
      else if (c.kind === 'share') cell.numFmt = '0.0%';
      if (c.kind === 'money' || c.kind === 'number' || c.kind === 'share') cell.alignment = { horizontal: 'right' };
      if (bold) cell.font = { bold: true };
    });
    row.commit();
  };
  void (async () => {
    try {
      sheet.addRow([neutralizeCell(`${report.company}: ${report.title}`)]).font = { bold: true, size: 13 };
      for (const [label, value] of report.filters) sheet.addRow([neutralizeCell(label), neutralizeCell(value)]);
      sheet.addRow([]);
      add(
        report.columns.map((c) => c.header),
        true,
      );
      // Let the head leave before any row is written: the first batch may be in memory already, and writing it
      // at once would hold the first bytes back until it is all written.
      await nextTurn();
      // Row by row with backpressure: wait while the reader has not taken what is written, and stop when the
      // download is cancelled, so a slow or abandoned download holds one batch, not the whole report.
      const iterator = report.rows[Symbol.asyncIterator]();
      for (;;) {
        if (out.destroyed) {
          await iterator.return?.();
          return;
        }
        const next = await iterator.next();
        if (next.done) break;
        // A batch takes exceljs about 80 ms per 1,000 rows: hand the thread to other requests between slices,
        // and drop the rest of the batch once the download is gone.
        for (let i = 0; i < next.value.length; i++) {
          if (i > 0 && i % ROWS_PER_SLICE === 0) {
            await nextTurn();
            if (out.destroyed) break;
          }
          add(next.value[i]!);
        }
        if (out.writableNeedDrain) await new Promise((resolve) => (out.once('drain', resolve), out.once('close', resolve)));
      }
      for (const cells of report.footer()) add(cells, true);
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
