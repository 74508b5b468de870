import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export const NOTIFICATION_KINDS = ['overdue', 'escalation', 'broken_promise', 'delivery_failed', 'task', 'run', 'aging_creep'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NewNotification {
  companyId: string;
  /** Each gets one; duplicates and nulls are ignored. */
  userIds: (string | null | undefined)[];
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A path inside the app, e.g. `/acme/collections`. */
  link?: string;
  /** What the notification is about, e.g. `overdue:2026-12-01` or `promise:<id>:broken`: one per user and key, so producers may run again. */
  dedupeKey: string;
}

type Db = Pick<typeof prisma, '$executeRaw'> | Prisma.TransactionClient;

/** Adds the notification for each user unless that user already has one with the same key; returns how many were added. */
export async function notifyUsers(n: NewNotification, db: Db = prisma): Promise<number> {
  const userIds = [...new Set(n.userIds.filter((id): id is string => typeof id === 'string'))];
  if (userIds.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO notifications (company_id, user_id, kind, title, body, link, dedupe_key)
    SELECT ${n.companyId}::uuid, u, ${n.kind}, ${n.title}, ${n.body ?? ''}, ${n.link ?? null}, ${n.dedupeKey}
    FROM unnest(${userIds}::uuid[]) AS u
    ON CONFLICT (company_id, user_id, dedupe_key) DO NOTHING`;
}

/**
 * Many notifications in one statement (a run's broken promises): each to its users, skipping any user who already
 * has its key. Returns how many were added.
 */
export async function notifyUsersMany(notifications: NewNotification[], db: Db = prisma): Promise<number> {
  const rows = notifications.flatMap((n) =>
    [...new Set(n.userIds.filter((id): id is string => typeof id === 'string'))].map((u) => ({ ...n, userId: u })),
  );
  if (rows.length === 0) return 0;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  return db.$executeRaw`
    INSERT INTO notifications (company_id, user_id, kind, title, body, link, dedupe_key)
    SELECT * FROM unnest(${col('companyId')}::uuid[], ${col('userId')}::uuid[], ${col('kind')}::text[], ${col('title')}::text[],
      ${rows.map((r) => r.body ?? '')}::text[], ${rows.map((r) => r.link ?? null)}::text[], ${col('dedupeKey')}::text[])
    ON CONFLICT (company_id, user_id, dedupe_key) DO NOTHING`;
}

/** The ids of the company's admins (managers), who receive escalations and run summaries. */
export async function companyAdminIds(
  companyId: string,
  db: Pick<typeof prisma, 'membership'> | Prisma.TransactionClient = prisma,
): Promise<string[]> {
  const rows = await db.membership.findMany({ where: { companyId, role: 'admin' }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
