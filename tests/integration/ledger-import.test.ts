import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { importPayments, previewPaymentImport } from '@/lib/ledger/import-payments';

let company: TestCompany;
let admin: CompanyAccess;
const tag = Math.random().toString(36).slice(2, 8);
const n = (x: string) => `${tag}-${x}`;

beforeAll(async () => {
  company = await createCompany({ locations: 1 });
  admin = await access((await createMember(company, 'admin')).id, company.slug);
  const [c] = await createCustomers(company.id, ['Harbour Ltd']);
  const loc = company.locations[0]!.id;
  await createInvoices(company.id, [
    { customerId: c!.id, locationId: loc, invoiceDate: '2026-01-10', dueDate: '2026-02-09', amount: 10_000, number: n('INV-1') },
    { customerId: c!.id, locationId: loc, invoiceDate: '2026-01-11', dueDate: '2026-02-10', amount: 20_000, number: n('INV-2') },
  ]);
  const other = await createCompany({ locations: 1 });
  const [oc] = await createCustomers(other.id, ['Elsewhere']);
  await createInvoices(other.id, [
    {
      customerId: oc!.id,
      locationId: other.locations[0]!.id,
      invoiceDate: '2026-01-10',
      dueDate: '2026-02-09',
      amount: 1_000,
      number: n('FOREIGN-1'),
    },
  ]);
});

const file = [
  'Invoice Number,Amount,Date,Reference,Method',
  `${n('INV-1')},40.00,2026-02-01,${n('R1')},check`,
  `${n('INV-2')},1e3,2026-02-01,${n('R2')},`,
  `${n('INV-2')},12.345,2026-02-01,${n('R3')},`,
  `${n('INV-2')},-5,2026-02-01,${n('R4')},`,
  `${n('INV-2')},50,2026-02-30,${n('R5')},`,
  `${n('NOPE')},50,2026-02-01,${n('R6')},`,
  `${n('FOREIGN-1')},5,2026-02-01,${n('R7')},`,
  `${n('INV-2')},25.50,2026-02-02,${n('R1')},`,
  `${n('INV-2')},25.50,2026-02-02,${n('R1')},`,
  `${n('INV-2')},250.00,2026-02-03,${n('R8')},bank transfer`,
].join('\n');

describe('payment CSV import', () => {
  it("the review names each bad row's problem and writes nothing", async () => {
    const before = await prisma.payment.count({ where: { companyId: company.id } });
    const preview = await previewPaymentImport(admin, file);
    expect(preview.rows.map((r) => [r.line, r.error])).toEqual([
      [2, null],
      [3, expect.stringMatching(/^Amount: "1e3" is not an amount/)],
      [4, 'Amount: Use at most 2 decimals.'],
      [5, 'Amount: The amount cannot be negative.'],
      [6, 'Date: "2026-02-30" is not a real date (YYYY-MM-DD).'],
      [7, `Invoice: "${n('NOPE')}" is not an invoice of ${company.name} that you may see.`],
      [8, `Invoice: "${n('FOREIGN-1')}" is not an invoice of ${company.name} that you may see.`],
      // One cheque (R1) paying two invoices is two payments; the same invoice, amount, date and reference twice is not.
      [9, null],
      [10, `Reference: "${n('R1')}" pays ${n('INV-2')} the same amount on the same date twice in this file.`],
      [11, null],
    ]);
    expect({ importable: preview.importable, errors: preview.errors }).toEqual({ importable: 3, errors: 7 });
    expect(await prisma.payment.count({ where: { companyId: company.id } })).toBe(before);
  });

  it('imports the valid rows (an overpayment stays as credit); the same file again creates nothing', async () => {
    const first = await importPayments(admin, file);
    expect({ imported: first.imported, duplicates: first.duplicates, errors: first.errors.length }).toEqual({
      imported: 3,
      duplicates: 0,
      errors: 7,
    });
    const invoices = await prisma.invoice.findMany({
      where: { companyId: company.id },
      orderBy: { number: 'asc' },
      select: { number: true, balanceMinor: true, status: true },
    });
    expect(invoices).toEqual([
      { number: n('INV-1'), balanceMinor: 6_000n, status: 'partially_paid' },
      { number: n('INV-2'), balanceMinor: 0n, status: 'paid' },
    ]);
    const over = await prisma.payment.findFirstOrThrow({ where: { companyId: company.id, reference: n('R8') } });
    // INV-2 owed 200.00 less the 25.50 of R1: 174.50 of the 250.00 applied, 75.50 kept as credit.
    expect([over.unappliedMinor, over.method]).toEqual([7_550n, 'bank_transfer']);

    const again = await importPayments(admin, file);
    expect({ imported: again.imported, duplicates: again.duplicates }).toEqual({ imported: 0, duplicates: 3 });
    expect(await prisma.payment.count({ where: { companyId: company.id } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { companyId: company.id, action: 'payments.import' } })).toBe(2);
  });

  it('refuses a file without the needed columns, naming them', async () => {
    const error = await previewPaymentImport(admin, 'Invoice,Amount\nX,1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('The header row needs columns: date, reference.');
  });
});
