import { access, createCompany, createCustomers, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { importInvoices, previewInvoiceImport } from '@/lib/invoices/import-invoices';

let company: TestCompany;
let admin: CompanyAccess;

beforeAll(async () => {
  company = await createCompany({ locations: ['Boston', 'Denver'] });
  admin = await access((await createMember(company, 'admin')).id, company.slug);
  await createCustomers(company.id, [{ name: 'Existing Co', defaultLocationId: company.locations[0]!.id }]);
});

const file = [
  'Customer,Invoice Number,Invoice Date,Due Date,Location,Amount,Currency,Line Description,Line Quantity,Line Unit Price',
  'Existing Co,IMP-1,2026-01-05,2026-02-04,Boston,,,Motion sensor,2,65.00',
  'Existing Co,IMP-1,2026-01-05,2026-02-04,Boston,,,Installation,1.5,80.00',
  'Fresh Ltd,IMP-2,2026-01-06,2026-02-05,denver,250.00,USD,,,',
  'Fresh Ltd,IMP-3,2026-01-07,2026-01-01,Boston,10.00,USD,,,',
  'Ghost,IMP-4,2026-01-07,2026-02-30,Boston,10.00,USD,,,',
  'Ghost,IMP-5,2026-01-07,2026-02-06,Atlantis,10.00,USD,,,',
  'Ghost,IMP-6,2026-01-07,2026-02-06,Boston,12.345,USD,,,',
].join('\n');

describe('customers and invoices CSV import', () => {
  it('reviews each invoice with its problem, naming the column and line; writes nothing', async () => {
    const before = await prisma.invoice.count({ where: { companyId: company.id } });
    const preview = await previewInvoiceImport(admin, file);
    expect(preview.groups.map((g) => [g.number, g.amountMinor, g.newCustomer, g.error])).toEqual([
      ['IMP-1', 25_000, false, null],
      ['IMP-2', 25_000, true, null],
      ['IMP-3', null, false, 'Due date: before the invoice date (line 5)'],
      ['IMP-4', null, false, 'Due date: "2026-02-30" is not a real date (YYYY-MM-DD) (line 6)'],
      ['IMP-5', null, false, `Location: "Atlantis" is not a location of ${company.name} (line 7)`],
      ['IMP-6', null, false, 'Amount: Use at most 2 decimals. (line 8)'],
    ]);
    expect(await prisma.invoice.count({ where: { companyId: company.id } })).toBe(before);
  });

  it('imports valid invoices with their lines and new customers; the same file again creates nothing', async () => {
    const first = await importInvoices(admin, file);
    expect([first.importable, first.errors]).toEqual([2, 4]);
    const invoices = await prisma.invoice.findMany({
      where: { companyId: company.id },
      orderBy: { number: 'asc' },
      include: { lines: true, customer: true },
    });
    expect(invoices.map((i) => [i.number, i.customer.name, i.status, Number(i.amountMinor), i.lines.length])).toEqual([
      ['IMP-1', 'Existing Co', 'open', 25_000, 2],
      ['IMP-2', 'Fresh Ltd', 'open', 25_000, 0],
    ]);
    const again = await importInvoices(admin, file);
    expect([again.importable, again.duplicates]).toEqual([0, 2]);
    expect(await prisma.invoice.count({ where: { companyId: company.id } })).toBe(2);
    expect(await prisma.customer.count({ where: { companyId: company.id, name: 'Fresh Ltd' } })).toBe(1);
  });
});
