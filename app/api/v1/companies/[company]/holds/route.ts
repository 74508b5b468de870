import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { listHolds } from '@/lib/collections/list-holds';
import { placeHold } from '@/lib/collections/place-hold';

export const GET = withApiAccess(async (req, access) => {
  const q = new URL(req.url).searchParams;
  const get = (k: string) => q.get(k) ?? undefined;
  return listHolds(access, {
    customerId: get('customerId'),
    invoiceId: get('invoiceId'),
    active: get('active'),
    page: get('page'),
    perPage: get('perPage'),
  });
});

export const POST = withApiAccess(async (req, access) => NextResponse.json(await placeHold(access, await readJson(req)), { status: 201 }));
