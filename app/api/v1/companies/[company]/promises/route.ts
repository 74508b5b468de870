import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { listPromises } from '@/lib/collections/list-promises';
import { recordPromise } from '@/lib/collections/record-promise';

export const GET = withApiAccess(async (req, access) => {
  const q = new URL(req.url).searchParams;
  return listPromises(access, {
    customerId: q.get('customerId') ?? undefined,
    state: q.get('state') ?? undefined,
    page: q.get('page') ?? undefined,
    perPage: q.get('perPage') ?? undefined,
  });
});

export const POST = withApiAccess(async (req, access) => NextResponse.json(await recordPromise(access, await readJson(req)), { status: 201 }));
