// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  access,
  callRoute,
  callFileRoute,
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
import { invoiceListParamsSchema } from '@/lib/invoices/invoice-list-params';
import { listInvoices } from '@/lib/invoices/list-invoices';
import { paymentsReceivedParamsSchema } from '@/lib/ledger/payments-received-params';
import { listPaymentsReceived } from '@/lib/ledger/list-payments-received';
import { GET as invoicesGET } from '@/app/api/v1/companies/[company]/invoices/route';
import { GET as paymentsGET } from '@/app/api/v1/companies/[company]/payments/route';
import { GET as paymentsExportGET } from '@/app/api/v1/companies/[company]/payments/export/route';

// Today is pinned for the lists' "today" (days overdue, the aging bucket).
const NOW = new Date('2026-06-30T12:00:00Z');
const invoices = (acc: CompanyAccess, q: Record<string, string> = {}) => listInvoices(acc, invoiceListParamsSchema.parse(q), NOW);
const payments = (acc: CompanyAccess, q: Record<string, string> = {}) => listPaymentsReceived(acc, paymentsReceivedParamsSchema.parse(q));

let co: TestCompany;
let admin: CompanyAccess;
let north: CompanyAccess;
let token: string;
let ids: { acme: string; beta: string; open: string };

beforeAll(async () => {
  co = await createCompany({ name: 'Lists Co', locations: ['North', 'South'] });
  const [n, s] = co.locations.map((l) => l.id) as [string, string];
  const adminUser = await createMember(co, 'admin');
  admin = await access(adminUser.id, co.slug);
  north = await access((await createMember(co, 'member', { view: [n], modify: [n] })).id, co.slug);
  token = (await createTokenFor(co.id, adminUser.id)).secret;
  const [acme, beta] = await createCustomers(co.id, [
    { name: 'Acme', defaultLocationId: n },
    { name: 'Beta', defaultLocationId: s },
  ]);
  const inv = (
    customerId: string,
    locationId: string,
    number: string,
    invoiceDate: string,
    dueDate: string,
    amount: number,
    status: 'draft' | 'open' = 'open',
  ) => ({
    customerId,
    locationId,
    number: `${co.slug}-${number}`,
    invoiceDate,
    dueDate,
    amount,
    status,
  });
  const [open] = await createInvoices(co.id, [
    inv(acme!.id, n, 'N-1', '2026-05-01', '2026-05-31', 10_000), // 30 days overdue today
    inv(acme!.id, n, 'N-2', '2026-06-01', '2026-07-01', 20_000), // not due
    inv(acme!.id, n, 'N-3', '2026-06-10', '2026-07-10', 5_000, 'draft'),
    inv(beta!.id, s, 'S-1', '2026-03-01', '2026-03-31', 40_000), // 91 days
  ]);
  ids = { acme: acme!.id, beta: beta!.id, open: open! };
  await recordPayment(admin, { invoiceId: open!, amount: '40.00', receivedOn: '2026-06-15', reference: 'CHK-100', method: 'check' });
  await recordPayment(admin, { customerId: beta!.id, amount: '25.00', receivedOn: '2026-06-15', reference: 'WIRE-7', method: 'bank_transfer' });
  await recordPayment(admin, { customerId: acme!.id, amount: '12.50', receivedOn: '2026-06-20', reference: 'CHK-101', method: 'check' });
});

