import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { createInvoice } from '@/lib/invoices/create-invoice';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { invoiceListParamsInput, invoiceListParamsSchema } from '@/lib/invoices/invoice-list-params';
import { listInvoices } from '@/lib/invoices/list-invoices';

/** Every invoice in the caller's locations, filtered and paged (the Invoices page). */
export const GET = withApiAccess(async (req, access) => {
  const query = new URL(req.url).searchParams;
  return listInvoices(
    access,
    parseOrThrow(
      invoiceListParamsSchema,
      invoiceListParamsInput((k) => query.get(k)),
    ),
  );
});

/** 201 when created; 200 with the existing invoice when the same request was made before; 409 on a different one. */
export const POST = withApiAccess(async (req, access) => {
  const invoice = await createInvoice(access, await readJson(req));
  return NextResponse.json(invoice, { status: invoice.created ? 201 : 200 });
});
