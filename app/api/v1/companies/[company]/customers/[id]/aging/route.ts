import { z } from 'zod';
import { withApiAccess } from '@/lib/api/with-api-access';
import { notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';

const querySchema = agingParamsSchema.pick({ asOf: true });

export const GET = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => {
  if (!z.guid().safeParse(id).success) throw notFound('Customer');
  const { asOf } = parseOrThrow(querySchema, { asOf: new URL(req.url).searchParams.get('asOf') ?? undefined });
  return getCustomerAging(access, id, asOf);
});
