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
import { GET as exportGET } from '@/app/api/v1/companies/[company]/customers/[id]/transactions/export/route';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';
import { recordPayment } from '@/lib/ledger/record-payment';
import { writeOffInvoice } from '@/lib/ledger/write-off-invoice';
import { getCustomerTransactions } from '@/lib/receivables/get-customer-transactions';

let company: TestCompany;
let admin: CompanyAccess;
let customerId: string;
let adminCookie: string;

beforeAll(async () => {
  company = await createCompany({ locations: 1 });
  const location = company.locations[0]!.id;
  const adminUser = await createMember(company, 'admin');
  admin = await access(adminUser.id, company.slug);
  adminCookie = await sessionCookie(adminUser.id);
  customerId = (await createCustomers(company.id, [{ name: 'Harbour Ltd', defaultLocationId: location }]))[0]!.id;
  const [first] = await createInvoices(company.id, [
    { customerId, locationId: location, invoiceDate: '2026-01-10', dueDate: '2026-02-09', amount: 10_000, number: 'INV-1' },
    { customerId, locationId: location, invoiceDate: '2026-02-15', dueDate: '2026-03-17', amount: 5_000, number: 'INV-2' },
    {
      customerId,
      locationId: location,
      invoiceDate: '2026-02-20',
      dueDate: '2026-03-20',
      amount: 7_000,
      number: 'INV-VOID',
      status: 'void',
      balance: 0,
    },
  ]);
  await recordPayment(admin, { invoiceId: first, amount: '40', receivedOn: '2026-02-01', reference: '=1+1' });
  await recordCreditNote(admin, { customerId, amount: '10', issuedOn: '2026-02-05', reason: 'Goodwill' });
  await writeOffInvoice(admin, { invoiceId: first!, amount: '5', reason: 'dispute', description: 'Short delivery', writtenOffOn: '2026-02-10' });
});

describe('customer transactions', () => {
  it('lists invoices, payments, credits and write-offs with a running balance; void invoices are left out', async () => {
    const t = await getCustomerTransactions(admin, customerId, {});
    expect(t.transactions.map((x) => [x.date, x.kind, x.reference, x.amountMinor, x.balanceMinor])).toEqual([
      ['2026-01-10', 'invoice', 'INV-1', 10_000, 10_000],
      ['2026-02-01', 'payment', '=1+1', -4_000, 6_000],
      ['2026-02-05', 'credit_note', 'Goodwill', -1_000, 5_000],
      ['2026-02-10', 'write_off', 'INV-1 (dispute)', -500, 4_500],
      ['2026-02-15', 'invoice', 'INV-2', 5_000, 9_500],
    ]);
  });

  it('a date range opens with the balance before it', async () => {
    const t = await getCustomerTransactions(admin, customerId, { from: '2026-02-02', to: '2026-02-12' });
    expect(t.openingBalanceMinor).toBe(6_000);
    expect(t.transactions.map((x) => [x.kind, x.balanceMinor])).toEqual([
      ['credit_note', 5_000],
      ['write_off', 4_500],
    ]);
  });

  it("rejects a reversed range naming the field, and another company's customer is not found", async () => {
    const reversed = await getCustomerTransactions(admin, customerId, { from: '2026-03-01', to: '2026-02-01' }).catch((e: unknown) => e);
    expect(reversed).toBeInstanceOf(AppError);
    expect((reversed as AppError).issues).toEqual([{ path: 'to', message: 'To must not be before From' }]);
    const other = await createCompany({ locations: 1 });
    const [stranger] = await createCustomers(other.id, ['Stranger']);
    const missing = await getCustomerTransactions(admin, stranger!.id, {}).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('NOT_FOUND');
  });

  it('exports CSV with the opening balance and neutralized references', async () => {
    const res = await callFileRoute(
      exportGET,
      `/api/v1/companies/${company.slug}/customers/${customerId}/transactions/export?from=2026-02-01`,
      { company: company.slug, id: customerId },
      { cookie: adminCookie },
    );
    expect(res.status).toBe(200);
    const rows = parse(new TextDecoder().decode(res.bytes).replace(/^\uFEFF/, '')) as string[][];
    expect(rows).toEqual([
      ['Date', 'Type', 'Reference', 'Amount', 'Balance', 'Currency'],
      ['2026-02-01', '', 'Opening balance', '', '100.00', 'USD'],
      ['2026-02-01', 'Payment', "'=1+1", '-40.00', '60.00', 'USD'],
      ['2026-02-05', 'Credit note', 'Goodwill', '-10.00', '50.00', 'USD'],
      ['2026-02-10', 'Write-off', 'INV-1 (dispute)', '-5.00', '45.00', 'USD'],
      ['2026-02-15', 'Invoice', 'INV-2', '50.00', '95.00', 'USD'],
    ]);
  });
});
