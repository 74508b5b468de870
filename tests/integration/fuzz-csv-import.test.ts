// Fuzzes the CSV imports (defect 7: bad input reached the database): the review and the import the server actions
// call, with generated files. Each must either answer or throw a typed AppError naming the file, row or field;
// an import writes all of its importable rows or nothing. Seed: FUZZ_SEED (see tests/support/fuzz.ts).
import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { readCsvRecords } from '@/lib/csv/read-csv';
import { AppError } from '@/lib/errors/app-error';
import { importInvoices, previewInvoiceImport } from '@/lib/invoices/import-invoices';
import { importPayments, previewPaymentImport } from '@/lib/ledger/import-payments';
import {
  amountText,
  dateText,
  fuzzOptions,
  hostileText,
  INCOMPRESSIBLE,
  printTallies,
  rowCounts,
  tally,
  validAmount,
  validDate,
} from '../support/fuzz';

const TALLY_ONLY = process.env.FUZZ_TALLY === '1';
let company: TestCompany;
let users: CompanyAccess[];
const numbers: string[] = [];

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const [north, south] = company.locations.map((l) => l.id) as [string, string];
  users = [
    await access((await createMember(company, 'admin')).id, company.slug),
    await access((await createMember(company, 'member', { view: [north, south], modify: [north] })).id, company.slug),
  ];
  const customers = await createCustomers(company.id, ['Harbour Ltd', 'South Co']);
  const specs = customers.flatMap((c, i) =>
    [0, 1, 2].map((k) => ({
      customerId: c.id,
      locationId: i === 0 ? north : south,
      invoiceDate: '2025-01-10',
      dueDate: '2025-02-09',
      amount: 100_000_000,
      number: `CSV-${company.slug}-${i}-${k}`,
      currency: k === 2 ? 'JPY' : 'USD',
    })),
  );
  await createInvoices(company.id, specs);
  numbers.push(...specs.map((s) => s.number));
});

afterAll(printTallies);

/** A cell: the valid-looking value, or hostile text, whitespace a quoted cell keeps, or a formula. */
const cell = (valid: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 2, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom('  ', ' \t ', '=1+1', '"', '""') },
  );
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A file: a header of known (renamed, missing, extra) columns; rows of valid-looking or mutated cells; quoted, raw or junk text. */
function csvFile(columns: Record<string, { names: string[]; value: fc.Arbitrary<string> }>): fc.Arbitrary<string> {
  const cols = Object.values(columns);
  const header = fc.tuple(
    ...cols.map((c) =>
      fc.oneof(
        { weight: 18, arbitrary: fc.constantFrom(...c.names) },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: hostileText },
      ),
    ),
  );
  const row = fc.oneof(fc.tuple(...cols.map((c) => c.value)), fc.tuple(...cols.map((c) => cell(c.value))));
  const table = fc
    .record({
      header,
      rows: fc.array(row, { maxLength: 6 }),
      quoted: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
    })
    .map(({ header: h, rows, quoted, eol, bom }) => {
      const keep = h.map((name, i) => (name === null ? -1 : i)).filter((i) => i >= 0);
      const line = (cells: string[]) => keep.map((i) => (quoted ? quote(cells[i]!) : cells[i]!)).join(',');
      return (bom ? '\uFEFF' : '') + [line(h.map((n) => n ?? '')), ...rows.map(line)].join(eol);
    });
  return fc.oneof({ weight: 12, arbitrary: table }, { weight: 1, arbitrary: hostileText });
}

/** Mostly the valid value, else the odd one. */
const mostly = (valid: fc.Arbitrary<string>, odd: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: odd });

function expectTypedError(error: unknown): void {
  if (!(error instanceof AppError)) throw error;
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.issues?.length).toBeGreaterThan(0);
  for (const i of error.issues!) expect([typeof i.path, typeof i.message]).toEqual(['string', 'string']);
}

/** Review then import one file: typed errors only; a refused import writes nothing, an accepted one what the review promised. */
async function reviewThenImport<P, I>(
  surface: string,
  csv: string,
  as: number,
  run: {
    preview: (a: CompanyAccess, csv: string) => Promise<P>;
    importFile: (a: CompanyAccess, csv: string) => Promise<I>;
    expectWrites: (p: P, i: I, delta: Record<string, number>) => void;
  },
): Promise<void> {
  const before = await rowCounts(company.id);
  let preview: P;
  try {
    preview = await run.preview(users[as]!, csv);
  } catch (error) {
    const typed = error instanceof AppError;
    tally(`${surface} review`, typed ? 400 : 500);
    if (typed || !TALLY_ONLY) expectTypedError(error);
    return;
  }
  tally(`${surface} review`, 200);
  expect(await rowCounts(company.id), 'the review wrote rows').toEqual(before);
  let result: I;
  try {
    result = await run.importFile(users[as]!, csv);
  } catch (error) {
    tally(`${surface} import`, error instanceof AppError ? 400 : 500);
    if (error instanceof AppError || !TALLY_ONLY) expectTypedError(error);
    expect(await rowCounts(company.id), 'a refused import wrote rows').toEqual(before);
    return;
  }
  tally(`${surface} import`, 200);
  const after = await rowCounts(company.id);
  run.expectWrites(preview, result, Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k]!])));
}

