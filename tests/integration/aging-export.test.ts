import {
  access,
  callFileRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  sessionCookie,
  type TestCompany,
} from '../support/fixtures';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportGET } from '@/app/api/v1/companies/[company]/aging/export/route';
import { prisma } from '@/lib/db/client';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../support/pdf-text';
import { exportAgingReport } from '@/lib/receivables/export-aging-report';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { recordPayment } from '@/lib/ledger/record-payment';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import type { ReportCell } from '@/lib/reports/tabular-report';

const AS_OF = '2026-05-20';
/** A company of its own with one invoice per customer (name, amount in minor units), and its admin's access. */
async function ownCompany(amounts: [string, number][]) {
  const own = await createCompany({ locations: ['Main'] });
  const loc = own.locations[0]!.id;
  const customers = await createCustomers(
    own.id,
    amounts.map(([name]) => name),
  );
  const invoices = await createInvoices(
    own.id,
    customers.map((c, i) => ({ customerId: c.id, locationId: loc, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: amounts[i]![1] })),
  );
  const admin = await access((await createMember(own, 'admin')).id, own.slug);
  return { own, loc, invoices, admin };
}

/** The aging export's batches of rows as the download reads them, `sizes` rows at a time. */
async function exportBatches(admin: CompanyAccess, query: Record<string, string>, sizes: { batch: number; first: number }) {
  const report = await exportAgingReport(admin, agingParamsSchema.parse({ asOf: AS_OF, ...query }), 'csv', new Date(`${AS_OF}T12:00:00Z`), sizes);
  return report.rows[Symbol.asyncIterator]();
}

const namesOf = (batch: ReportCell[][]) => batch.map((r) => String(r[0]));

/** The customer names of every batch left. */
async function readRest(rows: AsyncIterator<ReportCell[][]>): Promise<string[]> {
  const names: string[] = [];
  for (let next = await rows.next(); !next.done; next = await rows.next()) names.push(...namesOf(next.value));
  return names;
}

let company: TestCompany;
let collectorCookie: string;
let adminCookie: string;

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const north = company.locations[0]!;
  const south = company.locations[1]!;
  const [evil, plain, other] = await createCustomers(company.id, ['=HYPERLINK("http://evil.example","x")', 'Łódź Sp. z o.o.', 'South Only']);
  await createInvoices(company.id, [
    { customerId: evil!.id, locationId: north.id, invoiceDate: '2026-03-01', dueDate: '2026-03-31', amount: 12_345 },
    { customerId: plain!.id, locationId: north.id, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 500 },
    { customerId: other!.id, locationId: south.id, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 99_999 },
  ]);
  collectorCookie = await sessionCookie((await createMember(company, 'member', { view: [north.id] })).id);
  adminCookie = await sessionCookie((await createMember(company, 'admin')).id);
});

const csvOf = async (query: string, cookie: string) => {
  const res = await callFileRoute(exportGET, `/api/v1/companies/${company.slug}/aging/export?${query}`, { company: company.slug }, { cookie });
  return { res, rows: res.status === 200 ? (parse(new TextDecoder().decode(res.bytes).replace(/^\uFEFF/, '')) as string[][]) : [] };
};

const COLLECTIONS_HEADERS = [
  'Last contact',
  'Last contact kind',
  'Next action',
  'Next action date',
  'Promise',
  'Promised amount',
  'Promise currency',
  'Promised date',
  'Hold',
  'Hold reason',
];
const BLANK = COLLECTIONS_HEADERS.map(() => '');

