import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ageInvoices, daysPastDue } from '@/lib/aging/age-invoices';
import { bucketsOf, type AgingScheme } from '@/lib/aging/scheme';
import { billingAddressLines } from '@/lib/customers/billing-address-lines';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import type { StatementCriteria } from './statement-criteria';
import type { StatementSnapshot } from './statement-snapshot';
import { statementEmail } from './statement-email';

export type CreateOutcome =
  | { kind: 'created'; statementId: string; emailed: boolean; warning?: string }
  | { kind: 'skipped'; reason: string };

interface Context {
  criteria: StatementCriteria;
  scheme: AgingScheme;
  userId: string;
  batchId: string | null;
  company: { name: string; remitTo: string | null };
}

/**
 * One customer's statement in its own transaction. The customer row is locked first, so two runs at once (a
 * double click, a retry while the first is still going) take turns: the second sees the first's statement
 * and skips it when Skip Recent covers it. The email, if asked for, is queued in the same transaction.
 */
export async function createCustomerStatement(ctx: Context, customerId: string): Promise<CreateOutcome> {
  const { criteria: c } = ctx;
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM customers WHERE company_id = ${c.companyId}::uuid AND id = ${customerId}::uuid FOR UPDATE`;
    if (locked.length === 0) return { kind: 'skipped', reason: 'Customer not found.' };
    if (c.since) {
      const recent = await tx.invoiceStatement.findFirst({
        where: { companyId: c.companyId, customerId, currency: c.currency, createdAt: { gte: c.since } },
        select: { id: true },
      });
      if (recent) return { kind: 'skipped', reason: 'Has a statement in the Skip Recent window.' };
    }
    const customer = await tx.customer.findUniqueOrThrow({ where: { companyId_id: { companyId: c.companyId, id: customerId } } });
    const invoices = await tx.invoice.findMany({
      where: { companyId: c.companyId, customerId, currency: c.currency, locationId: { in: c.locationIds }, status: 'open', balanceMinor: { gt: 0 } },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      select: { id: true, number: true, invoiceDate: true, dueDate: true, amountMinor: true, balanceMinor: true, status: true, locationId: true },
    });
    if (invoices.length === 0) return { kind: 'skipped', reason: 'No open invoices.' };

    const lines = invoices.map((i) => ({
      id: i.id,
      number: i.number,
      invoiceDate: i.invoiceDate.toISOString().slice(0, 10),
      dueDate: i.dueDate.toISOString().slice(0, 10),
      amountMinor: Number(i.amountMinor),
      balanceMinor: Number(i.balanceMinor),
      status: i.status,
    }));
    const aging = ageInvoices(lines, ctx.scheme, c.asOf);
    const snapshot: StatementSnapshot = {
      customer: { name: customer.name, email: customer.email, addressLines: billingAddressLines(customer) },
      buckets: bucketsOf(ctx.scheme).map((b) => ({ key: b.key, label: b.label, amountMinor: aging.amounts[b.key] ?? 0 })),
      invoices: lines.map(({ status: _status, ...i }) => ({ ...i, daysPastDue: daysPastDue(i.dueDate, c.asOf) })),
    };
    const statement = await tx.invoiceStatement.create({
      data: {
        companyId: c.companyId,
        customerId,
        batchId: ctx.batchId,
        asOf: new Date(`${c.asOf}T00:00:00Z`),
        currency: c.currency,
        totalMinor: BigInt(aging.total),
        invoiceCount: lines.length,
        snapshot: snapshot as unknown as Prisma.InputJsonObject,
        locationIds: [...new Set(invoices.map((i) => i.locationId))],
        createdBy: ctx.userId,
      },
      select: { id: true },
    });
    if (!c.email) return { kind: 'created', statementId: statement.id, emailed: false };
    if (!customer.email) {
      return { kind: 'created', statementId: statement.id, emailed: false, warning: 'Statement created but not emailed: the customer has no email address.' };
    }
    const mail = statementEmail({ companyName: ctx.company.name, customerName: customer.name, asOf: c.asOf, totalMinor: aging.total, currency: c.currency, remitTo: ctx.company.remitTo });
    await enqueueEmail(tx, { companyId: c.companyId, statementId: statement.id, to: customer.email, ...mail, createdBy: ctx.userId });
    return { kind: 'created', statementId: statement.id, emailed: true };
  });
}
