import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { writeOffInvoice } from '@/lib/ledger/write-off-invoice';

export const POST = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => {
  const body = await readJson(req);
  return NextResponse.json(await writeOffInvoice(access, { ...(body as object), invoiceId: id }), { status: 201 });
});
