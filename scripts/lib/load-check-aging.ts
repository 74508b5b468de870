import { parse } from 'csv-parse/sync';
import { minorDigits } from '../../lib/money/currency';
import { neutralizeCell } from '../../lib/csv/neutralize-cell';
import { Checker, sumOf } from './load-checker';
import type { LoadCustomer } from './load-personas';
import type { AgingAmountsRow, AgingReport } from '../../lib/receivables/get-aging-page';
import { AGING_EXPORT_COLLECTION_HEADERS } from '../../lib/receivables/export-aging-report';

/** GET …/aging as the API answers it. */
export type AgingReportJson = Omit<AgingReport, 'locations' | 'hasUnapplied'>;
export type AgingRowJson = AgingAmountsRow;

export interface AgingExpectation {
  slug: string;
  currency: string;
  bucketKeys: string[];
  visible: Map<string, LoadCustomer>;
  page: number;
  perPage: number;
  sort: string;
  asOf?: string;
  q?: string;
}

/** Buckets less unapplied is the net total; every bucket and the unapplied amount are whole and not negative. */
function checkAmounts(c: Checker, row: AgingRowJson, keys: string[], what: string): void {
  c.eq(
    Object.keys(row.amounts ?? {})
      .sort()
      .join(','),
    [...keys].sort().join(','),
    `${what} bucket keys`,
  );
  for (const k of keys) c.money(row.amounts?.[k], `${what} ${k}`, { min: 0 });
  c.money(row.unapplied, `${what} unapplied`, { min: 0 });
  c.money(row.total, `${what} total`);
  c.eq(
    row.total,
    sumOf(row.amounts ?? {}, keys) - row.unapplied,
    `${what} total (buckets ${keys.map((k) => row.amounts?.[k]).join('+')} less unapplied ${row.unapplied})`,
  );
}

/** A customer the caller may see, named as in the database; and the name search honoured. */
function checkCustomer(c: Checker, id: string, name: string, e: Pick<AgingExpectation, 'visible' | 'q'>, what: string): void {
  const known = e.visible.get(id);
  if (!c.ok(known !== undefined, `${what}: customer ${id} (${name}) is outside the caller's company or permitted locations`)) return;
  c.eq(name, known!.name, `${what} customer ${id} name`);
  if (e.q) c.ok(name.toLowerCase().includes(e.q.toLowerCase()), `${what}: customer ${name} does not match the search "${e.q}"`);
}

/** Every assertion an aging page answer must satisfy on its own, whatever other users write meanwhile. */
export function checkAgingReport(c: Checker, r: AgingReportJson, e: AgingExpectation): void {
  c.eq(r.company, e.slug, 'company');
  c.eq(r.currency, e.currency, 'currency');
  c.eq(r.page, e.page, 'page');
  c.eq(r.perPage, e.perPage, 'perPage');
  c.eq(r.sort, e.sort, 'sort');
  if (e.asOf) c.eq(r.asOf, e.asOf, 'asOf');
  c.eq((r.buckets ?? []).map((b) => b.key).join(','), e.bucketKeys.join(','), 'buckets');
  checkAmounts(c, r.summary, e.bucketKeys, 'summary');
  c.eq(r.totalPages, Math.ceil(r.totalRows / e.perPage), `totalPages for ${r.totalRows} rows`);
  c.eq(r.rows.length, Math.max(0, Math.min(e.perPage, r.totalRows - (e.page - 1) * e.perPage)), `rows on page ${e.page} of ${r.totalRows} rows`);
  const seen = new Set<string>();
  r.rows.forEach((row, i) => {
    const what = `row ${i + 1} (${row.customer.name})`;
    c.ok(!seen.has(row.customer.id), `${what}: customer ${row.customer.id} twice on one page`);
    seen.add(row.customer.id);
    checkCustomer(c, row.customer.id, row.customer.name, e, what);
    checkAmounts(c, row, e.bucketKeys, what);
  });
  const key = e.sort.startsWith('-') ? e.sort.slice(1) : null;
  if (key && key !== 'name') {
    const value = (row: AgingRowJson) => (key === 'total' ? row.total : (row.amounts[key] ?? 0));
    r.rows
      .slice(1)
      .forEach((row, i) =>
        c.ok(value(row) <= value(r.rows[i]!), () => `sort ${e.sort}: row ${i + 2} (${value(row)}) is above row ${i + 1} (${value(r.rows[i]!)})`),
      );
  }
  // With every row on this page, the summary is their sum (it is computed over all rows in the same statement).
  if (e.page === 1 && r.totalRows <= e.perPage) {
    for (const k of e.bucketKeys)
      c.eq(
        r.summary.amounts[k],
        r.rows.reduce((s, row) => s + (row.amounts[k] ?? 0), 0),
        `summary ${k} against the sum of all ${r.totalRows} rows`,
      );
    c.eq(
      r.summary.unapplied,
      r.rows.reduce((s, row) => s + row.unapplied, 0),
      'summary unapplied against the sum of all rows',
    );
    c.eq(
      r.summary.total,
      r.rows.reduce((s, row) => s + row.total, 0),
      'summary total against the sum of all rows',
    );
  }
}

