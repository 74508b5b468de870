import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isCalendarDate, todayInTimeZone } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { insertCollectionEntry } from './add-collection-entry';
import { requireCollectionWrite } from './collection-scope';
import { promiseStateSql } from './promise-state-sql';
import { WORKLIST_ENTRY_KINDS, WORKLIST_NEXT_ACTIONS, WORKLIST_TYPES } from './worklist-params';

const text = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => v || null);

export const completeWorklistItemSchema = z
  .object({
    type: z.enum(WORKLIST_TYPES, `Type must be one of ${WORKLIST_TYPES.join(', ')}`),
    /** The item's id: the customer (next action, newly overdue), else the promise, hold or reminder. */
    id: z.guid('Item must be an id'),
    kind: z.enum(WORKLIST_ENTRY_KINDS, `Kind must be one of ${WORKLIST_ENTRY_KINDS.join(', ')}`),
    outcome: text('Outcome', 200),
    note: text('Note', 5000),
    contactPerson: text('Contact person', 200),
    nextAction: z.enum(WORKLIST_NEXT_ACTIONS, `Next action must be one of ${WORKLIST_NEXT_ACTIONS.join(', ')}`).optional(),
    nextActionOn: z.string().refine(isCalendarDate, 'Next action date must be a real date in YYYY-MM-DD form').optional(),
  })
  .refine((p) => (p.nextAction === undefined) === (p.nextActionOn === undefined), {
    path: ['nextActionOn'],
    message: 'Give both a next action and its date, or neither',
  })
  .refine((p) => p.type !== 'newly_overdue' || p.kind !== 'note', {
    path: ['kind'],
    message: 'A note is not a contact: record how you reached the customer',
  });
export type CompleteWorklistItemInput = z.input<typeof completeWorklistItemSchema>;

export interface CompletedWorklistItem {
  entryId: string;
  customerId: string;
}

type Tx = Prisma.TransactionClient;

/**
 * Locks the item's row; returns its customer and, when the item is no longer open, why (checked after the
 * caller's permission, so a caller who may not act learns nothing of the item's state). Another company's id is
 * not found.
 */
async function lockItem(
  tx: Tx,
  access: CompanyAccess,
  type: string,
  id: string,
  today: string,
): Promise<{ customerId: string; stale: string | null }> {
  const co = access.company.id;
  if (type === 'next_action' || type === 'newly_overdue') {
    const [c] = await tx.$queryRaw<{ id: string; due: boolean }[]>`
      SELECT id, coalesce(next_action_on <= ${today}::date, false) AS due FROM customers WHERE company_id = ${co}::uuid AND id = ${id}::uuid FOR UPDATE`;
    if (!c) throw notFound('Customer');
    return {
      customerId: c.id,
      stale: type === 'next_action' && !c.due ? 'No next action is due for this customer: it was done or moved already.' : null,
    };
  }
  if (type === 'broken_promise') {
    const [p] = await tx.$queryRaw<{ customer_id: string; followed_up_at: Date | null; state: string }[]>`
      SELECT p.customer_id, p.followed_up_at, ${promiseStateSql(today, 'p')} AS state FROM payment_promises p
      WHERE p.company_id = ${co}::uuid AND p.id = ${id}::uuid FOR UPDATE`;
    if (!p) throw notFound('Promise');
    const stale = p.followed_up_at
      ? 'This broken promise was followed up already.'
      : p.state !== 'broken' && p.state !== 'partly_kept'
        ? `This promise is ${p.state.replace('_', ' ')}, not broken.`
        : null;
    return { customerId: p.customer_id, stale };
  }
  if (type === 'hold_ending') {
    const [h] = await tx.$queryRaw<{ customer_id: string; reviewed_at: Date | null }[]>`
      SELECT customer_id, reviewed_at FROM collection_holds WHERE company_id = ${co}::uuid AND id = ${id}::uuid FOR UPDATE`;
    if (!h) throw notFound('Hold');
    return { customerId: h.customer_id, stale: h.reviewed_at ? 'This hold was reviewed already.' : null };
  }
  const [r] = await tx.$queryRaw<{ customer_id: string; status: string }[]>`
    SELECT customer_id, status FROM dunning_reminders WHERE company_id = ${co}::uuid AND id = ${id}::uuid FOR UPDATE`;
  if (!r) throw notFound('Reminder task');
  return { customerId: r.customer_id, stale: r.status !== 'task_open' ? `This reminder is ${r.status.replace('_', ' ')}, not an open task.` : null };
}

/**
 * Completes a worklist item in one transaction: writes the collection log entry (source 'worklist'), optionally
 * sets the customer's next action, and clears the item: a due next action is cleared (or replaced), a broken
 * promise is marked followed up, an ending hold reviewed, a reminder task done. A newly overdue customer leaves
 * the list because the entry is a contact (the last-contact trigger stamps it).
 */
export async function completeWorklistItem(access: CompanyAccess, input: unknown, now: Date = new Date()): Promise<CompletedWorklistItem> {
  const p = parseOrThrow(completeWorklistItemSchema, input);
  const today = todayInTimeZone(access.company.timeZone, now);
  if (p.nextActionOn !== undefined && p.nextActionOn < today) {
    throw new AppError('BAD_REQUEST', 'Next action date cannot be in the past.', [{ path: 'nextActionOn', message: 'In the past' }]);
  }
  const co = access.company.id;
  return prisma.$transaction(async (tx) => {
    const { customerId, stale } = await lockItem(tx, access, p.type, p.id, today);
    // The collection log's rule: see the customer, and modify on its default location (none: on one of its invoices').
    await requireCollectionWrite(tx, access, customerId);
    if (stale) throw new AppError('CONFLICT', stale);
    const entry = await insertCollectionEntry(tx, {
      companyId: co,
      customerId,
      kind: p.kind,
      occurredAt: now,
      userId: access.userId,
      contactPerson: p.contactPerson,
      outcome: p.outcome,
      note: p.note,
      source: 'worklist',
      reminderId: p.type === 'task' ? p.id : null,
      invoiceIds: [],
    });
    if (p.type === 'broken_promise') {
      await tx.$executeRaw`UPDATE payment_promises SET followed_up_at = ${now} WHERE company_id = ${co}::uuid AND id = ${p.id}::uuid`;
    } else if (p.type === 'hold_ending') {
      await tx.$executeRaw`UPDATE collection_holds SET reviewed_at = ${now} WHERE company_id = ${co}::uuid AND id = ${p.id}::uuid`;
    } else if (p.type === 'task') {
      await tx.$executeRaw`UPDATE dunning_reminders SET status = 'done', decided_at = ${now}, decided_by = ${access.userId}::uuid
        WHERE company_id = ${co}::uuid AND id = ${p.id}::uuid`;
    }
    if (p.nextAction !== undefined || p.type === 'next_action') {
      await tx.$executeRaw`UPDATE customers SET next_action = ${p.nextAction ?? null}, next_action_on = ${p.nextActionOn ?? null}::date
        WHERE company_id = ${co}::uuid AND id = ${customerId}::uuid`;
    }
    await writeAuditLog(
      {
        companyId: co,
        userId: access.userId,
        action: 'worklist.complete',
        targetType: 'customer',
        targetId: customerId,
        details: {
          type: p.type,
          itemId: p.id,
          entryId: entry.id,
          kind: p.kind,
          nextAction: p.nextAction ?? null,
          nextActionOn: p.nextActionOn ?? null,
        },
      },
      tx,
    );
    return { entryId: entry.id, customerId };
  });
}
