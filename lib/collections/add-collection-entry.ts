import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { ENTRY_KINDS, invoiceIdsField, occurredAtField, optionalText, parseOccurredAt, type EntryKind } from './collection-input';
import { requireCollectionWrite } from './collection-scope';
import { insertPromise, promiseFieldsSchema } from './record-promise';

export const addCollectionEntrySchema = z.object({
  customerId: z.guid('Customer must be an id'),
  kind: z.enum(ENTRY_KINDS, `Kind must be one of ${ENTRY_KINDS.join(', ')}`),
  /** When it happened (default: now); never in the future. */
  occurredAt: occurredAtField,
  contactPerson: optionalText('Contact person', 200),
  outcome: optionalText('Outcome', 200),
  note: optionalText('Note', 5000),
  invoiceIds: invoiceIdsField,
  /** A promise to pay made during this contact, on the same invoices. */
  promise: promiseFieldsSchema.optional().nullable(),
});
export type AddCollectionEntryInput = z.input<typeof addCollectionEntrySchema>;

export interface NewCollectionEntry {
  companyId: string;
  customerId: string;
  kind: EntryKind;
  occurredAt: Date;
  /** Null for the system (a sent reminder). */
  userId: string | null;
  contactPerson: string | null;
  outcome: string | null;
  note: string | null;
  invoiceIds: string[];
  source: 'manual' | 'worklist' | 'reminder';
  reminderId?: string | null;
}

/**
 * Writes one log entry and the invoices it names, inside the caller's transaction. No permission check: the
 * caller has checked (requireCollectionWrite, or its own rule), and the invoices are the customer's.
 */
export async function insertCollectionEntry(tx: Prisma.TransactionClient, e: NewCollectionEntry): Promise<{ id: string }> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO collection_entries (company_id, customer_id, kind, occurred_at, user_id, contact_person, outcome, note, source, reminder_id)
    VALUES (${e.companyId}::uuid, ${e.customerId}::uuid, ${e.kind}, ${e.occurredAt}, ${e.userId}::uuid, ${e.contactPerson}, ${e.outcome},
      ${e.note}, ${e.source}, ${e.reminderId ?? null}::uuid)
    RETURNING id`;
  const invoiceIds = [...new Set(e.invoiceIds.map((id) => id.toLowerCase()))];
  if (invoiceIds.length > 0) {
    await tx.$executeRaw`
      INSERT INTO collection_entry_invoices (company_id, entry_id, invoice_id)
      SELECT ${e.companyId}::uuid, ${row!.id}::uuid, unnest(${invoiceIds}::uuid[])`;
  }
  return row!;
}

/** The promise's field errors name its fields inside `promise`, as the form and the API send them. */
function underPromise(error: unknown): never {
  if (error instanceof AppError && error.issues) {
    const issues = error.issues.map((i) => ({ ...i, path: i.path === 'invoiceIds' ? i.path : `promise.${i.path}` }));
    throw new AppError(error.code, error.message, issues);
  }
  throw error;
}

export interface AddedCollectionEntry {
  entryId: string;
  promiseId: string | null;
}

/**
 * Logs a contact (or a note) with a customer, optionally naming invoices and carrying a promise to pay, in one
 * transaction. Needs invoices.modify on the named invoices' locations (with none: the customer's location).
 */
export async function addCollectionEntry(
  access: CompanyAccess,
  input: unknown,
  opts: { now?: Date; source?: 'manual' | 'worklist' } = {},
): Promise<AddedCollectionEntry> {
  const p = parseOrThrow(addCollectionEntrySchema, input);
  const now = opts.now ?? new Date();
  const occurredAt = p.occurredAt === undefined ? now : parseOccurredAt(p.occurredAt, access.company.timeZone);
  if (!occurredAt)
    throw new AppError('BAD_REQUEST', 'When: not a real date and time.', [{ path: 'occurredAt', message: 'Not a real date and time' }]);
  if (occurredAt.getTime() > now.getTime()) {
    throw new AppError('BAD_REQUEST', 'When cannot be in the future.', [{ path: 'occurredAt', message: 'In the future' }]);
  }
  const today = todayInTimeZone(access.company.timeZone, now);
  const co = access.company.id;
  return prisma.$transaction(async (tx) => {
    const scope = await requireCollectionWrite(tx, access, p.customerId, p.invoiceIds);
    const entry = await insertCollectionEntry(tx, {
      companyId: co,
      customerId: scope.customer.id,
      kind: p.kind,
      occurredAt,
      userId: access.userId,
      contactPerson: p.contactPerson,
      outcome: p.outcome,
      note: p.note,
      invoiceIds: scope.invoices.map((i) => i.id),
      source: opts.source ?? 'manual',
    });
    const promise = p.promise ? await insertPromise(tx, access, scope, p.promise, { today, entryId: entry.id }).catch(underPromise) : null;
    await writeAuditLog(
      {
        companyId: co,
        userId: access.userId,
        action: 'collection_log.add',
        targetType: 'customer',
        targetId: scope.customer.id,
        details: { entryId: entry.id, kind: p.kind, occurredAt: occurredAt.toISOString(), invoiceIds: scope.invoices.map((i) => i.id) },
      },
      tx,
    );
    return { entryId: entry.id, promiseId: promise?.promiseId ?? null };
  });
}
