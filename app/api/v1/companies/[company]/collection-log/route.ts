import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { addCollectionEntry } from '@/lib/collections/add-collection-entry';
import { listCollectionEntries } from '@/lib/collections/list-collection-entries';

export const GET = withApiAccess(async (req, access) => {
  const q = new URL(req.url).searchParams;
  return listCollectionEntries(access, {
    customerId: q.get('customerId') ?? undefined,
    invoiceId: q.get('invoiceId') ?? undefined,
    page: q.get('page') ?? undefined,
    perPage: q.get('perPage') ?? undefined,
  });
});

export const POST = withApiAccess(async (req, access) => NextResponse.json(await addCollectionEntry(access, await readJson(req)), { status: 201 }));
