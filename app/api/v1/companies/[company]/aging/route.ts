import { withApiAccess } from '@/lib/api/with-api-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingParamsInput, agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';

export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  const params = parseOrThrow(
    agingParamsSchema,
    agingParamsInput((k) => query.get(k)),
  );
  const { locations: _filter, hasUnapplied: _shown, ...report } = await getAgingPage(access, params);
  return report;
});
