import { z } from 'zod';
import type { FieldIssue } from '@/lib/errors/app-error';

/**
 * Text PostgreSQL cannot store as it was sent: NUL (U+0000), which `text` refuses ("invalid byte sequence for
 * encoding UTF8: 0x00") and `jsonb` too, and an unpaired UTF-16 surrogate, which `jsonb` refuses and the driver
 * turns into U+FFFD in `text`. JSON bodies can carry both (`"\u0000"`, `"\ud800"`), query strings and files NUL.
 * The input edges reject it with a 400 naming the field: parseOrThrow (every zod-parsed body, query and form),
 * readCsvRecords (every imported cell) and storableString (schemas parsed without parseOrThrow).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored, naming the first offending character; null when it can. */
export function unstorableTextMessage(text: string): string | null {
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return null;
  if (found === '\u0000') return 'Must not contain control character U+0000';
  return `Must not contain an unpaired surrogate (U+${found.charCodeAt(0).toString(16).toUpperCase()})`;
}

/**
 * One issue per string (value or object key) in a parsed JSON-like input that cannot be stored, with its dotted
 * path; at most `limit`. Walks arrays and plain objects without recursion, so nesting depth cannot overflow.
 */
export function unstorableTextIssues(input: unknown, limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Work left to do, last first: a value at a path, or a bad object key already found (kept in document order).
  const stack: ({ value: unknown; path: string } | { issue: FieldIssue })[] = [{ value: input, path: '' }];
  const seen = new Set<object>();
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length > 0 && issues.length < limit) {
    const item = stack.pop()!;
    if ('issue' in item) {
      issues.push(item.issue);
      continue;
    }
    const { value, path } = item;
    if (typeof value === 'string') {
      const message = unstorableTextMessage(value);
      if (message) issues.push({ path, message });
    } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: join(path, i) });
      } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
        for (const [key, v] of Object.entries(value).reverse()) {
          const keyMessage = unstorableTextMessage(key);
          if (keyMessage)
            stack.push({ issue: { path: join(path, key.replace(new RegExp(UNSTORABLE, 'g'), '\ufffd')), message: `Field name: ${keyMessage}` } });
          else stack.push({ value: v, path: join(path, key) });
        }
      }
    }
  }
  return issues;
}

/** z.string() that refuses text PostgreSQL cannot store, for schemas parsed without parseOrThrow. */
export const storableString = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).superRefine((text, ctx) => {
    const message = unstorableTextMessage(text);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
