import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { listBillSources } from '@/lib/billing/list-bill-sources';
import { saveBillSource } from '@/lib/billing/save-bill-source';

export const GET = withApiAccess(async (_req, access) => ({ billSources: await listBillSources(access.company.id) }));
export const POST = withApiAccess(async (req, access) => NextResponse.json(await saveBillSource(access, await readJson(req)), { status: 201 }));
