import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { amountField, amountMinor } from '@/lib/ledger/ledger-input';
import { dateField, invoiceIdsField } from './collection-input';
import { requireCollectionWrite, type WriteScope } from './collection-scope';

/** The promise's own fields: also what the "log contact" form may carry along with its entry. */
export const promiseFieldsSchema = z.object({
  /** A decimal string in the currency, like the payments API: "1250.00". */
  amount: amountField('Amount'),
  currency: z
    .string('Currency must be a 3-letter code')
    .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code')
    .optional(),
  promisedOn: dateField('Promised date'),
});

export const recordPromiseSchema = promiseFieldsSchema.extend({
  customerId: z.guid('Customer must be an id'),
  /** The invoices it pays (its state counts only money applied to them); none: any payment of the customer in its currency. */
  invoiceIds: invoiceIdsField,
});
export type RecordPromiseInput = z.input<typeof recordPromiseSchema>;

type Tx = Prisma.TransactionClient;
type PromiseFields = z.output<typeof promiseFieldsSchema>;

/**
 * Inserts a promise for a customer the caller was checked for (`scope`, from requireCollectionWrite): its
 * currency is that of its invoices (which must share one), else the one given, else the company's; the amount
 * is parsed in it; its date must be today or later. Audited in the same transaction.
 */
export async function insertPromise(
  tx: Tx,
  access: CompanyAccess,
  scope: WriteScope,
  p: PromiseFields,
  opts: { today: CalendarDate; entryId?: string | null },
): Promise<{ promiseId: string; currency: string; amountMinor: number }> {
  if (p.promisedOn < opts.today) {
    throw new AppError('BAD_REQUEST', 'Promised date cannot be in the past.', [{ path: 'promisedOn', message: 'In the past' }]);
  }
  const currencies = [...new Set(scope.invoices.map((i) => i.currency))];
  if (currencies.length > 1) {
    throw new AppError('BAD_REQUEST', `Invoices: a promise is in one currency; these are in ${currencies.join(' and ')}.`, [
      { path: 'invoiceIds', message: 'Invoices in more than one currency' },
    ]);
  }
  const currency = currencies[0] ?? p.currency ?? access.company.baseCurrency;
  if (p.currency && p.currency !== currency) {
    throw new AppError('BAD_REQUEST', `Currency: the invoices are in ${currency}, not ${p.currency}.`, [
      { path: 'currency', message: `Must be ${currency}` },
    ]);
  }
  const amount = amountMinor(p.amount, currency, 'amount');
  if (!amount.ok) throw new AppError('BAD_REQUEST', `Amount: ${amount.issue.message}`, [amount.issue]);
  const co = access.company.id;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO payment_promises (company_id, customer_id, currency, amount_minor, promised_on, made_on, entry_id, created_by)
    VALUES (${co}::uuid, ${scope.customer.id}::uuid, ${currency}, ${amount.minor}, ${p.promisedOn}::date, ${opts.today}::date,
      ${opts.entryId ?? null}::uuid, ${access.userId}::uuid)
    RETURNING id`;
  const invoiceIds = scope.invoices.map((i) => i.id);
  if (invoiceIds.length > 0) {
    await tx.$executeRaw`
      INSERT INTO payment_promise_invoices (company_id, promise_id, invoice_id)
      SELECT ${co}::uuid, ${row!.id}::uuid, unnest(${invoiceIds}::uuid[])`;
  }
  await writeAuditLog(
    {
      companyId: co,
      userId: access.userId,
      action: 'promises.record',
      targetType: 'customer',
      targetId: scope.customer.id,
      details: { promiseId: row!.id, amountMinor: amount.minor, currency, promisedOn: p.promisedOn, invoiceIds, entryId: opts.entryId ?? null },
    },
    tx,
  );
  return { promiseId: row!.id, currency, amountMinor: amount.minor };
}

/** Records a promise to pay on its own (the log entry form records one along with its entry: addCollectionEntry). */
export async function recordPromise(
  access: CompanyAccess,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<{ promiseId: string; currency: string; amountMinor: number }> {
  const p = parseOrThrow(recordPromiseSchema, input);
  const today = todayInTimeZone(access.company.timeZone, opts.now ?? new Date());
  return prisma.$transaction(async (tx) => {
    const scope = await requireCollectionWrite(tx, access, p.customerId, p.invoiceIds);
    return insertPromise(tx, access, scope, p, { today });
  });
}
