import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { createInvoice } from '@/lib/invoices/create-invoice';

/** 201 when created; 200 with the existing invoice when the same request was made before; 409 on a different one. */
export const POST = withApiAccess(async (req, access) => {
  const invoice = await createInvoice(access, await readJson(req));
  return NextResponse.json(invoice, { status: invoice.created ? 201 : 200 });
});
