import { withApiAccess } from '@/lib/api/with-api-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingDetailParamsInput, agingDetailParamsSchema } from '@/lib/receivables/aging-detail-params';
import { getAgingDetail } from '@/lib/receivables/get-aging-detail';

export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  return getAgingDetail(
    access,
    parseOrThrow(
      agingDetailParamsSchema,
      agingDetailParamsInput((k) => query.get(k)),
    ),
  );
});
