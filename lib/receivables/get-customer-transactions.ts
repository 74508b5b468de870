import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { isCalendarDate, calendarDateOf } from '@/lib/aging/calendar-date';
import { notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { visibleCustomerWhere } from '@/lib/auth/visible-customers';

export const transactionParamsSchema = z
  .object({
    from: z.string().refine(isCalendarDate, 'From must be a real date (YYYY-MM-DD)').optional(),
    to: z.string().refine(isCalendarDate, 'To must be a real date (YYYY-MM-DD)').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code')
      .optional(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'To must not be before From' });

export interface CustomerTransaction {
  date: string;
  kind: 'invoice' | 'payment' | 'credit_note' | 'write_off';
  id: string;
  /** Invoice number, payment reference, credit note reason, write-off reason. */
  reference: string;
  /** Positive raises what the customer owes (an invoice); negative lowers it. */
  amountMinor: number;
  balanceMinor: number;
}

/**
 * A customer's transactions in one currency, oldest first, with the running balance of what they owe:
 * invoices (posted, not void) add, payments, credit notes and write-offs subtract. With a date range, the
 * balance before it opens the list. Invoices only from locations the user may view; payments and credits
 * belong to the customer.
 */
export async function getCustomerTransactions(access: CompanyAccess, customerId: string, input: unknown) {
  const p = parseOrThrow(transactionParamsSchema, input);
  if (!z.guid().safeParse(customerId).success) throw notFound('Customer');
  const companyId = access.company.id;
  const viewIds = access.viewLocations.map((l) => l.id);
  const customer = await prisma.customer.findFirst({
    where: { ...visibleCustomerWhere(access), id: customerId },
    select: { id: true, name: true },
  });
  if (!customer) throw notFound('Customer');
  const currency = p.currency ?? access.company.baseCurrency;
  const rows = await prisma.$queryRaw<{ date: Date; kind: CustomerTransaction['kind']; id: string; reference: string; amount: bigint }[]>`
    SELECT invoice_date AS date, 'invoice' AS kind, id, number AS reference, amount_minor AS amount FROM invoices
      WHERE company_id = ${companyId}::uuid AND customer_id = ${customerId}::uuid AND currency = ${currency}
        AND status NOT IN ('draft', 'void') AND location_id = ANY(${viewIds}::uuid[])
    UNION ALL
    SELECT received_on, 'payment', id, reference, -amount_minor FROM payments
      WHERE company_id = ${companyId}::uuid AND customer_id = ${customerId}::uuid AND currency = ${currency}
    UNION ALL
    SELECT issued_on, 'credit_note', id, reason, -amount_minor FROM credit_notes
      WHERE company_id = ${companyId}::uuid AND customer_id = ${customerId}::uuid AND currency = ${currency}
    UNION ALL
    SELECT w.written_off_on, 'write_off', w.id, i.number || ' (' || replace(w.reason, '_', ' ') || ')', -w.amount_minor
      FROM write_offs w JOIN invoices i ON i.company_id = w.company_id AND i.id = w.invoice_id
      WHERE w.company_id = ${companyId}::uuid AND i.customer_id = ${customerId}::uuid AND i.currency = ${currency}
        AND i.location_id = ANY(${viewIds}::uuid[])
    ORDER BY 1, 2, 4`;
  let balance = 0;
  let opening = 0;
  const transactions: CustomerTransaction[] = [];
  for (const r of rows) {
    const date = calendarDateOf(r.date);
    balance += Number(r.amount);
    if (p.to && date > p.to) break;
    if (p.from && date < p.from) {
      opening = balance;
      continue;
    }
    transactions.push({ date, kind: r.kind, id: r.id, reference: r.reference, amountMinor: Number(r.amount), balanceMinor: balance });
  }
  return { customer, currency, from: p.from ?? null, to: p.to ?? null, openingBalanceMinor: opening, transactions };
}
export type CustomerTransactions = Awaited<ReturnType<typeof getCustomerTransactions>>;
