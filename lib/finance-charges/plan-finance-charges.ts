import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { startOfMonth, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { bucketsOf, earliestDue } from '@/lib/aging/scheme';
import { describeFinanceCharge, financeChargeFor, type FinanceChargeRule } from '@/lib/aging/finance-charge';
import { activeHoldSql } from '@/lib/collections/active-hold-sql';
import { formatMoney } from '@/lib/money/currency';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';
import { listActiveSchemes, type ActiveScheme } from '@/lib/receivables/list-active-schemes';

export interface FinanceChargeLine {
  /** The scheme's name: the company's, or the bill source's. */
  scheme: string;
  chargedBalanceMinor: number;
  chargeMinor: number;
  description: string;
}

export interface FinanceChargeRow {
  customerId: string;
  customerName: string;
  locationId: string;
  lines: FinanceChargeLine[];
  chargeMinor: number;
  /** A finance-charge invoice for this customer and month exists: the run skips it. */
  alreadyCharged: boolean;
}

export interface FinanceChargePlan {
  asOf: CalendarDate;
  /** The month charged for (its first day): one finance-charge invoice per customer and month. */
  month: CalendarDate;
  currency: string;
  /** Each scheme with its rule in words (schemes without a rule charge nothing). */
  rules: { scheme: string; rule: string }[];
  rows: FinanceChargeRow[];
  /** The customers the run would charge now, and what it would bill them. */
  toCharge: { customers: number; chargeMinor: number };
}

/** A scheme's charged invoices: overdue on `asOf`, in period `fromPeriod` or older by the scheme's buckets. */
function chargedInvoicesSql(companyId: string, currency: string, asOf: CalendarDate, s: ActiveScheme, ownSources: string[], rule: FinanceChargeRule) {
  const period = bucketsOf(s.scheme).find((b) => b.period === rule.fromPeriod - 1);
  const older = period?.reach ? Prisma.sql`AND i.due_date < ${earliestDue(period.reach, asOf)}::date` : Prisma.empty;
  const governed =
    s.billSourceId !== null
      ? Prisma.sql`AND i.bill_source_id = ${s.billSourceId}::uuid`
      : Prisma.sql`AND (i.bill_source_id IS NULL OR NOT (i.bill_source_id = ANY(${ownSources}::uuid[])))`;
  // Held and disputed money (the invoice's own hold or the customer's) is not charged; nor are finance charges.
  return Prisma.sql`SELECT i.customer_id, sum(i.balance_minor)::text AS balance, (array_agg(i.location_id ORDER BY i.due_date, i.id))[1] AS location_id
    FROM invoices i
    WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.currency = ${currency} AND i.finance_charge_month IS NULL
      AND i.invoice_date <= ${asOf}::date AND i.due_date < ${asOf}::date ${older} ${governed}
      AND NOT EXISTS (SELECT 1 FROM collection_holds h WHERE h.company_id = i.company_id AND h.customer_id = i.customer_id
        AND (h.invoice_id IS NULL OR h.invoice_id = i.id) AND ${activeHoldSql(asOf, 'h')})
    GROUP BY i.customer_id`;
}

/**
 * What this month's finance charges would be, as of today in the company's time zone (admins): per customer,
 * one line per scheme that charges their overdue balances in the company's base currency. Writes nothing.
 */
export async function planFinanceCharges(access: CompanyAccess, now: Date = new Date()): Promise<FinanceChargePlan> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may run finance charges.');
  const companyId = access.company.id;
  const currency = access.company.baseCurrency;
  const asOf = todayInTimeZone(access.company.timeZone, now);
  const month = startOfMonth(asOf);
  const schemes = await listActiveSchemes(companyId, access.company.name);
  const ownSources = schemes.flatMap((s) => (s.billSourceId ? [s.billSourceId] : []));
  const money = (m: number) => formatMoney(m, currency);
  const charging = schemes.filter((s): s is ActiveScheme & { scheme: { financeCharge: FinanceChargeRule } } => Boolean(s.scheme.financeCharge));
  const perScheme = await Promise.all(
    charging.map((s) =>
      prisma.$queryRaw<{ customer_id: string; balance: string; location_id: string }[]>(
        chargedInvoicesSql(companyId, currency, asOf, s, ownSources, s.scheme.financeCharge),
      ),
    ),
  );
  const byCustomer = new Map<string, { locationId: string; lines: FinanceChargeLine[] }>();
  charging.forEach((s, i) => {
    const rule = s.scheme.financeCharge;
    for (const r of perScheme[i]!) {
      const balance = BigInt(r.balance);
      const charge = financeChargeFor(rule, balance);
      if (charge <= 0n) continue;
      if (balance > BigInt(Number.MAX_SAFE_INTEGER) || charge > BigInt(Number.MAX_SAFE_INTEGER))
        throw new RangeError(`Amount out of range for customer ${r.customer_id}`);
      const entry = byCustomer.get(r.customer_id) ?? { locationId: r.location_id, lines: [] };
      const what =
        rule.method === 'flat'
          ? 'flat fee'
          : `${(rule.rateBasisPoints / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}% of ${money(Number(balance))}`;
      entry.lines.push({
        scheme: s.name,
        chargedBalanceMinor: Number(balance),
        chargeMinor: Number(charge),
        description: `Finance charge ${month.slice(0, 7)} (${s.name}): ${what} overdue`,
      });
      byCustomer.set(r.customer_id, entry);
    }
  });
  const ids = [...byCustomer.keys()];
  const [customers, charged] = await Promise.all([
    prisma.customer.findMany({ where: { companyId, id: { in: ids } }, select: { id: true, name: true, defaultLocationId: true } }),
    prisma.invoice.findMany({
      where: { companyId, customerId: { in: ids }, financeChargeMonth: new Date(`${month}T00:00:00Z`) },
      select: { customerId: true },
    }),
  ]);
  const chargedIds = new Set(charged.map((c) => c.customerId));
  const rows = customers
    .map((c) => {
      const entry = byCustomer.get(c.id)!;
      return {
        customerId: c.id,
        customerName: c.name,
        // The customer's own location, else where their oldest charged invoice was billed.
        locationId: c.defaultLocationId ?? entry.locationId,
        lines: entry.lines,
        chargeMinor: entry.lines.reduce((t, l) => t + l.chargeMinor, 0),
        alreadyCharged: chargedIds.has(c.id),
      };
    })
    .sort((a, b) => a.customerName.localeCompare(b.customerName) || a.customerId.localeCompare(b.customerId));
  const pending = rows.filter((r) => !r.alreadyCharged);
  return {
    asOf,
    month,
    currency,
    rules: schemes.map((s) => ({ scheme: s.name, rule: describeFinanceCharge(s.scheme.financeCharge, money) })),
    rows,
    toCharge: { customers: pending.length, chargeMinor: pending.reduce((t, r) => t + r.chargeMinor, 0) },
  };
}
