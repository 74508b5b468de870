import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { completeWorklistItem } from '@/lib/collections/complete-worklist-item';

export const POST = withApiAccess(async (req, access) => NextResponse.json(await completeWorklistItem(access, await readJson(req)), { status: 201 }));
