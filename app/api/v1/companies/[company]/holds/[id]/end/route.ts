import { z } from 'zod';
import { withApiAccess } from '@/lib/api/with-api-access';
import { endHold } from '@/lib/collections/end-hold';
import { notFound } from '@/lib/errors/app-error';

export const POST = withApiAccess<{ company: string; id: string }>(async (_req, access, { id }) => {
  if (!z.guid().safeParse(id).success) throw notFound('Hold');
  return endHold(access, { id });
});
