import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGEABLE_STATUSES } from '@/lib/aging/age-invoices';
import { calendarDateOf, isCalendarDate, todayInTimeZone } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { readCsvRecords } from '@/lib/csv/read-csv';
import { AppError } from '@/lib/errors/app-error';
import { applyToInvoices } from './apply-to-invoices';
import { amountMinor, PAYMENT_METHODS } from './ledger-input';
import { assertCan, permittedLocations } from '@/lib/auth/can';

export const PAYMENT_IMPORT_MAX_ROWS = 5_000;

export interface PaymentImportRow {
  line: number;
  invoice: string;
  amount: string;
  date: string;
  reference: string;
  method: string;
  /** What is wrong with the row, naming the column; null when it will be imported. */
  error: string | null;
  /** Already imported (same invoice, amount, date and reference): skipped, not an error. */
  duplicate: boolean;
  invoiceNumber?: string;
  customerName?: string;
  amountMinor?: number;
  currency?: string;
}

interface Checked {
  rows: PaymentImportRow[];
  valid: (PaymentImportRow & { invoiceId: string; customerId: string; amountMinor: number; currency: string })[];
}

const naturalKey = (invoiceId: string, amountMinor: number, date: string, reference: string) =>
  JSON.stringify([invoiceId, amountMinor, date, reference]);

/** Reads the file: a header row naming invoice (number or id), amount, date, reference and optionally method. */
function readRows(csv: string): Record<string, string>[] {
  const records = readCsvRecords(csv, PAYMENT_IMPORT_MAX_ROWS, 'payment');
  const first = records[0]!;
  const invoiceKey = ['invoice', 'invoice_number', 'invoice_id'].find((k) => k in first);
  const missing = [!invoiceKey && 'invoice', ...['amount', 'date', 'reference'].filter((k) => !(k in first))].filter(Boolean);
  if (missing.length > 0)
    throw new AppError('BAD_REQUEST', `The header row needs columns: ${missing.join(', ')}.`, [{ path: 'file', message: 'Missing columns' }]);
  return records.map((r) => ({ ...r, invoice: r[invoiceKey!] ?? '' }));
}

/** Every row checked against the company's data; nothing is written. */
async function checkRows(access: CompanyAccess, csv: string): Promise<Checked> {
  assertCan(access, 'invoices.modify', undefined, 'Importing needs the invoices.modify permission on at least one location.');
  const records = readRows(csv);
  const companyId = access.company.id;
  const today = todayInTimeZone(access.company.timeZone);
  const keys = records.map((r) => r.invoice ?? '').filter(Boolean);
  // Only invoices in locations the caller may view are looked up: another location's invoice reads exactly like
  // one that does not exist, and its customer's name is never copied into the review.
  const invoices = await prisma.invoice.findMany({
    where: {
      companyId,
      locationId: { in: access.viewLocations.map((l) => l.id) },
      OR: [{ number: { in: keys } }, { id: { in: keys.filter((k) => z.guid().safeParse(k).success) } }],
    },
    select: {
      id: true,
      number: true,
      customerId: true,
      currency: true,
      status: true,
      balanceMinor: true,
      locationId: true,
      customer: { select: { name: true } },
    },
  });
  const byKey = new Map(
    invoices.flatMap(
      (i) =>
        [
          [i.number, i],
          [i.id, i],
        ] as const,
    ),
  );
  const references = records.map((r) => r.reference ?? '').filter(Boolean);
  // Already imported: a payment with the same reference, amount and date applied to the same invoice (the
  // natural key; a reference alone may recur, as one cheque paying two invoices does).
  const existing = new Set(
    (
      await prisma.payment.findMany({
        where: { companyId, reference: { in: references } },
        select: { reference: true, amountMinor: true, receivedOn: true, applications: { select: { invoiceId: true } } },
      })
    ).flatMap((p) => p.applications.map((a) => naturalKey(a.invoiceId, Number(p.amountMinor), calendarDateOf(p.receivedOn), p.reference))),
  );
  const modify = new Set(permittedLocations(access, 'invoices.modify'));
  const seen = new Set<string>();
  const remaining = new Map(invoices.map((i) => [i.id, Number(i.balanceMinor)]));
  const rows: PaymentImportRow[] = [];
  const valid: Checked['valid'] = [];
  records.forEach((r, index) => {
    const row: PaymentImportRow = {
      line: index + 2,
      invoice: r.invoice ?? '',
      amount: r.amount ?? '',
      date: r.date ?? '',
      reference: r.reference ?? '',
      method: (r.method ?? '').toLowerCase().replace(/\s+/g, '_'),
      error: null,
      duplicate: false,
    };
    rows.push(row);
    const invoice = byKey.get(row.invoice);
    const fail = (message: string) => {
      row.error = message;
    };
    if (!row.invoice) return fail('Invoice: missing.');
    if (!invoice) return fail(`Invoice: "${row.invoice}" is not an invoice of ${access.company.name} that you may see.`);
    Object.assign(row, { invoiceNumber: invoice.number, customerName: invoice.customer.name, currency: invoice.currency });
    const amount = amountMinor(row.amount, invoice.currency, 'amount');
    if (!amount.ok) return fail(`Amount: ${amount.issue.message}`);
    row.amountMinor = amount.minor;
    if (!isCalendarDate(row.date)) return fail(`Date: "${row.date}" is not a real date (YYYY-MM-DD).`);
    if (row.date > today) return fail('Date: cannot be in the future.');
    if (!row.reference) return fail('Reference: missing.');
    if (row.reference.length > 100) return fail('Reference: at most 100 characters.');
    if (row.method && !(PAYMENT_METHODS as readonly string[]).includes(row.method)) return fail(`Method: use one of ${PAYMENT_METHODS.join(', ')}.`);
    const key = naturalKey(invoice.id, amount.minor, row.date, row.reference);
    if (seen.has(key)) return fail(`Reference: "${row.reference}" pays ${invoice.number} the same amount on the same date twice in this file.`);
    seen.add(key);
    if (existing.has(key)) {
      row.duplicate = true;
      return;
    }
    if (!modify.has(invoice.locationId)) return fail(`Invoice: you cannot modify invoices in the location of ${invoice.number}.`);
    const balance = remaining.get(invoice.id) ?? 0;
    if (!AGEABLE_STATUSES.includes(invoice.status) || balance <= 0) return fail(`Invoice: ${invoice.number} has nothing left to pay.`);
    remaining.set(invoice.id, Math.max(0, balance - amount.minor));
    valid.push({ ...row, invoiceId: invoice.id, customerId: invoice.customerId, amountMinor: amount.minor, currency: invoice.currency });
  });
  return { rows, valid };
}

