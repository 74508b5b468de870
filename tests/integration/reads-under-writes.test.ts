import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { recordPayment } from '@/lib/ledger/record-payment';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { agingParamsSchema } from '@/lib/receivables/aging-params';

const AS_OF = '2026-06-30';
const INVOICES = 24;
const PAYMENTS = 40;

/**
 * Every answer a reader gets while payments are being recorded must agree with itself: a summary computed in
 * one statement and rows computed in another can straddle a commit (the customer page once listed invoices
 * that did not add up to its summary under bench:load).
 */
describe('reads while payments are recorded', () => {
  let company: TestCompany;
  let admin: CompanyAccess;
  let customerId: string;
  let invoiceIds: string[];

  beforeAll(async () => {
    company = await createCompany({ locations: 2 });
    admin = await access((await createMember(company, 'admin')).id, company.slug);
    const [customer] = await createCustomers(company.id, [{ name: 'Busy Customer', defaultLocationId: company.locations[0]!.id }]);
    customerId = customer!.id;
    invoiceIds = await createInvoices(
      company.id,
      Array.from({ length: INVOICES }, (_, i) => ({
        customerId,
        locationId: company.locations[i % 2]!.id,
        invoiceDate: '2026-01-01',
        dueDate: `2026-0${1 + (i % 6)}-15`,
        amount: 10_000,
      })),
    );
  });

  it('the customer page and the aging page stay consistent, and end with every payment counted', async () => {
    let writing = true;
    const writer = (async () => {
      try {
        for (let k = 0; k < PAYMENTS; k++) {
          await recordPayment(admin, { invoiceId: invoiceIds[(k * 7) % INVOICES], amount: '1.00', receivedOn: '2026-06-01', reference: `rw-${k}` });
        }
      } finally {
        writing = false;
      }
    })();
    const problems: string[] = [];
    let reads = 0;
    const reader = async () => {
      do {
        const c = await getCustomerAging(admin, customerId, AS_OF);
        const listed = c.invoices.reduce((sum, inv) => sum + inv.balance, 0);
        const summary = c.summaries.find((s) => s.currency === 'USD')?.total ?? 0;
        if (listed !== summary) problems.push(`customer page: invoices ${listed}, summary ${summary}`);
        const page = await getAgingPage(admin, agingParamsSchema.parse({ asOf: AS_OF }));
        const rows = page.rows.reduce((sum, r) => sum + r.total, 0);
        if (rows !== page.summary.total) problems.push(`aging page: rows ${rows}, summary ${page.summary.total}`);
        reads++;
      } while (writing);
    };
    await Promise.all([writer, reader(), reader(), reader()]);
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(3);
    const final = await getCustomerAging(admin, customerId, AS_OF);
    expect(final.summaries).toEqual([expect.objectContaining({ currency: 'USD', total: INVOICES * 10_000 - PAYMENTS * 100 })]);
  });
});
