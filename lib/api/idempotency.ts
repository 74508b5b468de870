import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * A POST with an `Idempotency-Key` header runs once per key (per user and company): the first request claims
 * the key and its answer is stored; a retry with the same key and the same body gets that answer again
 * (`Idempotent-Replayed: true`) and writes nothing; the same key with another body is a 409, as is a retry
 * while the first request is still running. A request that fails (4xx error or 5xx) releases its key, so
 * it can be retried once corrected. Requests without the header run as they are.
 */
export async function withIdempotency(req: Request, access: CompanyAccess, run: () => Promise<Response>): Promise<Response> {
  const key = req.headers.get('idempotency-key');
  if (req.method !== 'POST' || key === null) return run();
  if (!KEY.test(key)) {
    throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 1 to 255 visible ASCII characters.', [
      { path: 'Idempotency-Key', message: 'Not a valid key' },
    ]);
  }
  const hash = createHash('sha256')
    .update(`${new URL(req.url).pathname}\n${await req.clone().text()}`)
    .digest('hex');
  const id = { companyId: access.company.id, userId: access.userId, key };
  const claimed = await prisma.$executeRaw`
    INSERT INTO idempotency_keys (company_id, user_id, key, request_hash) VALUES (${id.companyId}::uuid, ${id.userId}::uuid, ${key}, ${hash})
    ON CONFLICT DO NOTHING`;
  if (claimed === 0) return replay(id, hash);

  const release = () => prisma.idempotencyKey.delete({ where: { companyId_userId_key: id } });
  let res: Response;
  try {
    res = await run();
  } catch (error) {
    await release();
    throw error;
  }
  if (!res.ok) {
    await release();
    return res;
  }
  const body = (res.headers.get('content-type') ?? '').includes('application/json') ? ((await res.clone().json()) as object) : null;
  await prisma.idempotencyKey.update({ where: { companyId_userId_key: id }, data: { status: res.status, response: body ?? undefined } });
  return res;
}

async function replay(id: { companyId: string; userId: string; key: string }, hash: string): Promise<Response> {
  const row = await prisma.idempotencyKey.findUnique({ where: { companyId_userId_key: id } });
  if (row && row.requestHash !== hash) {
    throw new AppError('CONFLICT', 'This Idempotency-Key was used for a different request.', [
      { path: 'Idempotency-Key', message: 'Used for a different request' },
    ]);
  }
  if (!row || row.status === null) {
    throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still running; retry in a moment.', [
      { path: 'Idempotency-Key', message: 'In progress' },
    ]);
  }
  return NextResponse.json(row.response, { status: row.status, headers: { 'Idempotent-Replayed': 'true' } });
}
