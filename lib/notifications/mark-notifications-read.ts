import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';

export const markNotificationsReadSchema = z
  .object({
    ids: z.array(z.guid('Each notification must be an id'), 'Notifications must be a list of ids').max(500, 'At most 500 at a time').optional(),
    /** Every unread notification of the caller in this company. */
    all: z.literal(true, 'All must be true when given').optional(),
  })
  .refine((p) => (p.ids !== undefined) !== (p.all !== undefined), { path: ['ids'], message: 'Give either ids or all: true' });
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadSchema>;

/**
 * Marks the caller's own notifications read (already read ones keep their time). An id that is not one of the
 * caller's notifications in this company, whoever's it is, reads as not found and nothing is marked.
 */
export async function markNotificationsRead(
  access: CompanyAccess,
  input: unknown,
  now: Date = new Date(),
): Promise<{ marked: number; unread: number }> {
  const p = parseOrThrow(markNotificationsReadSchema, input);
  const own = { companyId: access.company.id, userId: access.userId };
  return prisma.$transaction(async (tx) => {
    let marked: number;
    if (p.all) {
      marked = (await tx.notification.updateMany({ where: { ...own, readAt: null }, data: { readAt: now } })).count;
    } else {
      const ids = [...new Set(p.ids!.map((id) => id.toLowerCase()))];
      const found = await tx.notification.count({ where: { ...own, id: { in: ids } } });
      if (found !== ids.length) throw notFound('Notification');
      marked = (await tx.notification.updateMany({ where: { ...own, id: { in: ids }, readAt: null }, data: { readAt: now } })).count;
    }
    const unread = await tx.notification.count({ where: { ...own, readAt: null } });
    return { marked, unread };
  });
}
