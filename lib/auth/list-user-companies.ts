import 'server-only';
import { prisma } from '@/lib/db/client';

export async function listUserCompanies(userId: string): Promise<{ slug: string; name: string }[]> {
  const rows = await prisma.membership.findMany({
    where: { userId },
    select: { company: { select: { slug: true, name: true } } },
    orderBy: { company: { name: 'asc' } },
  });
  return rows.map((r) => r.company);
}