describe('fuzz: CSV imports answer typed errors and write all importable rows or nothing', () => {
  it('readCsvRecords: records of trimmed, storable text, or a typed error', { timeout: 60_000 }, () => {
    const file = fc.oneof(
      csvFile({ a: { names: ['A'], value: hostileText }, b: { names: ['B b'], value: hostileText } }),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(file, (csv) => {
        let records: Record<string, string>[];
        try {
          records = readCsvRecords(csv, 100, 'test');
        } catch (error) {
          tally('readCsvRecords', error instanceof AppError ? 400 : 500);
          return expectTypedError(error);
        }
        tally('readCsvRecords', 200);
        for (const value of records.flatMap((r) => Object.values(r))) {
          expect(value).toBe(value.trim());
          expect(value).not.toMatch(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        }
      }),
      fuzzOptions,
    );
  });

  it('payments: review and import', { timeout: 240_000 }, async () => {
    const file = csvFile({
      invoice: { names: ['Invoice Number', 'invoice', 'INVOICE_ID'], value: mostly(fc.constantFrom(...numbers), fc.constant('NOPE-1')) },
      amount: { names: ['Amount'], value: mostly(validAmount, amountText) },
      date: { names: ['Date', 'date'], value: mostly(validDate, dateText) },
      reference: {
        names: ['Reference'],
        value: mostly(
          fc.integer({ min: 1, max: 1e9 }).map((n) => `CSVR-${n}`),
          fc.constantFrom('CSVR-1', 'r'.repeat(101), INCOMPRESSIBLE),
        ),
      },
      method: { names: ['Method'], value: mostly(fc.constantFrom('', 'check', 'Bank Transfer'), fc.constant('wire')) },
    });
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.nat(3).map((n) => (n === 3 ? 1 : 0)),
        async (csv, as) => {
          await reviewThenImport('payments', csv, as, {
            preview: previewPaymentImport,
            importFile: importPayments,
            expectWrites: (p, i, delta) => {
              expect(i.imported).toBe(p.importable);
              expect([delta.payments, delta.audit_logs, delta.invoices, delta.customers]).toEqual([i.imported, 1, 0, 0]);
              expect(delta.applications).toBeLessThanOrEqual(i.imported);
            },
          });
        },
      ),
      fuzzOptions,
    );
  });

  it('invoices (and their new customers): review and import', { timeout: 240_000 }, async () => {
    const file = csvFile({
      customer: {
        names: ['Customer'],
        value: mostly(fc.constantFrom('Harbour Ltd', 'New Co', 'Ünïcødé GmbH'), fc.constantFrom('x'.repeat(300), INCOMPRESSIBLE)),
      },
      number: {
        names: ['Invoice Number', 'invoice_number'],
        value: mostly(
          fc.integer({ min: 1, max: 1e9 }).map((n) => `CSVI-${n}`),
          fc.constantFrom(...numbers, INCOMPRESSIBLE),
        ),
      },
      invoiceDate: { names: ['Invoice Date'], value: mostly(validDate, dateText) },
      dueDate: { names: ['Due Date'], value: mostly(fc.constant('2027-01-31'), dateText) },
      location: { names: ['Location'], value: mostly(fc.constantFrom('North', 'north'), fc.constantFrom('South', 'Nowhere')) },
      amount: { names: ['Amount'], value: mostly(fc.constant(''), amountText) },
      currency: { names: ['Currency'], value: mostly(fc.constantFrom('', 'USD', 'usd'), fc.constantFrom('JPY', 'EURO')) },
      description: { names: ['Line Description'], value: mostly(fc.constantFrom('Panel', ''), fc.constant('d'.repeat(600))) },
      quantity: { names: ['Line Quantity'], value: mostly(fc.constantFrom('1', '2.5', ''), fc.constantFrom('0', '0.000', '999999999.999', '-1')) },
      unitPrice: { names: ['Line Unit Price'], value: mostly(validAmount, fc.oneof(fc.constantFrom('', '90071992547409.91'), amountText)) },
    });
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.nat(3).map((n) => (n === 3 ? 1 : 0)),
        async (csv, as) => {
          await reviewThenImport('invoices', csv, as, {
            preview: previewInvoiceImport,
            importFile: importInvoices,
            expectWrites: (p, i, delta) => {
              expect(i.importable).toBe(p.importable);
              const newCustomers = new Set(i.groups.filter((g) => !g.error && !g.duplicate && g.newCustomer).map((g) => g.customer)).size;
              expect([delta.invoices, delta.customers, delta.audit_logs, delta.payments]).toEqual([i.importable, newCustomers, 1, 0]);
            },
          });
        },
      ),
      fuzzOptions,
    );
  });
});
