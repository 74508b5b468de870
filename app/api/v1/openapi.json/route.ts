import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';

/** Public: the API's description, generated from the schemas the handlers use. */
export function GET() {
  return NextResponse.json(openApiDocument());
}