describe('invoices list', () => {
  it('lists every state, newest first, with balances, days overdue and totals', async () => {
    const list = await invoices(admin);
    expect(list.rows.map((r) => [r.number.split('-').slice(-2).join('-'), r.status, r.amount, r.balance, r.daysOverdue])).toEqual([
      ['N-3', 'draft', 5_000, 5_000, 0],
      ['N-2', 'open', 20_000, 20_000, 0],
      ['N-1', 'partially_paid', 10_000, 6_000, 30],
      ['S-1', 'open', 40_000, 40_000, 91],
    ]);
    expect(list.totals).toEqual([{ currency: 'USD', count: 4, amount: 75_000, balance: 71_000 }]);
  });

  it('filters by state, bucket, customer, dates and number, and keeps to the user’s locations', async () => {
    expect((await invoices(admin, { state: 'draft,partially_paid' })).rows.map((r) => r.status)).toEqual(['draft', 'partially_paid']);
    expect((await invoices(admin, { bucket: 'days_91_plus' })).rows.map((r) => r.customer.name)).toEqual(['Beta']);
    expect((await invoices(admin, { customer: ids.acme, sort: 'dueDate' })).rows.map((r) => r.dueDate)).toEqual([
      '2026-05-31',
      '2026-07-01',
      '2026-07-10',
    ]);
    expect((await invoices(admin, { from: '2026-05-01', to: '2026-06-01' })).totalRows).toBe(2);
    expect((await invoices(admin, { q: `${co.slug}-S` })).rows).toHaveLength(1);
    expect((await invoices(north)).rows.map((r) => r.location)).toEqual(['North', 'North', 'North']);
    await expect(invoices(admin, { bucket: 'days_1_99' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers the API, naming a bad filter', async () => {
    const ok = await callRoute<{ totalRows: number }>(
      invoicesGET,
      `/api/v1/companies/${co.slug}/invoices?state=open`,
      { company: co.slug },
      { token },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.totalRows).toBe(2);
    const bad = await callRoute(invoicesGET, `/api/v1/companies/${co.slug}/invoices?from=2026-06-02&to=2026-06-01`, { company: co.slug }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([{ path: 'to', message: 'To must not be before From' }]);
  });
});

describe('payments received', () => {
  it('lists every payment newest first with applied and unapplied, each day totalled', async () => {
    const list = await payments(admin);
    // Within a day, the order is stable (by id), not by customer.
    expect(list.rows.map((r) => [r.receivedOn, r.customer.name, r.reference, r.amount, r.applied, r.unapplied]).sort()).toEqual([
      ['2026-06-15', 'Acme', 'CHK-100', 4_000, 4_000, 0],
      ['2026-06-15', 'Beta', 'WIRE-7', 2_500, 0, 2_500],
      ['2026-06-20', 'Acme', 'CHK-101', 1_250, 0, 1_250],
    ]);
    expect(list.rows.map((r) => r.receivedOn)).toEqual(['2026-06-20', '2026-06-15', '2026-06-15']);
    expect(list.days).toEqual([
      { date: '2026-06-20', currency: 'USD', count: 1, amount: 1_250 },
      { date: '2026-06-15', currency: 'USD', count: 2, amount: 6_500 },
    ]);
    expect(list.totals).toEqual([{ currency: 'USD', count: 3, amount: 7_750, applied: 4_000, unapplied: 3_750 }]);
  });

  it('filters by dates, method and reference, and a day split over pages keeps its whole total', async () => {
    expect((await payments(admin, { method: 'check' })).totalRows).toBe(2);
    expect((await payments(admin, { q: 'wire' })).rows.map((r) => r.reference)).toEqual(['WIRE-7']);
    expect((await payments(admin, { from: '2026-06-16' })).totalRows).toBe(1);
    // A limited user sees the payments of their customers only.
    expect((await payments(north)).rows.map((r) => r.customer.name)).toEqual(['Acme', 'Acme']);
    const firstOfTwo = await listPaymentsReceived(admin, { ...paymentsReceivedParamsSchema.parse({}), perPage: 2 as never });
    expect(firstOfTwo.rows).toHaveLength(2);
    expect(firstOfTwo.days.find((d) => d.date === '2026-06-15')).toMatchObject({ count: 2, amount: 6_500 });
  });

  it('export the filtered payments as CSV, and the API pages them', async () => {
    const file = await callFileRoute<{ company: string }>(
      paymentsExportGET,
      `/api/v1/companies/${co.slug}/payments/export?method=check`,
      { company: co.slug },
      { token },
    );
    expect(file.status).toBe(200);
    const lines = new TextDecoder()
      .decode(file.bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toEqual([
      'Received on,Customer,Method,Reference,Currency,Amount,Applied,Unapplied',
      '2026-06-20,Acme,check,CHK-101,USD,12.50,0.00,12.50',
      '2026-06-15,Acme,check,CHK-100,USD,40.00,40.00,0.00',
    ]);
    const api = await callRoute<{ totalRows: number }>(
      paymentsGET,
      `/api/v1/companies/${co.slug}/payments?perPage=25`,
      { company: co.slug },
      { token },
    );
    expect(api.body.totalRows).toBe(3);
    expect(await prisma.auditLog.count({ where: { companyId: co.id, action: 'payments.export' } })).toBe(1);
  });
});
