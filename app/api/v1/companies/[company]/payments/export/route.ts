import { fileResponse } from '@/lib/api/file-response';
import { withApiAccess } from '@/lib/api/with-api-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { exportPaymentsReceived } from '@/lib/ledger/export-payments-received';
import { paymentsReceivedParamsInput, paymentsReceivedParamsSchema } from '@/lib/ledger/payments-received-params';

/** Payments received as CSV: the list's filters, every row. */
export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  const params = parseOrThrow(
    paymentsReceivedParamsSchema,
    paymentsReceivedParamsInput((k) => (k === 'page' || k === 'perPage' ? null : query.get(k))),
  );
  const { filename, csv } = await exportPaymentsReceived(access, params);
  return fileResponse(new TextEncoder().encode(csv), filename, 'text/csv; charset=utf-8');
});
