import { AppError, type AppErrorCode } from '@/lib/errors/app-error';

/** A failure carries the error code (FORBIDDEN is the action's 403) for callers that branch on it. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: AppErrorCode; message: string; fieldErrors?: Record<string, string> };

/** Runs a server action body; domain errors become a typed result for the form, anything else is logged. */
export async function actionResult<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors = error.issues ? Object.fromEntries(error.issues.map((i) => [i.path, i.message])) : undefined;
      return { ok: false, code: error.code, message: error.message, fieldErrors };
    }
    console.error('Server action failed', error);
    return { ok: false, code: 'INTERNAL', message: 'Something went wrong. Please try again.' };
  }
}
