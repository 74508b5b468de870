import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import type { PreparedStatement } from './prepare-statements';
import type { StatementCriteria } from './statement-criteria';
import { statementEmail } from './statement-email';

export type CreateOutcome = { kind: 'created'; statementId: string; emailed: boolean; warning?: string } | { kind: 'skipped'; reason: string };

interface Context {
  criteria: StatementCriteria;
  userId: string;
  batchId: string | null;
  company: { name: string; remitTo: string | null };
}

/**
 * One customer's statement in its own transaction. The customer row is locked first, so two runs at once (a
 * double click, a retry while the first is still going) take turns; the insert that follows is a new
 * statement, so it sees the other run's commit and writes nothing when Skip Recent covers it. (One statement
 * doing both would check against a snapshot taken before the lock was granted.) The email, if asked for, is
 * queued in the same transaction.
 */
export async function createCustomerStatement(ctx: Context, s: PreparedStatement): Promise<CreateOutcome> {
  const c = ctx.criteria;
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM customers WHERE company_id = ${c.companyId}::uuid AND id = ${s.customerId}::uuid FOR UPDATE`;
    if (locked.length === 0) return { kind: 'skipped', reason: 'Customer not found.' };
    const recent = c.since
      ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM invoice_statements r WHERE r.company_id = ${c.companyId}::uuid
          AND r.customer_id = ${s.customerId}::uuid AND r.currency = ${c.currency} AND r.created_at >= ${c.since})`
      : Prisma.empty;
    const [inserted] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO invoice_statements (company_id, customer_id, batch_id, as_of, currency, total_minor, invoice_count, snapshot, location_ids, created_by)
      SELECT ${c.companyId}::uuid, ${s.customerId}::uuid, ${ctx.batchId}::uuid, ${c.asOf}::date, ${c.currency}, ${s.totalMinor},
        ${s.snapshot.invoices.length}, ${JSON.stringify(s.snapshot)}::jsonb, ${s.locationIds}::uuid[], ${ctx.userId}::uuid
      WHERE true ${recent}
      RETURNING id`;
    if (!inserted) return { kind: 'skipped', reason: 'Has a statement in the Skip Recent window.' };
    if (!c.email) return { kind: 'created', statementId: inserted.id, emailed: false };
    if (!s.email) {
      return {
        kind: 'created',
        statementId: inserted.id,
        emailed: false,
        warning: 'Statement created but not emailed: the customer has no email address.',
      };
    }
    const mail = statementEmail({
      companyName: ctx.company.name,
      customerName: s.customerName,
      asOf: c.asOf,
      totalMinor: s.totalMinor,
      currency: c.currency,
      remitTo: ctx.company.remitTo,
    });
    await enqueueEmail(tx, { companyId: c.companyId, statementId: inserted.id, to: s.email, ...mail, createdBy: ctx.userId });
    return { kind: 'created', statementId: inserted.id, emailed: true };
  });
}
