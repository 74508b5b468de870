import { NextResponse } from 'next/server';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { saveCustomer } from '@/lib/customers/save-customer';

export const POST = withApiAccess(async (req, access) => NextResponse.json(await saveCustomer(access, await readJson(req)), { status: 201 }));
