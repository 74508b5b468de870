import { parse } from 'csv-parse/sync';
import { AppError } from '@/lib/errors/app-error';

/**
 * A CSV file with a header row as records keyed by normalized header ("Invoice Number" -> invoice_number),
 * values trimmed; not CSV, empty, or over `maxRows` is a 400 naming the file.
 */
export function readCsvRecords(csv: string, maxRows: number, noun: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/[^a-z]+/g, '_').replace(/^_|_$/g, '')),
      skip_empty_lines: true, trim: true, relax_column_count: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new AppError('BAD_REQUEST', `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`, [{ path: 'file', message: 'Not CSV' }]);
  }
  if (records.length === 0) throw new AppError('BAD_REQUEST', `The file has no ${noun} rows.`, [{ path: 'file', message: 'Empty' }]);
  if (records.length > maxRows) throw new AppError('BAD_REQUEST', `At most ${maxRows.toLocaleString('en-US')} rows per file.`, [{ path: 'file', message: 'Too many rows' }]);
  return records;
}
