import 'server-only';
import { AppError } from '@/lib/errors/app-error';

/** The request's JSON body, or a 400 saying it is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body must be JSON.', [{ path: 'body', message: 'Not JSON' }]);
  }
}
