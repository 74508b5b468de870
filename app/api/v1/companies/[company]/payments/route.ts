import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { recordPayment } from '@/lib/ledger/record-payment';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { listPaymentsReceived } from '@/lib/ledger/list-payments-received';
import { paymentsReceivedParamsInput, paymentsReceivedParamsSchema } from '@/lib/ledger/payments-received-params';

/** Payments received from the caller's customers, newest first, filtered and paged, with daily and overall totals. */
export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  return listPaymentsReceived(
    access,
    parseOrThrow(
      paymentsReceivedParamsSchema,
      paymentsReceivedParamsInput((k) => query.get(k)),
    ),
  );
});

export const POST = withApiAccess(async (req, access) => NextResponse.json(await recordPayment(access, await readJson(req)), { status: 201 }));
