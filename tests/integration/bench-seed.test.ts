// fixtures first: it prepares Next's runtime globals before server modules load.
import { access } from '../support/fixtures';
import { expectRunningTotalsMatchInvoices } from '../support/aging-totals';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { BENCH_USERS, seedBench } from '../../scripts/lib/bench-data';

// The benchmark data, small: the same statements that load 1M invoices, checked for a consistent ledger.

describe('seed:bench data', () => {
  it('is a consistent ledger: balances are amounts less applications, totals folded, money on account shows', async () => {
    const { companyId } = await seedBench(process.env.DATABASE_URL!, { invoices: 3_000, customers: 400, locations: 5, today: '2026-11-23' });
    const [ledger] = await prisma.$queryRaw<{ invoices: number; paid: number; wrong: number; onAccount: number }[]>`
      SELECT (SELECT count(*) FROM invoices WHERE company_id = ${companyId}::uuid)::int AS invoices,
        (SELECT count(*) FROM invoices WHERE company_id = ${companyId}::uuid AND balance_minor < amount_minor AND status <> 'void')::int AS paid,
        (SELECT count(*) FROM invoices i WHERE i.company_id = ${companyId}::uuid AND i.status <> 'void' AND i.amount_minor <> i.balance_minor
           + coalesce((SELECT sum(a.amount_minor) FROM applications a WHERE a.company_id = i.company_id AND a.invoice_id = i.id), 0))::int AS wrong,
        (SELECT count(*) FROM payments WHERE company_id = ${companyId}::uuid AND unapplied_minor > 0)::int AS "onAccount"`;
    expect(ledger!.invoices).toBe(3_000);
    expect(ledger!.paid).toBeGreaterThan(500);
    expect(ledger!.wrong).toBe(0);
    expect(ledger!.onAccount).toBeGreaterThan(0);
    // Nothing is dated after today, so today's aging reads the running totals.
    const [later] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM applications WHERE company_id = ${companyId}::uuid AND applied_on > '2026-11-23'`;
    expect(later!.n).toBe(0);
    await expectRunningTotalsMatchInvoices(companyId, { folded: true });

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_USERS.admin } });
    const report = await getAgingPage(await access(admin.id, 'bench'), agingParamsSchema.parse({ asOf: '2026-11-23' }));
    expect(report.hasUnapplied).toBe(true);
    expect(report.summary.unapplied).toBeGreaterThan(0);
  }, 120_000);
});
