import { NextResponse } from 'next/server';
import { withApiAccess } from '@/lib/api/with-api-access';
import { planFinanceCharges } from '@/lib/finance-charges/plan-finance-charges';
import { runFinanceCharges } from '@/lib/finance-charges/run-finance-charges';

/** This month's finance charges: GET previews them, POST creates the invoices (admins). */
export const GET = withApiAccess(async (_req, access) => planFinanceCharges(access));
export const POST = withApiAccess(async (_req, access) => NextResponse.json(await runFinanceCharges(access), { status: 201 }));
