import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { kickOutbox } from '@/lib/email/outbox-sender';
import { getAgingScheme } from '@/lib/receivables/get-aging-scheme';
import { companySettings } from '@/lib/settings/company-settings';
import { createCustomerStatement } from './create-customer-statement';
import { findEligibleCustomers } from './find-eligible-customers';
import { prepareStatements } from './prepare-statements';
import { resolveStatementCriteria } from './statement-criteria';
import { assertVisibleCustomers } from '@/lib/auth/visible-customers';

export const FAILURE_REASON_MAX = 180;

export interface StatementFailure {
  customerId: string;
  customerName: string;
  reason: string;
}

export interface GenerateResult {
  batchId: string;
  created: number;
  emailed: number;
  failures: StatementFailure[];
  /** Created, but with something the user should know (e.g. not emailed: no address). */
  warnings: StatementFailure[];
  /** Eligible when picked, then skipped: another run made its statement first. */
  skipped: number;
  capHit: boolean;
  limit: number;
  /** Eligible customers after this batch's last one: what Generate next batch covers. */
  remaining: number;
  /** Where the next batch starts (after this customer); null when nothing is left. */
  next: { name: string; id: string } | null;
}

/** A failure reason as shown and stored: at most 180 characters, cut between code points so no emoji is split. */
export function cutReason(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim() || 'Unknown error.';
  if (oneLine.length <= FAILURE_REASON_MAX) return oneLine;
  let cut = '';
  for (const ch of oneLine) {
    if (cut.length + ch.length > FAILURE_REASON_MAX - 1) break;
    cut += ch;
  }
  return `${cut}…`;
}

/**
 * What went wrong, for the user: the database's own message when the database refused (Prisma's message
 * starts with source code and server paths), else the error's message.
 */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } }).meta;
  const original = meta?.driverAdapterError?.cause?.originalMessage;
  return typeof original === 'string' && original !== '' ? original : error.message;
}

/**
 * Generate Statements: at most the company's bulk_generate_limit statements for the eligible customers, each
 * in its own transaction so one customer's failure is recorded and the rest go on. The batch row keeps the
 * criteria and the outcome; the audit log records both.
 */
export async function generateStatements(access: CompanyAccess, input: unknown, now = new Date()): Promise<GenerateResult> {
  const criteria = resolveStatementCriteria(access, input, now);
  await assertVisibleCustomers(access, criteria.customerIds);
  const [company, scheme] = await Promise.all([
    prisma.company.findUniqueOrThrow({ where: { id: criteria.companyId }, select: { name: true, remitTo: true, settings: true } }),
    getAgingScheme(criteria.companyId),
  ]);
  const limit = companySettings(company.settings)['accounting.statements.bulk_generate_limit'];
  const eligible = await findEligibleCustomers(criteria, limit);
  const { since: _since, companyId: _companyId, locationFilter: _filter, ...recorded } = criteria;
  const batch = await prisma.statementBatch.create({
    data: { companyId: criteria.companyId, createdBy: access.userId, criteria: { ...recorded, since: criteria.since?.toISOString() ?? null } },
    select: { id: true },
  });

  const ctx = { criteria, userId: access.userId, batchId: batch.id, company };
  const prepared = new Map(
    (
      await prepareStatements(
        criteria,
        scheme,
        eligible.customers.map((c) => c.id),
      )
    ).map((p) => [p.customerId, p]),
  );
  const failures: StatementFailure[] = [];
  const warnings: StatementFailure[] = [];
  let created = 0;
  let emailed = 0;
  let skipped = 0;
  for (const customer of eligible.customers) {
    const statement = prepared.get(customer.id);
    if (!statement) {
      skipped++;
      continue;
    }
    try {
      const outcome = await createCustomerStatement(ctx, statement);
      if (outcome.kind === 'skipped') {
        skipped++;
        continue;
      }
      created++;
      if (outcome.emailed) emailed++;
      if (outcome.warning) warnings.push({ customerId: customer.id, customerName: customer.name, reason: cutReason(outcome.warning) });
    } catch (error) {
      console.error(`Statement for customer ${customer.id} failed`, error);
      failures.push({ customerId: customer.id, customerName: customer.name, reason: cutReason(failureMessage(error)) });
    }
  }

  // The next batch continues after the last customer of this one, in name order, whatever Skip Recent says:
  // with None, "the same criteria again" would start from the top and repeat this batch. A failure is passed
  // over (it is listed; a run without `after` picks it up again).
  const remaining = eligible.count - eligible.customers.length;
  const last = eligible.customers.at(-1);
  const result: GenerateResult = {
    batchId: batch.id,
    created,
    emailed,
    failures,
    warnings,
    skipped,
    capHit: eligible.count > limit,
    limit,
    remaining,
    next: remaining > 0 && last ? { name: last.name, id: last.id } : null,
  };
  await prisma.$transaction(async (tx) => {
    await tx.statementBatch.update({
      where: { companyId_id: { companyId: criteria.companyId, id: batch.id } },
      data: {
        createdCount: created,
        failedCount: failures.length,
        failures: failures.map((f) => ({ ...f })),
        capHit: result.capHit,
        remainingCount: remaining,
        finishedAt: new Date(),
      },
    });
    await writeAuditLog(
      {
        companyId: criteria.companyId,
        userId: access.userId,
        action: 'statements.generate',
        targetType: 'statement_batch',
        targetId: batch.id,
        details: {
          criteria: { ...recorded, since: criteria.since?.toISOString() ?? null },
          eligible: eligible.count,
          created,
          emailed,
          failed: failures.length,
          skipped,
          capHit: result.capHit,
          remaining,
        },
      },
      tx,
    );
  });
  if (emailed > 0) kickOutbox();
  return result;
}
