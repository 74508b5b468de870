import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { planFinanceCharges, type FinanceChargePlan } from './plan-finance-charges';

export interface FinanceChargeRunResult {
  month: string;
  currency: string;
  /** Finance-charge invoices created by this run. */
  created: number;
  chargeMinor: number;
  /** Customers already charged for the month (an earlier run, or one running at the same time). */
  alreadyCharged: number;
}

/**
 * Creates this month's finance-charge invoices (admins): one open invoice per customer with a line per
 * charging scheme, dated and due today. At most one per customer and month (a unique key), so running again,
 * or twice at once, creates nothing twice. One transaction; audited with the counts.
 */
export async function runFinanceCharges(access: CompanyAccess, now: Date = new Date()): Promise<FinanceChargeRunResult> {
  const plan: FinanceChargePlan = await planFinanceCharges(access, now);
  const todo = plan.rows.filter((r) => !r.alreadyCharged);
  const companyId = access.company.id;
  const yyyymm = plan.month.slice(0, 7).replace('-', '');
  const created = await prisma.$transaction(
    async (tx) => {
      // The invoice number is the month and the customer id's first 12 hex digits: stable across reruns.
      const inserted = await tx.$queryRaw<{ id: string; customer_id: string }[]>`
        INSERT INTO invoices (company_id, number, customer_id, location_id, invoice_date, due_date, currency, amount_minor, balance_minor, status, finance_charge_month)
        SELECT ${companyId}::uuid, 'FC-' || ${yyyymm} || '-' || left(replace(c::text, '-', ''), 12), c, l, ${plan.asOf}::date, ${plan.asOf}::date,
          ${plan.currency}, a, a, 'open', ${plan.month}::date
        FROM unnest(${todo.map((r) => r.customerId)}::uuid[], ${todo.map((r) => r.locationId)}::uuid[], ${todo.map((r) => r.chargeMinor)}::bigint[]) AS t(c, l, a)
        -- Every unique key decides, not only (customer, month): the number is derived from the same two, and a run
        -- at the same moment inserts it too, which a single conflict target let through as a duplicate-key error.
        ON CONFLICT DO NOTHING
        RETURNING id, customer_id`;
      const invoiceOf = new Map(inserted.map((r) => [r.customer_id, r.id]));
      const lines = todo.flatMap((r) => {
        const id = invoiceOf.get(r.customerId);
        return id ? r.lines.map((l, i) => ({ invoiceId: id, position: i + 1, description: l.description, amount: l.chargeMinor })) : [];
      });
      await tx.$executeRaw`
        INSERT INTO invoice_lines (company_id, invoice_id, position, description, quantity, unit_price_minor, line_total_minor)
        SELECT ${companyId}::uuid, i, p, d, 1, a, a
        FROM unnest(${lines.map((l) => l.invoiceId)}::uuid[], ${lines.map((l) => l.position)}::int[], ${lines.map((l) => l.description)}::text[],
          ${lines.map((l) => l.amount)}::bigint[]) AS t(i, p, d, a)`;
      const createdRows = todo.filter((r) => invoiceOf.has(r.customerId));
      const result = {
        month: plan.month,
        currency: plan.currency,
        created: createdRows.length,
        chargeMinor: createdRows.reduce((t, r) => t + r.chargeMinor, 0),
        alreadyCharged: plan.rows.length - createdRows.length,
      };
      await writeAuditLog(
        {
          companyId,
          userId: access.userId,
          action: 'finance_charges.run',
          targetType: 'company',
          targetId: companyId,
          details: { ...result, asOf: plan.asOf },
        },
        tx,
      );
      return result;
    },
    { timeout: 120_000 },
  );
  return created;
}
