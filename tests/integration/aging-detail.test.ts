// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  access,
  callFileRoute,
  callRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  type TestCompany,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { recordPayment } from '@/lib/ledger/record-payment';
import { agingDetailParamsSchema } from '@/lib/receivables/aging-detail-params';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingDetail } from '@/lib/receivables/get-aging-detail';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { GET as detailGET } from '@/app/api/v1/companies/[company]/aging/detail/route';
import { GET as detailExportGET } from '@/app/api/v1/companies/[company]/aging/detail/export/route';
import { exportAgingDetail } from '@/lib/receivables/export-aging-detail';
import { writeCsv } from '@/lib/reports/write-csv';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';

// Every read is pinned to this as-of date; the payment is dated before today so the ledger accepts it.
const AS_OF = '2026-06-30';
const detail = (acc: CompanyAccess, q: Record<string, string> = {}) => getAgingDetail(acc, agingDetailParamsSchema.parse({ asOf: AS_OF, ...q }));

let co: TestCompany;
let admin: CompanyAccess;
let limited: CompanyAccess;
let token: string;
let otherToken: string;
let ids: { acme: string; beta: string; source: string; paidInvoice: string };

beforeAll(async () => {
  co = await createCompany({ name: 'Detail Co', locations: ['North', 'South'] });
  const [north, south] = co.locations.map((l) => l.id) as [string, string];
  const adminUser = await createMember(co, 'admin');
  admin = await access(adminUser.id, co.slug);
  limited = await access((await createMember(co, 'member', { view: [north] }, 'Nora North')).id, co.slug);
  token = (await createTokenFor(co.id, adminUser.id)).secret;
  const other = await createCompany();
  otherToken = (await createTokenFor(other.id, (await createMember(other, 'admin')).id)).secret;
  const source = await prisma.billSource.create({ data: { companyId: co.id, name: 'Monitoring', frequency: 'monthly' } });
  await prisma.location.update({ where: { companyId_id: { companyId: co.id, id: north } }, data: { collectorId: adminUser.id } });
  const [acme, beta] = await createCustomers(co.id, [
    { name: 'Acme', defaultLocationId: north },
    { name: 'Beta', defaultLocationId: south },
  ]);
  const inv = (customerId: string, locationId: string, number: string, dueDate: string, amount: number, billSourceId: string | null = null) => ({
    customerId,
    locationId,
    number: `${co.slug}-${number}`,
    invoiceDate: '2026-01-01',
    dueDate,
    amount,
    billSourceId,
  });
  const created = await createInvoices(co.id, [
    inv(acme!.id, north, 'A-CUR', '2026-07-15', 1_000), // current
    inv(acme!.id, north, 'A-10', '2026-06-20', 2_000), // 10 days: 1-30
    inv(acme!.id, north, 'A-45', '2026-05-16', 4_000, source.id), // 45 days: 31-60
    inv(beta!.id, south, 'B-100', '2026-03-22', 8_000), // 100 days: 91+
    inv(beta!.id, south, 'B-61', '2026-04-30', 16_000), // 61 days: 61-90
  ]);
  // Paid in full after the as-of date: on 30 June it still owed 32.00, and counts there.
  const [paid] = await createInvoices(co.id, [inv(acme!.id, north, 'A-PAID', '2026-06-01', 3_200)]);
  await recordPayment(admin, { invoiceId: paid!, amount: '32.00', receivedOn: '2026-07-02', reference: 'LATE' });
  ids = { acme: acme!.id, beta: beta!.id, source: source.id, paidInvoice: paid! };
  expect(created).toHaveLength(5);
});

