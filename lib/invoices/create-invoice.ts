import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { amountField, amountMinor, calendarDateField } from '@/lib/ledger/ledger-input';
import { lineTotal } from '@/lib/money/line-total';
import { parseAmount } from '@/lib/money/parse-amount';
import { can } from '@/lib/auth/can';
import { termsOf } from '@/lib/billing/payment-terms';
import { dueDateFromTerms } from '@/lib/billing/due-date-from-terms';

export const invoiceInputSchema = z
  .object({
    number: z.string('Number is required').trim().min(1, 'Number is required').max(50, 'Number must be at most 50 characters'),
    customerId: z.guid('Customer must be an id'),
    locationId: z.guid('Location must be an id'),
    invoiceDate: calendarDateField('Invoice date'),
    /** Optional: the customer's payment terms give it when left out. */
    dueDate: calendarDateField('Due date').optional(),
    /** What the invoice bills for (a bill source of the company); none: it ages by the company's periods. */
    billSourceId: z.guid('Bill source must be an id').nullish(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code')
      .optional(),
    /** The total; optional when lines are given (then it must equal their sum). */
    amount: amountField('Amount').optional(),
    lines: z
      .array(
        z.object({
          description: z.string().trim().min(1, 'Description is required').max(500, 'Description must be at most 500 characters'),
          quantity: z
            .string()
            .trim()
            .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Quantity must be a number with at most 3 decimals')
            .refine((q) => /[1-9]/.test(q), 'Quantity must be more than zero'),
          unitPrice: amountField('Unit price'),
        }),
      )
      .max(500, 'At most 500 lines')
      .optional(),
    /** Post at once (open, ageing) rather than keep as a draft. */
    post: z.boolean().default(false),
  })
  .refine((p) => p.dueDate === undefined || p.dueDate >= p.invoiceDate, {
    path: ['dueDate'],
    message: 'Due date must not be before the invoice date',
  })
  .refine((p) => p.amount !== undefined || (p.lines?.length ?? 0) > 0, { path: ['amount'], message: 'Give an amount or lines' });

export interface CreatedInvoice {
  id: string;
  number: string;
  status: string;
  amountMinor: number;
  /** false when an identical invoice with this number already existed (a retried request). */
  created: boolean;
}

/**
 * Creates an invoice, idempotent by number: the same request again returns the existing invoice and changes
 * nothing; a different invoice under a number in use is a conflict.
 */
export async function createInvoice(access: CompanyAccess, input: unknown): Promise<CreatedInvoice> {
  const p = parseOrThrow(invoiceInputSchema, input);
  const companyId = access.company.id;
  if (!can(access, 'invoices.modify', p.locationId)) {
    // A location the caller cannot even see (another company's, say) reads as one that does not exist.
    if (!can(access, 'invoices.view', p.locationId)) throw notFound('Location');
    throw new AppError('FORBIDDEN', 'You may not create invoices in that location.', [
      { path: 'locationId', message: 'Not a location where you can modify invoices' },
    ]);
  }
  const currency = p.currency ?? access.company.baseCurrency;
  const lines = (p.lines ?? []).map((l, i) => {
    const unit = parseAmount(l.unitPrice, currency);
    if (!unit.ok)
      throw new AppError('BAD_REQUEST', `Line ${i + 1} unit price: ${unit.message}`, [{ path: `lines.${i}.unitPrice`, message: unit.message }]);
    return {
      position: i + 1,
      description: l.description,
      quantity: l.quantity,
      unitPriceMinor: unit.minor,
      lineTotalMinor: lineTotal(l.quantity, unit.minor),
    };
  });
  const linesSum = lines.reduce((s, l) => s + l.lineTotalMinor, 0);
  if (!Number.isSafeInteger(linesSum))
    throw new AppError('BAD_REQUEST', 'The lines add up to more than the largest amount.', [{ path: 'lines', message: 'Total too large' }]);
  let amount = linesSum;
  if (p.amount !== undefined) {
    const parsed = amountMinor(p.amount, currency, 'amount');
    if (!parsed.ok) throw new AppError('BAD_REQUEST', `Amount: ${parsed.issue.message}`, [parsed.issue]);
    if (lines.length > 0 && parsed.minor !== linesSum) {
      throw new AppError('BAD_REQUEST', 'Amount must equal the sum of the lines.', [{ path: 'amount', message: 'Not the sum of the lines' }]);
    }
    amount = parsed.minor;
  }
  const status = p.post ? 'open' : 'draft';
  const date = (d: string) => new Date(`${d}T00:00:00Z`);
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { companyId, id: p.customerId }, select: { id: true, termsKind: true, termsDays: true } });
    if (!customer) throw notFound('Customer');
    const dueDate = p.dueDate ?? dueDateFromTerms(termsOf(customer), p.invoiceDate, 'dueDate');
    if (p.billSourceId && !(await tx.billSource.findUnique({ where: { companyId_id: { companyId, id: p.billSourceId } }, select: { id: true } }))) {
      throw new AppError('BAD_REQUEST', 'Bill source: not a bill source of this company.', [
        { path: 'billSourceId', message: 'Unknown bill source' },
      ]);
    }
    // Serializes requests for one number: the second waits, then finds the first one's invoice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invoice:${companyId}:${p.number}`}, 0))`;
    const existing = await tx.invoice.findFirst({ where: { companyId, number: p.number }, include: { lines: { orderBy: { position: 'asc' } } } });
    if (existing) {
      const same =
        existing.customerId === p.customerId &&
        existing.locationId === p.locationId &&
        existing.currency === currency &&
        existing.invoiceDate.getTime() === date(p.invoiceDate).getTime() &&
        existing.dueDate.getTime() === date(dueDate).getTime() &&
        existing.billSourceId === (p.billSourceId ?? null) &&
        Number(existing.amountMinor) === amount &&
        existing.lines.length === lines.length &&
        existing.lines.every(
          (l, i) =>
            l.description === lines[i]!.description && Number(l.unitPriceMinor) === lines[i]!.unitPriceMinor && l.quantity.equals(lines[i]!.quantity),
        );
      if (!same)
        throw new AppError('CONFLICT', `Invoice number ${p.number} is already used by a different invoice.`, [{ path: 'number', message: 'In use' }]);
      return { id: existing.id, number: existing.number, status: existing.status, amountMinor: Number(existing.amountMinor), created: false };
    }
    const invoice = await tx.invoice.create({
      data: {
        companyId,
        number: p.number,
        customerId: p.customerId,
        locationId: p.locationId,
        invoiceDate: date(p.invoiceDate),
        dueDate: date(dueDate),
        billSourceId: p.billSourceId ?? null,
        currency,
        amountMinor: BigInt(amount),
        balanceMinor: BigInt(amount),
        status,
        lines: {
          create: lines.map((l) => ({
            ...l,
            companyId: undefined,
            unitPriceMinor: BigInt(l.unitPriceMinor),
            lineTotalMinor: BigInt(l.lineTotalMinor),
          })),
        },
      },
      select: { id: true },
    });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'invoices.create',
        targetType: 'invoice',
        targetId: invoice.id,
        details: { number: p.number, amountMinor: amount, currency, status, lines: lines.length },
      },
      tx,
    );
    return { id: invoice.id, number: p.number, status, amountMinor: amount, created: true };
  });
}
