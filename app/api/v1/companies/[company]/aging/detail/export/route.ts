import { z } from 'zod';
import { withApiAccess } from '@/lib/api/with-api-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingDetailParamsInput, agingDetailParamsSchema } from '@/lib/receivables/aging-detail-params';
import { exportAgingDetail } from '@/lib/receivables/export-aging-detail';
import { reportResponse } from '@/lib/reports/report-response';
import { reportFormatSchema } from '@/lib/reports/tabular-report';

/** The AR aging detail as CSV, Excel or PDF (`format`): the same filters as the JSON endpoint, every invoice. */
export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  const params = parseOrThrow(
    agingDetailParamsSchema,
    agingDetailParamsInput((k) => (k === 'page' || k === 'perPage' ? null : query.get(k))),
  );
  const { format } = parseOrThrow(z.object({ format: reportFormatSchema }), { format: query.get('format') ?? undefined });
  return reportResponse(await exportAgingDetail(access, params, format), format);
});
