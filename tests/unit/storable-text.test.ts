import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCsvRecords } from '@/lib/csv/read-csv';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { unstorableTextIssues, unstorableTextMessage } from '@/lib/validation/storable-text';

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['a\u0000b', 'Must not contain control character U+0000'],
    ['\ud800', 'Must not contain an unpaired surrogate (U+D800)'],
    ['x\udfffy', 'Must not contain an unpaired surrogate (U+DFFF)'],
    ['ok', null],
    ['😀 \u0001\t\n é', null],
    ['', null],
  ])('%j: %s', (text, message) => expect(unstorableTextMessage(text)).toBe(message));

  it('names each bad string and key by path, walks deep nesting without recursion', () => {
    expect(unstorableTextIssues({ name: 'ok', lines: [{ description: 'a\u0000' }], ['k\u0000']: 1 })).toEqual([
      { path: 'lines.0.description', message: 'Must not contain control character U+0000' },
      { path: 'k\ufffd', message: 'Field name: Must not contain control character U+0000' },
    ]);
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unstorableTextIssues(deep)).toHaveLength(1);
  });

  it("parseOrThrow refuses it in any field, with the schema's own issues", () => {
    const error = thrown(() => parseOrThrow(z.object({ name: z.string(), age: z.number() }), { name: 'a\u0000', age: 'x', extra: '\ud800' }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      { path: 'name', message: 'Must not contain control character U+0000' },
      { path: 'extra', message: 'Must not contain an unpaired surrogate (U+D800)' },
      { path: 'age', message: 'Invalid input: expected number, received string' },
    ]);
  });

  it('the aging parameters refuse q=%00 (the page parses them without parseOrThrow)', () => {
    const parsed = agingParamsSchema.safeParse({ q: '\u0000' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['q', 'Must not contain control character U+0000'],
    ]);
  });

  it('a CSV cell with a NUL is a 400 naming its line and column; quoted cells are trimmed', () => {
    const error = thrown(() => readCsvRecords('Name,City\nok,Leeds\n"b\u0000d",x', 10, 'customer'));
    expect((error as AppError).issues).toEqual([{ path: 'line 3.name', message: 'Must not contain control character U+0000' }]);
    expect(readCsvRecords('Name,City\n"  Harbour ","  "', 10, 'customer')).toEqual([{ name: 'Harbour', city: '' }]);
  });
});