describe('aging CSV export', () => {
  it("every row of the user's scope, amounts as decimals, formula-like names neutralized", async () => {
    const { res, rows } = await csvOf(`asOf=${AS_OF}`, collectorCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`${company.slug}-aging-${AS_OF}-USD.csv`);
    expect(rows[0]).toEqual([
      'Customer',
      'Customer ID',
      'Pending',
      'Current',
      '1-30',
      '31-60',
      '61-90',
      '91+',
      'Unapplied',
      'Net total',
      'Currency',
      ...COLLECTIONS_HEADERS,
    ]);
    // The collections columns are blank: nothing was logged (aging-collections-columns.test.ts fills them).
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(2)])).toEqual([
      ['\'=HYPERLINK("http://evil.example","x")', '0.00', '0.00', '0.00', '123.45', '0.00', '0.00', '0.00', '123.45', 'USD', ...BLANK],
      ['Łódź Sp. z o.o.', '0.00', '5.00', '0.00', '0.00', '0.00', '0.00', '0.00', '5.00', 'USD', ...BLANK],
      // The Total row, and each bucket's share of what is owed.
      ['Total', '0.00', '5.00', '0.00', '123.45', '0.00', '0.00', '0.00', '128.45', 'USD', ...BLANK],
      ['Share of total', '0%', '3.9%', '0%', '96.1%', '0%', '0%', '', '', '', ...BLANK],
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'aging.export' } });
    expect(audit.details).toMatchObject({ rows: 2, asOf: AS_OF });
  });

  it('follows the filters and ignores paging: search, and an admin sees every location', async () => {
    expect((await csvOf(`asOf=${AS_OF}&q=south&page=3&perPage=10`, adminCookie)).rows.slice(1, -2).map((r) => r[0])).toEqual(['South Only']);
    expect((await csvOf(`asOf=${AS_OF}`, adminCookie)).rows.length).toBe(1 + 3 + 2);
  });

  it('as Excel: a title and the filters above a frozen header, amounts as numbers in the currency format, the total and shares, formulas neutralized', async () => {
    const res = await callFileRoute(
      exportGET,
      `/api/v1/companies/${company.slug}/aging/export?asOf=${AS_OF}&format=xlsx`,
      { company: company.slug },
      { cookie: collectorCookie },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`${company.slug}-aging-${AS_OF}-USD.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.bytes) as never);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe(`${company.name}: AR aging summary`);
    expect(values(2)).toEqual(['As of', AS_OF]);
    const headerRow = sheet.views[0]!.state === 'frozen' ? (sheet.views[0] as { ySplit: number }).ySplit : -1;
    expect(values(headerRow).slice(0, 3)).toEqual(['Customer', 'Customer ID', 'Pending']);
    const first = sheet.getRow(headerRow + 1);
    expect(first.getCell(1).value).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(first.getCell(6).value).toBe(123.45);
    expect(first.getCell(6).numFmt).toBe('"$"#,##0.00;-"$"#,##0.00');
    const total = sheet.getRow(headerRow + 3);
    expect([total.getCell(1).value, total.getCell(10).value, total.getCell(1).font?.bold]).toEqual(['Total', 128.45, true]);
    const share = sheet.getRow(headerRow + 4);
    expect([share.getCell(1).value, share.getCell(4).value, share.getCell(4).numFmt]).toEqual(['Share of total', 500 / 12_845, '0.0%']);
  });

  it('as a landscape PDF with the company, the filters and page numbers', async () => {
    const res = await callFileRoute(
      exportGET,
      `/api/v1/companies/${company.slug}/aging/export?asOf=${AS_OF}&format=pdf`,
      { company: company.slug },
      { cookie: adminCookie },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await PDFDocument.load(res.bytes);
    const [page] = pdf.getPages();
    expect(page!.getWidth()).toBeGreaterThan(page!.getHeight());
    expect(pdf.getTitle()).toBe(`${company.name}: AR aging summary`);
    // What a reader sees: the buckets and the name per customer, the totals and shares; the ID, currency and the
    // empty collections columns are in the spreadsheets only.
    const lines = (await pdfText(res.bytes)).pages.join('\n').split('\n');
    expect(lines).toEqual(expect.arrayContaining(['Customer', '91+', 'Net total', 'South Only', '$999.99', '$1,128.44', 'Total', 'Share of total']));
    expect(lines).not.toEqual(expect.arrayContaining(['Customer ID']));
    expect(lines.filter((l) => ['Currency', 'USD', 'Last contact', 'Promise'].includes(l))).toEqual([]);
    const bad = await csvOf(`asOf=${AS_OF}&format=docx`, adminCookie);
    expect(bad.res.status).toBe(400);
    expect(bad.res.json?.error.issues?.[0]).toEqual({ path: 'format', message: 'Format must be csv, xlsx or pdf' });
  });

  it('reads in batches, the first one small, and writes each customer once, in order', async () => {
    const admin = await access((await createMember(company, 'admin')).id, company.slug);
    const read = async (sizes?: { batch: number; first: number }) => {
      const report = await exportAgingReport(admin, agingParamsSchema.parse({ asOf: AS_OF }), 'csv', new Date(`${AS_OF}T12:00:00Z`), sizes);
      const names: string[] = [];
      for await (const batch of report.rows) names.push(...batch.map((r) => String(r[0])));
      return { names, footer: report.footer() };
    };
    // One row first, then batches of two from the second row on: 1 + 1 + 1.
    const batched = await read({ batch: 2, first: 1 });
    const whole = await read({ batch: 100, first: 100 });
    expect(batched.names).toEqual(['=HYPERLINK("http://evil.example","x")', 'South Only', 'Łódź Sp. z o.o.']);
    expect(batched).toEqual(whole);
  });

  it('writes each customer once when a customer is added between the first batch and the next', async () => {
    const { own, loc, admin } = await ownCompany([
      ['Baker', 100],
      ['Carter', 200],
    ]);
    const rows = await exportBatches(admin, {}, { batch: 2, first: 1 });
    const written = namesOf((await rows.next()).value!);
    // Another user's invoice for a customer sorting first lands before the next batch is read.
    const [a] = await createCustomers(own.id, ['Able']);
    await createInvoices(own.id, [{ customerId: a!.id, locationId: loc, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 50 }]);
    written.push(...(await readRest(rows)));
    expect(written).toEqual(['Baker', 'Carter']);
  });

  it('loses no customer when one already written is paid off before the next batch is read', async () => {
    const names = ['Adams', 'Baker', 'Carter', 'Dixon', 'Evans', 'Foster'];
    const { invoices, admin } = await ownCompany(names.map((name) => [name, 100]));
    const rows = await exportBatches(admin, {}, { batch: 2, first: 1 });
    const written: string[] = [];
    while (!written.includes('Carter')) written.push(...namesOf((await rows.next()).value!));
    // Baker, already in the file, pays in full (dated before the as-of date) while the download runs.
    await recordPayment(admin, { invoiceId: invoices[1]!, amount: '1.00', receivedOn: '2026-05-10', reference: 'MID-EXPORT' });
    written.push(...(await readRest(rows)));
    expect(written).toEqual(names);
  });

  it('writes a customer once when a payment moves it past the next batch start (by total)', async () => {
    const { invoices, admin } = await ownCompany([
      ['Ames', 50_000],
      ['Bell', 40_000],
      ['Cole', 30_000],
    ]);
    const rows = await exportBatches(admin, { sort: '-total' }, { batch: 3, first: 1 });
    const written = namesOf((await rows.next()).value!);
    // Ames, first by total, pays most of its balance: it now sorts last, after where the next batch starts.
    await recordPayment(admin, { invoiceId: invoices[0]!, amount: '450.00', receivedOn: '2026-05-10', reference: 'MOVES-PAST' });
    written.push(...(await readRest(rows)));
    expect(written).toEqual(['Ames', 'Bell', 'Cole']);
  });

  it('reads batches in every order, ties included, exactly as one whole read', async () => {
    const { admin } = await ownCompany([
      ['Ames', 30_000],
      ['Bell', 50_000],
      ['Cole', 30_000],
      ['Drew', 10_000],
      ['Egan', 30_000],
      ['Ford', 30_000],
    ]);
    const read = async (sort: string, sizes: { batch: number; first: number }) => readRest(await exportBatches(admin, { sort }, sizes));
    const orders: Record<string, string[]> = {
      name: ['Ames', 'Bell', 'Cole', 'Drew', 'Egan', 'Ford'],
      '-name': ['Ford', 'Egan', 'Drew', 'Cole', 'Bell', 'Ames'],
      // Ties go by name either way.
      total: ['Drew', 'Ames', 'Cole', 'Egan', 'Ford', 'Bell'],
      '-total': ['Bell', 'Ames', 'Cole', 'Egan', 'Ford', 'Drew'],
    };
    for (const [sort, expected] of Object.entries(orders)) {
      expect({ sort, rows: await read(sort, { batch: 2, first: 1 }) }).toEqual({ sort, rows: expected });
      expect({ sort, rows: await read(sort, { batch: 100, first: 100 }) }).toEqual({ sort, rows: expected });
    }
  });

  it('refuses a location the user may not view, and a bad date, as JSON errors', async () => {
    const forbidden = await csvOf(`locations=${company.locations[1]!.id}`, collectorCookie);
    expect(forbidden.res.status).toBe(403);
    const bad = await csvOf('asOf=2026-02-30', collectorCookie);
    expect(bad.res.status).toBe(400);
    expect(bad.res.json?.error.issues?.[0]?.path).toBe('asOf');
  });
});
