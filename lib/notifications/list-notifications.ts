import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import type { NotificationKind } from './notify-users';

export const NOTIFICATIONS_MAX_PER_PAGE = 100;

const wholeFrom = (min: number, max: number, fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .pipe(
      z
        .number()
        .int(`Must be a whole number from ${min} to ${max}`)
        .min(min, `Must be a whole number from ${min} to ${max}`)
        .max(max, `Must be a whole number from ${min} to ${max}`),
    );

export const listNotificationsSchema = z.object({
  page: wholeFrom(1, 100_000, 1),
  perPage: wholeFrom(1, NOTIFICATIONS_MAX_PER_PAGE, 20),
  /** Only those not read yet. */
  unread: z
    .union([z.boolean(), z.enum(['1', '0', 'true', 'false', ''])])
    .optional()
    .transform((v) => v === true || v === '1' || v === 'true'),
});

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  /** The caller's unread notifications in this company, whatever the page. */
  unread: number;
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}

/** The caller's own notifications in the company, newest first, with the unread count (for the header bell). */
export async function listNotifications(access: CompanyAccess, input: unknown = {}): Promise<NotificationList> {
  const p = parseOrThrow(listNotificationsSchema, input);
  const where = { companyId: access.company.id, userId: access.userId, ...(p.unread ? { readAt: null } : {}) };
  const [rows, totalRows, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (p.page - 1) * p.perPage,
      take: p.perPage,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { companyId: access.company.id, userId: access.userId, readAt: null } }),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      kind: r.kind as NotificationKind,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
    })),
    unread,
    page: p.page,
    perPage: p.perPage,
    totalRows,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
