import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';

export const POST = withApiAccess(async (req, access) => NextResponse.json(await recordCreditNote(access, await readJson(req)), { status: 201 }));
