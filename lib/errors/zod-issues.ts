import type { z } from 'zod';
import { unstorableTextIssues } from '@/lib/validation/storable-text';
import { AppError, type FieldIssue } from './app-error';

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * Parses with a zod schema or throws a BAD_REQUEST naming each bad field. Text PostgreSQL cannot store (NUL, an
 * unpaired surrogate) is refused anywhere in the input, whatever the schema says of that field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  const unstorable = unstorableTextIssues(input);
  if (result.success && unstorable.length === 0) return result.data;
  const seen = new Set<string>();
  const issues = [...unstorable, ...(result.success ? [] : fieldIssues(result.error))].filter(
    (i) => !seen.has(`${i.path}\n${i.message}`) && seen.add(`${i.path}\n${i.message}`),
  );
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new AppError('BAD_REQUEST', `Invalid parameters: ${summary}`, issues);
}
