import { z } from 'zod';

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const reportFormatSchema = z.enum(REPORT_FORMATS, 'Format must be csv, xlsx or pdf').default('csv');

/** How a column's values are written: money in minor units of the report's currency, a share as a fraction. */
export type ColumnKind = 'text' | 'money' | 'number' | 'date' | 'share';

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
  /** Relative width (about characters) for the spreadsheet and the PDF. */
  width: number;
  /** false: left out of the PDF, whose landscape page holds about 150 characters of columns. */
  pdf?: boolean;
  /** Text printed whole in the PDF (an invoice number, a bucket): only other text may end in "…" when space is short. */
  whole?: boolean;
}

/**
 * A cell: text, a number (money in minor units in money columns, a share as 0.123 in share columns), a share
 * in any column (a footer's "Share of total" row under money columns), or empty.
 */
export type ReportCell = string | number | { share: number } | null;

/**
 * One report in any format: a title and its filters (printed in the file), columns, the rows in batches (so a
 * long report is written as it is read, in constant memory), and footer rows (totals, shares).
 */
export interface TabularReport {
  title: string;
  company: string;
  currency: string;
  /** The file name without its extension. */
  filename: string;
  filters: [string, string][];
  columns: ReportColumn[];
  rows: AsyncIterable<ReportCell[][]>;
  /** Read once every row is written, so totals can be summed from the rows as they stream. */
  footer: () => ReportCell[][];
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A share as people read it: "12.3%", "<0.1%" rather than a misleading 0.0%. */
export function shareText(share: number): string {
  if (share === 0) return '0%';
  const pct = share * 100;
  return pct > 0 && pct < 0.1 ? '<0.1%' : `${pct.toFixed(1)}%`;
}
