import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from './neutralize-cell';

export interface CsvColumn<T> {
  header: string;
  /** Text columns are neutralized against formula injection; numbers and dates are written as they are. */
  text?: boolean;
  value: (row: T) => string | number;
}

/** RFC 4180 CSV with a header row (and a BOM so spreadsheet programs read UTF-8 names correctly). */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const records = rows.map((row) =>
    columns.map((c) => {
      const value = c.value(row);
      return c.text ? neutralizeCell(String(value)) : value;
    }),
  );
  return `\uFEFF${stringify([columns.map((c) => neutralizeCell(c.header)), ...records])}`;
}
