import 'server-only';
import { prisma } from '@/lib/db/client';

/** The company's members who may be collectors (everyone who belongs to it), by name: for a manager's pickers. */
export async function listCollectors(companyId: string): Promise<{ id: string; name: string }[]> {
  const rows = await prisma.membership.findMany({
    where: { companyId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: 'asc' } },
  });
  return rows.map((r) => r.user);
}
