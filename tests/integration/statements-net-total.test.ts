import { access, createCompany, createCustomers, createInvoices, createMember } from '../support/fixtures';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';
import { recordPayment } from '@/lib/ledger/record-payment';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { generateStatements } from '@/lib/statements/generate-statements';
import { statementSnapshotSchema } from '@/lib/statements/statement-snapshot';

/**
 * A customer who paid on account must not be billed in full: the statement's total due is the aging page's
 * Net total for that customer and date (buckets less unapplied payments and credits), on today's date and on
 * an earlier one (money applied since is unapplied again on that date).
 */
describe("a statement's total due equals the aging page's net total and the customer page's", () => {
  it('for customers with money on account, credits, and money applied after the date', async () => {
    const company = await createCompany({ locations: 1 });
    const loc = company.locations[0]!.id;
    const admin = await access((await createMember(company, 'admin')).id, company.slug);
    const [onAccount, credited, plain] = await createCustomers(company.id, [
      { name: 'On Account Ltd', defaultLocationId: loc },
      { name: 'Credited Ltd', defaultLocationId: loc },
      { name: 'Plain Ltd', defaultLocationId: loc },
    ]);
    const [inv1, , inv3] = await createInvoices(company.id, [
      { customerId: onAccount!.id, locationId: loc, invoiceDate: '2026-01-05', dueDate: '2026-02-04', amount: 30_000 },
      { customerId: credited!.id, locationId: loc, invoiceDate: '2026-01-06', dueDate: '2026-02-05', amount: 20_000 },
      { customerId: plain!.id, locationId: loc, invoiceDate: '2026-01-07', dueDate: '2026-02-06', amount: 10_000 },
    ]);
    await recordPayment(admin, { customerId: onAccount!.id, amount: '120.00', receivedOn: '2026-02-10', reference: 'ACCT-1' });
    await recordPayment(admin, { invoiceId: inv1!, amount: '50.00', receivedOn: '2026-03-10', reference: 'LATER-1' });
    await recordCreditNote(admin, { customerId: credited!.id, amount: '35.50', issuedOn: '2026-02-11', reason: 'Returned keypad' });
    await recordPayment(admin, { invoiceId: inv3!, amount: '100.00', receivedOn: '2026-02-12', reference: 'PAID-IN-FULL' });

    for (const asOf of ['2026-03-31', '2026-02-28']) {
      const page = await getAgingPage(admin, agingParamsSchema.parse({ asOf }));
      const run = await generateStatements(admin, { mode: 'open', asOf });
      const statements = await prisma.invoiceStatement.findMany({
        where: { companyId: company.id, batchId: run.batchId },
        include: { customer: true },
      });
      const net = Object.fromEntries(
        page.rows.filter((r) => statements.some((s) => s.customerId === r.customer.id)).map((r) => [r.customer.name, r.total]),
      );
      const due = Object.fromEntries(statements.map((s) => [s.customer.name, Number(s.totalMinor)]));
      expect(due, asOf).toEqual(net);
      for (const s of statements) {
        const snapshot = statementSnapshotSchema.parse(s.snapshot);
        const buckets = snapshot.buckets.reduce((sum, b) => sum + b.amountMinor, 0);
        expect(buckets - snapshot.unapplied.reduce((sum, u) => sum + u.amountMinor, 0)).toBe(Number(s.totalMinor));
      }
    }
    const latest = await prisma.invoiceStatement.findFirstOrThrow({
      where: { companyId: company.id, customerId: onAccount!.id, asOf: new Date('2026-03-31T00:00:00Z') },
    });
    // 300.00 owed, 50.00 paid on it, 120.00 on account: 130.00 due, with the 120.00 listed; the customer page agrees.
    expect(Number(latest.totalMinor)).toBe(13_000);
    const customerPage = await getCustomerAging(admin, onAccount!.id, '2026-03-31');
    expect(customerPage.summaries).toEqual([expect.objectContaining({ currency: 'USD', total: 25_000, unapplied: 12_000, net: 13_000 })]);
    expect(statementSnapshotSchema.parse(latest.snapshot).unapplied).toEqual([
      { kind: 'payment', id: expect.any(String), date: '2026-02-10', detail: 'ACCT-1', amountMinor: 12_000 },
    ]);
  });
});
