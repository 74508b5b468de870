import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { recordPayment } from '@/lib/ledger/record-payment';

export const POST = withApiAccess(async (req, access) => NextResponse.json(await recordPayment(access, await readJson(req)), { status: 201 }));
