import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { previewPaymentImport } from '@/lib/ledger/import-payments';
import { importInvoices, previewInvoiceImport } from '@/lib/invoices/import-invoices';

/**
 * A member who may modify only Boston must learn nothing about Seattle through the imports: an invoice number
 * of Seattle reads exactly like one that does not exist, and a Seattle customer's name is never matched.
 */
describe("imports see only the caller's locations", () => {
  let company: TestCompany;
  let bostonOnly: CompanyAccess;
  const tag = Math.random().toString(36).slice(2, 8);

  beforeAll(async () => {
    company = await createCompany({ locations: ['Boston', 'Seattle'] });
    const [boston, seattle] = company.locations.map((l) => l.id) as [string, string];
    bostonOnly = await access((await createMember(company, 'member', { view: [boston], modify: [boston] })).id, company.slug);
    const [secret] = await createCustomers(company.id, [{ name: 'Secret Seattle Co', defaultLocationId: seattle }]);
    await createInvoices(company.id, [
      { customerId: secret!.id, locationId: seattle, invoiceDate: '2026-01-10', dueDate: '2026-02-09', amount: 10_000, number: `${tag}-SEA-1` },
    ]);
  });

  it('payment import: another location\'s invoice is "not an invoice you may see", with no customer name', async () => {
    const preview = await previewPaymentImport(
      bostonOnly,
      ['invoice,amount,date,reference', `${tag}-SEA-1,10.00,2026-02-01,R-1`, `${tag}-NOPE,10.00,2026-02-01,R-2`].join('\n'),
    );
    const [seattle, nope] = preview.rows;
    expect(seattle!.error).toBe(`Invoice: "${tag}-SEA-1" is not an invoice of ${company.name} that you may see.`);
    expect(nope!.error).toBe(`Invoice: "${tag}-NOPE" is not an invoice of ${company.name} that you may see.`);
    expect(JSON.stringify(preview)).not.toContain('Secret Seattle');
  });

  it('invoice import: a name known only in Seattle is a new Boston customer, never the Seattle one', async () => {
    const csv = [
      'customer,invoice_number,invoice_date,due_date,location,amount',
      `Secret Seattle Co,${tag}-BOS-1,2026-01-05,2026-02-04,Boston,50.00`,
    ].join('\n');
    expect((await previewInvoiceImport(bostonOnly, csv)).groups[0]).toMatchObject({ newCustomer: true, error: null });
    await importInvoices(bostonOnly, csv);
    const named = await prisma.customer.findMany({
      where: { companyId: company.id, name: 'Secret Seattle Co' },
      select: { defaultLocationId: true },
    });
    expect(named.map((c) => c.defaultLocationId).sort()).toEqual(company.locations.map((l) => l.id).sort());
  });
});
