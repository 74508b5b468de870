import 'server-only';
import { NextResponse } from 'next/server';
import { AppError, type AppErrorCode } from '@/lib/errors/app-error';

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** The one place domain errors become HTTP: `{ error: { code, message, issues? } }`. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    return NextResponse.json(body, { status: STATUS[error.code] });
  }
  console.error('Unhandled API error', error);
  return NextResponse.json({ error: { code: 'INTERNAL', message: 'Internal server error.' } }, { status: 500 });
}
