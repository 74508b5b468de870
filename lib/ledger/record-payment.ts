import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGEABLE_STATUSES } from '@/lib/aging/age-invoices';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { applyToInvoices } from './apply-to-invoices';
import { amountField, amountMinor, calendarDateField, PAYMENT_METHODS } from './ledger-input';
import { lockInvoices, requireCustomerModify } from './lock-invoices';

export const recordPaymentSchema = z
  .object({
    /** Pay this invoice (the customer and currency are the invoice's); else a payment on the customer. */
    invoiceId: z.guid('Invoice must be an id').optional(),
    customerId: z.guid('Customer must be an id').optional(),
    /** For money on account of a customer without a default location: the location it belongs to. */
    locationId: z.guid('Location must be an id').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code')
      .optional(),
    amount: amountField('Amount'),
    receivedOn: calendarDateField('Payment date'),
    reference: z.string('Reference is required').trim().min(1, 'Reference is required').max(100, 'Reference must be at most 100 characters'),
    method: z.enum(PAYMENT_METHODS, `Method must be one of ${PAYMENT_METHODS.join(', ')}`).optional(),
    note: z.string().trim().max(500, 'Note must be at most 500 characters').optional(),
  })
  .refine((p) => p.invoiceId || p.customerId, { path: ['customerId'], message: 'Choose an invoice or a customer' });
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

export interface RecordedPayment {
  paymentId: string;
  appliedMinor: number;
  /** What was not applied: customer credit, to apply later. */
  unappliedMinor: number;
}

/**
 * Records money received. On an invoice it is applied at once, up to the invoice's balance; the rest (an
 * overpayment) stays on the payment as customer credit. A reference (cheque number, card digits) may recur:
 * a retried API call is kept from writing twice by its Idempotency-Key, a re-imported file by its natural key.
 */
export async function recordPayment(access: CompanyAccess, input: unknown): Promise<RecordedPayment> {
  const p = parseOrThrow(recordPaymentSchema, input);
  const today = todayInTimeZone(access.company.timeZone);
  if (p.receivedOn > today)
    throw new AppError('BAD_REQUEST', 'Payment date cannot be in the future.', [{ path: 'receivedOn', message: 'In the future' }]);
  const companyId = access.company.id;
  return prisma.$transaction(async (tx) => {
    let customerId: string;
    let currency: string;
    let invoice: { id: string; balance: number } | null = null;
    if (p.invoiceId) {
      const locked = (await lockInvoices(tx, access, [p.invoiceId])).get(p.invoiceId)!;
      if (!AGEABLE_STATUSES.includes(locked.status) || Number(locked.balance_minor) === 0) {
        throw new AppError('BAD_REQUEST', `Invoice ${locked.number} is ${locked.status.replace('_', ' ')}: nothing is owed on it.`, [
          { path: 'invoiceId', message: 'Nothing owed' },
        ]);
      }
      if (p.currency && p.currency !== locked.currency) {
        throw new AppError('BAD_REQUEST', `Currency: invoice ${locked.number} is in ${locked.currency}, not ${p.currency}.`, [
          { path: 'currency', message: `Must be ${locked.currency}` },
        ]);
      }
      if (p.customerId && p.customerId !== locked.customer_id) {
        throw new AppError('BAD_REQUEST', `Customer: invoice ${locked.number} belongs to another customer.`, [
          { path: 'customerId', message: "Not the invoice's customer" },
        ]);
      }
      customerId = locked.customer_id;
      currency = locked.currency;
      invoice = { id: locked.id, balance: Number(locked.balance_minor) };
    } else {
      customerId = (await requireCustomerModify(tx, access, p.customerId!, p.locationId)).id;
      currency = p.currency ?? access.company.baseCurrency;
    }
    const amount = amountMinor(p.amount, currency, 'amount');
    if (!amount.ok) throw new AppError('BAD_REQUEST', `Amount: ${amount.issue.message}`, [amount.issue]);
    const payment = await tx.payment.create({
      data: {
        companyId,
        customerId,
        currency,
        amountMinor: BigInt(amount.minor),
        unappliedMinor: BigInt(amount.minor),
        receivedOn: new Date(`${p.receivedOn}T00:00:00Z`),
        reference: p.reference,
        method: p.method ?? null,
        note: p.note || null,
        createdBy: access.userId,
      },
      select: { id: true },
    });
    const applied = invoice ? Math.min(invoice.balance, amount.minor) : 0;
    const unapplied = invoice
      ? await applyToInvoices(
          tx,
          access,
          { kind: 'payment', id: payment.id, customerId, currency, unappliedMinor: amount.minor },
          [{ invoiceId: invoice.id, amountMinor: applied }],
          p.receivedOn,
        )
      : amount.minor;
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'payments.record',
        targetType: 'payment',
        targetId: payment.id,
        details: {
          customerId,
          invoiceId: p.invoiceId ?? null,
          amountMinor: amount.minor,
          currency,
          receivedOn: p.receivedOn,
          reference: p.reference,
          appliedMinor: applied,
        },
      },
      tx,
    );
    return { paymentId: payment.id, appliedMinor: applied, unappliedMinor: unapplied };
  });
}
