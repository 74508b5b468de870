import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';
import { activeHoldSql } from './active-hold-sql';
import { promisePaidSql, promiseStateSql } from './promise-state-sql';

/** Days ahead a hold's end shows on the worklist, so someone decides before it lapses. */
export const HOLD_ENDING_DAYS = 3;
/**
 * Days an invoice counts as newly overdue: it fell due in the last 7 days (due on one of the 7 days before today)
 * and the nightly run flagged it. An old debt flagged on the night collections were switched on is not new.
 */
export const NEWLY_OVERDUE_DAYS = 7;

export interface WorklistItemsScope {
  companyId: string;
  timeZone: string;
  today: CalendarDate;
}

/**
 * Every open worklist item of a company on `today`, as narrow rows (type, item_id, customer_id, due_on,
 * task_owner, flagged_at, invoices): one branch per kind, each on its own partial index, so the union is as
 * small as the work to do. What an item shows (worklistDetailSql) is built for a page's rows only: building it
 * for every item cost a third of the worklist's time on the bench's 35,000 items.
 * - next_action: the customer's next action is due (next_action_on <= today);
 * - broken_promise: a promise broken or partly kept and not followed up; due the morning after its date;
 * - newly_overdue: an open invoice that fell due in the last 7 days, flagged overdue, and no contact by a person
 *   since the flag (flagged_at: the first such flag, invoices: how many);
 * - hold_ending: an active hold that ends within 3 days and was not reviewed;
 * - task: a call or letter the nightly run asked for (task_owner: its assignee; null is for managers).
 */
export function worklistItemsSql(s: WorklistItemsScope): Prisma.Sql {
  const co = Prisma.sql`${s.companyId}::uuid`;
  const today = Prisma.sql`${s.today}::date`;
  const dueSince = Prisma.sql`(${today} - ${Prisma.raw(String(NEWLY_OVERDUE_DAYS))})`;
  return Prisma.sql`
    SELECT 'next_action' AS type, c.id AS item_id, c.id AS customer_id, c.next_action_on AS due_on, NULL::uuid AS task_owner,
      NULL::timestamptz AS flagged_at, NULL::int AS invoices
    FROM customers c WHERE c.company_id = ${co} AND c.next_action_on <= ${today}
    UNION ALL
    SELECT 'broken_promise', p.id, p.customer_id, p.promised_on + 1, NULL, NULL, NULL
    FROM payment_promises p
    CROSS JOIN LATERAL (SELECT ${promisePaidSql('p')} AS paid) pd
    WHERE p.company_id = ${co} AND p.followed_up_at IS NULL AND p.promised_on < ${today}
      AND ${promiseStateSql(s.today, 'p', Prisma.raw('pd.paid'))} IN ('broken', 'partly_kept')
    UNION ALL
    SELECT 'newly_overdue', f.customer_id, f.customer_id, min(f.run_on), NULL, min(f.flagged_at), count(*)::int
    FROM invoice_overdue_flags f
    -- Still owed: the window's flags and its ageable invoices, each read from its index alone and joined by hash
    -- (a probe per flag cost 330 ms for the bench's 37,000).
    JOIN invoices i ON i.company_id = f.company_id AND i.id = f.invoice_id AND ${AGEABLE_INVOICE} AND i.due_date >= ${dueSince} AND i.due_date < ${today}
    -- Not contacted by a person since the flag. A flag of the window came after its due date, so only contacts
    -- since the window opened can be later: a few customers, not one read per flag.
    LEFT JOIN (
      SELECT k.id, k.last_contact_at FROM customers k
      WHERE k.company_id = ${co} AND k.last_contact_at >= (${dueSince}::timestamp AT TIME ZONE ${s.timeZone})
      -- A fence: read once and hashed, not probed by customer id for each flag.
      OFFSET 0
    ) k ON k.id = f.customer_id AND k.last_contact_at >= f.flagged_at
    WHERE f.company_id = ${co} AND f.due_date >= ${dueSince} AND f.due_date < ${today} AND k.id IS NULL
    GROUP BY f.customer_id
    UNION ALL
    SELECT 'hold_ending', h.id, h.customer_id, h.ends_on, NULL, NULL, NULL
    FROM collection_holds h
    WHERE h.company_id = ${co} AND h.ended_at IS NULL AND h.reviewed_at IS NULL AND h.ends_on <= ${today} + ${Prisma.raw(String(HOLD_ENDING_DAYS))}
      AND ${activeHoldSql(s.today, 'h')}
    UNION ALL
    SELECT 'task', r.id, r.customer_id, (r.created_at AT TIME ZONE ${s.timeZone})::date, r.assignee_id, NULL, NULL
    FROM dunning_reminders r WHERE r.company_id = ${co} AND r.status = 'task_open'`;
}

/**
 * What worklist row `alias` (a worklistItemsSql row) shows, as jsonb `detail`: a lateral read of its own
 * promise, hold or reminder, for a page's rows.
 */
export function worklistDetailSql(s: WorklistItemsScope, alias: string): Prisma.Sql {
  const co = Prisma.sql`${s.companyId}::uuid`;
  const it = Prisma.raw(alias);
  return Prisma.sql`LEFT JOIN LATERAL (SELECT CASE ${it}.type
    WHEN 'next_action' THEN (
      SELECT jsonb_build_object('action', c.next_action, 'on', c.next_action_on) FROM customers c WHERE c.company_id = ${co} AND c.id = ${it}.item_id)
    WHEN 'broken_promise' THEN (
      SELECT jsonb_build_object('promiseId', p.id, 'state', st.state, 'amountMinor', p.amount_minor, 'paidMinor', pd.paid, 'currency', trim(p.currency),
        'promisedOn', p.promised_on, 'madeOn', p.made_on)
      FROM payment_promises p
      CROSS JOIN LATERAL (SELECT ${promisePaidSql('p')} AS paid) pd
      CROSS JOIN LATERAL (SELECT ${promiseStateSql(s.today, 'p', Prisma.raw('pd.paid'))} AS state) st
      WHERE p.company_id = ${co} AND p.id = ${it}.item_id)
    WHEN 'newly_overdue' THEN jsonb_build_object('flaggedAt', ${it}.flagged_at, 'invoices', ${it}.invoices)
    WHEN 'hold_ending' THEN (
      SELECT jsonb_build_object('holdId', h.id, 'kind', h.kind, 'reason', h.reason, 'endsOn', h.ends_on, 'invoiceId', h.invoice_id)
      FROM collection_holds h WHERE h.company_id = ${co} AND h.id = ${it}.item_id)
    ELSE (
      SELECT jsonb_build_object('reminderId', r.id, 'channel', r.channel, 'level', r.level, 'subject', r.subject)
      FROM dunning_reminders r WHERE r.company_id = ${co} AND r.id = ${it}.item_id)
    END AS detail) detail ON true`;
}