/** "-12.34" in a currency with `digits` minor digits -> -1234; NaN when it is not such a number. */
export function decimalToMinor(text: string, digits: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[3] ?? '').length !== digits) return NaN;
  const minor = Number(m[2]) * 10 ** digits + Number(m[3] || 0);
  return m[1] ? -minor : minor;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Each collections cell is empty or of its kind, and a promise or a contact comes with all of its parts. */
function checkCollectionCells(c: Checker, what: string, cells: string[]): void {
  const [lastAt, lastKind, next, nextOn, promise, promised, promiseCurrency, promisedOn, hold, holdReason] = cells as string[] & { length: 10 };
  c.ok(lastAt === '' ? lastKind === '' : ISO_INSTANT.test(lastAt!) && lastKind !== '', () => `${what}: last contact "${lastAt}" / "${lastKind}"`);
  c.ok(next === '' ? nextOn === '' : DATE.test(nextOn!), () => `${what}: next action "${next}" on "${nextOn}"`);
  c.ok(
    promise === ''
      ? promised === '' && promiseCurrency === '' && promisedOn === ''
      : ['pending', 'kept', 'partly_kept', 'broken'].includes(promise!) &&
          Number.isSafeInteger(decimalToMinor(promised!, minorDigits(promiseCurrency!))) &&
          DATE.test(promisedOn!),
    () => `${what}: promise "${promise}" ${promised} ${promiseCurrency} on "${promisedOn}"`,
  );
  c.ok(hold === '' ? holdReason === '' : ['hold', 'dispute'].includes(hold!) && holdReason !== '', () => `${what}: hold "${hold}" "${holdReason}"`);
}

export interface CsvExpectation {
  currency: string;
  /** Bucket labels, in order, as the JSON answer lists them. */
  bucketLabels: string[];
  visible: Map<string, LoadCustomer>;
  q?: string;
}

/**
 * The aging CSV export (lib/receivables/export-aging-report.ts): header, one line per visible customer that adds
 * up, then a Total row equal to the sum of the lines and a Share of total row.
 */
export function checkAgingCsv(c: Checker, text: string, e: CsvExpectation): number {
  const records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  const header = ['Customer', 'Customer ID', ...e.bucketLabels, 'Unapplied', 'Net total', 'Currency', ...AGING_EXPORT_COLLECTION_HEADERS];
  if (!c.eq((records[0] ?? []).join('|'), header.map(neutralizeCell).join('|'), 'CSV header')) return 0;
  const digits = minorDigits(e.currency);
  const seen = new Set<string>();
  const footer = records.slice(-2);
  if (!c.eq(footer.map((r) => r[0]).join('|'), 'Total|Share of total', 'CSV footer rows')) return 0;
  const lines = records.slice(1, -2);
  const n = e.bucketLabels.length;
  const sums = Array.from({ length: n + 2 }, (_, k) => lines.reduce((t, rec) => t + decimalToMinor(rec[2 + k] ?? '', digits), 0));
  c.eq(
    footer[0]!
      .slice(2, 2 + n + 2)
      .map((v) => decimalToMinor(v, digits))
      .join('|'),
    sums.join('|'),
    'CSV Total row (the sum of the lines)',
  );
  lines.forEach((rec, i) => {
    const what = `CSV line ${i + 2}`;
    if (!c.eq(rec.length, header.length, `${what} column count`)) return;
    const [name, id] = rec as [string, string];
    c.ok(!seen.has(id), `${what}: customer ${id} twice`);
    seen.add(id);
    const known = e.visible.get(id);
    if (c.ok(known !== undefined, `${what}: customer ${id} (${name}) is outside the caller's company or permitted locations`)) {
      c.eq(name, neutralizeCell(known!.name), `${what} customer name`);
    }
    if (e.q) c.ok(name.toLowerCase().includes(e.q.toLowerCase()), `${what}: ${name} does not match the search "${e.q}"`);
    const amounts = rec.slice(2, 2 + n + 2).map((v) => decimalToMinor(v, digits));
    c.ok(
      amounts.every((a) => Number.isSafeInteger(a)),
      () => `${what}: amounts ${rec.slice(2, 2 + n + 2).join(', ')} are not ${e.currency} amounts`,
    );
    const buckets = amounts.slice(0, n);
    const [unapplied, net] = amounts.slice(n) as [number, number];
    c.ok(buckets.every((a) => a >= 0) && unapplied >= 0, `${what}: a negative bucket or unapplied amount`);
    c.eq(net, buckets.reduce((s, a) => s + a, 0) - unapplied, `${what} net total (buckets less unapplied)`);
    c.eq(rec[2 + n + 2], e.currency, `${what} currency`);
    checkCollectionCells(c, what, rec.slice(2 + n + 3));
  });
  return lines.length;
}