describe('AR aging detail', () => {
  it('lists every open invoice on the as-of date, most days overdue first, with its bucket and balance on that date', async () => {
    const d = await detail(admin);
    expect(
      d.rows.map((r) => [
        r.invoice.number.split('-').slice(-2).join('-'),
        r.customer.name,
        r.location,
        r.daysOverdue,
        r.bucket,
        r.balance,
        r.billSource,
      ]),
    ).toEqual([
      ['B-100', 'Beta', 'South', 100, 'days_91_plus', 8_000, null],
      ['B-61', 'Beta', 'South', 61, 'days_61_90', 16_000, null],
      ['A-45', 'Acme', 'North', 45, 'days_31_60', 4_000, 'Monitoring'],
      ['A-PAID', 'Acme', 'North', 29, 'days_1_30', 3_200, null],
      ['A-10', 'Acme', 'North', 10, 'days_1_30', 2_000, null],
      ['A-CUR', 'Acme', 'North', 0, 'current', 1_000, null],
    ]);
    expect(d).toMatchObject({ totalRows: 6, totalBalance: 34_200, totalPages: 1, sort: '-days' });
    // The location's collector and the customer's last contact come with each row.
    expect(d.rows.find((r) => r.customer.name === 'Acme')?.collector).toBeTruthy();
    expect(d.rows.find((r) => r.customer.name === 'Beta')?.collector).toBeNull();
    const fewest = await detail(admin, { sort: 'days' });
    expect(fewest.rows.map((r) => r.daysOverdue)).toEqual([0, 10, 29, 45, 61, 100]);
  });

  it('filters by bucket, customer, location and bill source, and each bucket adds up to the aging page', async () => {
    const page = await getAgingPage(admin, agingParamsSchema.parse({ asOf: AS_OF }));
    for (const b of page.buckets) {
      const d = await detail(admin, { bucket: b.key });
      expect([b.key, d.totalBalance]).toEqual([b.key, page.summary.amounts[b.key]]);
    }
    const acme130 = await detail(admin, { bucket: 'days_1_30', customer: ids.acme });
    expect(acme130.rows.map((r) => r.balance)).toEqual([3_200, 2_000]);
    expect(acme130).toMatchObject({ totalRows: 2, totalBalance: 5_200 });
    const south = await detail(admin, { locations: co.locations[1]!.id });
    expect(south.rows.map((r) => r.customer.name)).toEqual(['Beta', 'Beta']);
    const monitoring = await detail(admin, { billSource: ids.source });
    expect(monitoring).toMatchObject({ totalRows: 1, totalBalance: 4_000, billSource: { id: ids.source, name: 'Monitoring' } });
  });

  it('pages with the totals of every page', async () => {
    const [one, two, three] = await Promise.all(['1', '2', '3'].map((page) => detail(admin, { perPage: '25', page })));
    expect(one!.rows).toHaveLength(6);
    expect(two!.rows).toHaveLength(0);
    expect(three).toMatchObject({ totalRows: 6, totalPages: 1 });
  });

  it("shows a limited user only their locations' invoices", async () => {
    const d = await detail(limited);
    expect(d.rows.map((r) => r.location)).toEqual(['North', 'North', 'North', 'North']);
    expect(d.totalBalance).toBe(1_000 + 2_000 + 4_000 + 3_200);
    await expect(detail(limited, { locations: co.locations[1]!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports every invoice, read in batches by due date, with a Total row that adds them up', async () => {
    for (const sort of ['-days', 'days'] as const) {
      const report = await exportAgingDetail(admin, agingDetailParamsSchema.parse({ asOf: AS_OF, sort }), 'csv', new Date(), 2);
      const csv = await new Response(writeCsv(report)).text();
      const rows = parse(csv.replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]!.slice(0, 3)).toEqual(['Customer', 'Invoice', 'Location']);
      const invoices = rows.slice(1, -1).map((r) => r[1]!.split('-').slice(-2).join('-'));
      const mostFirst = ['B-100', 'B-61', 'A-45', 'A-PAID', 'A-10', 'A-CUR'];
      expect(invoices).toEqual(sort === '-days' ? mostFirst : [...mostFirst].reverse());
      expect(rows.at(-1)).toEqual(['Total', '6 invoices', '', '', '', '', '', '', '342.00', '', '']);
    }
    const res = await callFileRoute<{ company: string }>(
      detailExportGET,
      `/api/v1/companies/${co.slug}/aging/detail/export?asOf=${AS_OF}&bucket=days_1_30&format=xlsx`,
      { company: co.slug },
      { token },
    );
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.bytes) as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.views[0] as { ySplit: number }).ySplit;
    expect((sheet.getRow(header).values as unknown[]).slice(1, 4)).toEqual(['Customer', 'Invoice', 'Location']);
    expect([sheet.getRow(header + 1).getCell(9).value, sheet.getRow(header + 2).getCell(9).value, sheet.getRow(header + 3).getCell(9).value]).toEqual(
      [32, 20, 52],
    );
    const pdf = await callFileRoute<{ company: string }>(
      detailExportGET,
      `/api/v1/companies/${co.slug}/aging/detail/export?asOf=${AS_OF}&format=pdf`,
      { company: co.slug },
      { token },
    );
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1);
    expect(await prisma.auditLog.count({ where: { companyId: co.id, action: 'aging_detail.export' } })).toBeGreaterThanOrEqual(3);
  });

  it('answers the API with the same filters, names a bad bucket, and hides the company from others', async () => {
    const ok = await callRoute<{ totalRows: number; rows: { bucket: string }[] }>(
      detailGET,
      `/api/v1/companies/${co.slug}/aging/detail?asOf=${AS_OF}&bucket=days_91_plus`,
      { company: co.slug },
      { token },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.rows.map((r) => r.bucket)).toEqual(['days_91_plus']);
    const bad = await callRoute(detailGET, `/api/v1/companies/${co.slug}/aging/detail?bucket=days_1_99`, { company: co.slug }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe('bucket');
    const perPage = await callRoute(detailGET, `/api/v1/companies/${co.slug}/aging/detail?perPage=7`, { company: co.slug }, { token });
    expect(perPage.body.error.issues).toEqual([{ path: 'perPage', message: 'Must be 25, 50 or 100' }]);
    const foreign = await callRoute(detailGET, `/api/v1/companies/${co.slug}/aging/detail`, { company: co.slug }, { token: otherToken });
    expect(foreign.status).toBe(404);
  });
});
