/** INTERNAL: a failure whose cause was logged server-side; the message is what the user may see. */
export type AppErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL';

export interface FieldIssue {
  path: string;
  message: string;
}

/** A domain error with a code that one place (lib/api/to-response.ts, or an action result) turns into HTTP or a toast. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
