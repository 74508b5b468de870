import 'server-only';
import { prisma } from '@/lib/db/client';
import type { NotificationItem } from './list-notifications';
import type { NotificationKind } from './notify-users';

/**
 * The header bell's data for a user in a company (by slug, as the header knows it): the unread count, the
 * newest few and the company's time zone (their times are shown in it), in one statement. Not a member: nothing.
 */
export async function getBellNotifications(
  userId: string,
  slug: string,
  take = 8,
): Promise<{ unread: number; items: NotificationItem[]; timeZone: string }> {
  const rows = await prisma.$queryRaw<
    {
      unread: number;
      time_zone: string | null;
      id: string | null;
      kind: string;
      title: string;
      body: string;
      link: string | null;
      created_at: Date;
      read_at: Date | null;
    }[]
  >`
    WITH co AS (SELECT c.id, c.time_zone FROM companies c JOIN memberships m ON m.company_id = c.id AND m.user_id = ${userId}::uuid WHERE c.slug = ${slug})
    SELECT (SELECT count(*)::int FROM notifications n, co WHERE n.company_id = co.id AND n.user_id = ${userId}::uuid AND n.read_at IS NULL) AS unread,
      (SELECT co.time_zone FROM co) AS time_zone, l.*
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at FROM notifications n, co
      WHERE n.user_id = ${userId}::uuid AND n.company_id = co.id ORDER BY n.created_at DESC, n.id DESC LIMIT ${take}
    ) l ON true`;
  return {
    unread: rows[0]?.unread ?? 0,
    timeZone: rows[0]?.time_zone ?? 'UTC',
    items: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        kind: r.kind as NotificationKind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at ? r.read_at.toISOString() : null,
      })),
  };
}
