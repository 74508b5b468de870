import { NextResponse } from 'next/server';
import { withApiAccess } from '@/lib/api/with-api-access';
import { listDunningRuns } from '@/lib/dunning/list-dunning-runs';
import { runCollectionsNow } from '@/lib/dunning/run-collections-now';

export const GET = withApiAccess(async (_req, access) => ({ runs: await listDunningRuns(access) }));
export const POST = withApiAccess(async (_req, access) => NextResponse.json(await runCollectionsNow(access, 'api'), { status: 201 }));
