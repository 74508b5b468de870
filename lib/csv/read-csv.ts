import { parse } from 'csv-parse/sync';
import { AppError, type FieldIssue } from '@/lib/errors/app-error';
import { unstorableTextMessage } from '@/lib/validation/storable-text';

/**
 * A CSV file with a header row as records keyed by normalized header ("Invoice Number" -> invoice_number),
 * values trimmed (quoted ones too); not CSV, empty, over `maxRows`, or a cell PostgreSQL cannot store (a NUL,
 * as a UTF-16 or binary file has) is a 400 naming the file, or each such cell's line and column.
 */
export function readCsvRecords(csv: string, maxRows: number, noun: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/[^a-z]+/g, '_')
            .replace(/^_|_$/g, ''),
        ),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new AppError('BAD_REQUEST', `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`, [
      { path: 'file', message: 'Not CSV' },
    ]);
  }
  if (records.length === 0) throw new AppError('BAD_REQUEST', `The file has no ${noun} rows.`, [{ path: 'file', message: 'Empty' }]);
  if (records.length > maxRows)
    throw new AppError('BAD_REQUEST', `At most ${maxRows.toLocaleString('en-US')} rows per file.`, [{ path: 'file', message: 'Too many rows' }]);
  return checkedCells(records);
}

/** Records with every value trimmed (csv-parse keeps the spaces inside quotes); a 400 naming unstorable cells. */
function checkedCells(records: Record<string, string>[]): Record<string, string>[] {
  const issues: FieldIssue[] = [];
  const trimmed = records.map((record, index) =>
    Object.fromEntries(
      Object.entries(record).map(([column, value]) => {
        const message = typeof value === 'string' ? unstorableTextMessage(value) : null;
        if (message && issues.length < 20) issues.push({ path: `line ${index + 2}.${column}`, message });
        return [column, typeof value === 'string' ? value.trim() : value];
      }),
    ),
  );
  if (issues.length > 0) {
    const where = issues.map((i) => i.path.replace('.', ', ')).join('; ');
    throw new AppError('BAD_REQUEST', `The file has text that cannot be stored (a NUL character or broken encoding): ${where}.`, issues);
  }
  return trimmed;
}
