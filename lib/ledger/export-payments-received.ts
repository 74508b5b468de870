import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { toCsv } from '@/lib/csv/to-csv';
import { minorToDecimal } from '@/lib/money/currency';
import type { PaymentsReceivedParams } from './payments-received-params';
import { paymentsReceivedFilter } from './list-payments-received';

/** Most payments in one export: beyond it, narrow the dates. */
export const PAYMENTS_EXPORT_MAX_ROWS = 100_000;

type Row = {
  received_on: Date;
  name: string;
  method: string | null;
  reference: string;
  currency: string;
  amount_minor: bigint;
  unapplied_minor: bigint;
};

/** The payments received with the list's filters, every row (newest first), as CSV; audited. */
export async function exportPaymentsReceived(access: CompanyAccess, p: Omit<PaymentsReceivedParams, 'page' | 'perPage'>) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT p.received_on, c.name, p.method, p.reference, p.currency, p.amount_minor, p.unapplied_minor
    FROM payments p JOIN customers c ON c.company_id = p.company_id AND c.id = p.customer_id
    WHERE ${paymentsReceivedFilter(access, p, 'set')} ORDER BY p.received_on DESC, p.id DESC LIMIT ${PAYMENTS_EXPORT_MAX_ROWS + 1}`;
  if (rows.length > PAYMENTS_EXPORT_MAX_ROWS) {
    throw new AppError('BAD_REQUEST', `More than ${PAYMENTS_EXPORT_MAX_ROWS.toLocaleString('en-US')} payments match: narrow the dates.`, [
      { path: 'from', message: 'Too many payments in this range' },
    ]);
  }
  const money = (minor: bigint, currency: string) => minorToDecimal(minor, currency);
  const csv = toCsv<Row>(
    [
      { header: 'Received on', value: (r) => calendarDateOf(r.received_on) },
      { header: 'Customer', text: true, value: (r) => r.name },
      { header: 'Method', text: true, value: (r) => r.method ?? '' },
      { header: 'Reference', text: true, value: (r) => r.reference },
      { header: 'Currency', value: (r) => r.currency },
      { header: 'Amount', value: (r) => money(r.amount_minor, r.currency) },
      { header: 'Applied', value: (r) => money(r.amount_minor - r.unapplied_minor, r.currency) },
      { header: 'Unapplied', value: (r) => money(r.unapplied_minor, r.currency) },
    ],
    rows,
  );
  await writeAuditLog({
    companyId: access.company.id,
    userId: access.userId,
    action: 'payments.export',
    targetType: 'company',
    targetId: access.company.id,
    details: { ...JSON.parse(JSON.stringify(p)), rows: rows.length } as Prisma.InputJsonObject,
  });
  const range = [p.from, p.to].filter(Boolean).join('-to-') || 'all';
  return { filename: `${access.company.slug}-payments-${range}.csv`, csv, rows: rows.length };
}