/** The review table: every row with its problem, or what it will do. Writes nothing. */
export async function previewPaymentImport(access: CompanyAccess, csv: string) {
  const { rows, valid } = await checkRows(access, csv);
  return { rows, importable: valid.length, duplicates: rows.filter((r) => r.duplicate).length, errors: rows.filter((r) => r.error).length };
}

/**
 * Imports the valid rows in one transaction: each a payment applied to its invoice (an overpayment stays as
 * customer credit). Rows already imported (same invoice, amount, date and reference) are skipped, so importing a file twice creates
 * nothing the second time; a row with a problem is left out and reported.
 */
export async function importPayments(access: CompanyAccess, csv: string) {
  const { rows, valid } = await checkRows(access, csv);
  const companyId = access.company.id;
  await prisma.$transaction(
    async (tx) => {
      for (const v of valid) {
        const payment = await tx.payment.create({
          data: {
            companyId,
            customerId: v.customerId,
            currency: v.currency,
            amountMinor: BigInt(v.amountMinor),
            unappliedMinor: BigInt(v.amountMinor),
            receivedOn: new Date(`${v.date}T00:00:00Z`),
            reference: v.reference,
            method: v.method || null,
            note: `Imported, line ${v.line}`,
            createdBy: access.userId,
          },
          select: { id: true },
        });
        const invoice = await tx.invoice.findUniqueOrThrow({
          where: { companyId_id: { companyId, id: v.invoiceId } },
          select: { balanceMinor: true },
        });
        const apply = Math.min(Number(invoice.balanceMinor), v.amountMinor);
        if (apply > 0) {
          await applyToInvoices(
            tx,
            access,
            { kind: 'payment', id: payment.id, customerId: v.customerId, currency: v.currency, unappliedMinor: v.amountMinor },
            [{ invoiceId: v.invoiceId, amountMinor: apply }],
            v.date,
          );
        }
      }
      await writeAuditLog(
        {
          companyId,
          userId: access.userId,
          action: 'payments.import',
          targetType: 'company',
          targetId: companyId,
          details: {
            rows: rows.length,
            imported: valid.length,
            duplicates: rows.filter((r) => r.duplicate).length,
            errors: rows.filter((r) => r.error).length,
          },
        },
        tx,
      );
    },
    { timeout: 120_000 },
  );
  return { imported: valid.length, duplicates: rows.filter((r) => r.duplicate).length, errors: rows.filter((r) => r.error) };
}
