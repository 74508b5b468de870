// Generators and checks shared by tests/integration/fuzz-*.test.ts: hostile input for every input surface
// (JSON bodies, query strings, path parameters, CSV files) and the properties each answer must keep.
import fc from 'fast-check';
import { expect } from 'vitest';
import { prisma } from '@/lib/db/client';
import { inRequestScope } from './fixtures';

/** Fixed for reproducibility; override with FUZZ_SEED=<n> (fast-check prints seed and path on failure). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 500);
/** FUZZ_TALLY=1 counts server errors instead of failing at the first: to measure a defect, not to gate on it. */
const TALLY_ONLY = process.env.FUZZ_TALLY === '1';

export const fuzzOptions = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED } as const;

const tallies = new Map<string, { cases: number; serverErrors: number; statuses: Record<number, number> }>();

/** Counts one answer of a surface; afterAll prints the figures with printTallies(). */
export function tally(surface: string, status: number): void {
  const t = tallies.get(surface) ?? { cases: 0, serverErrors: 0, statuses: {} };
  t.cases += 1;
  if (status >= 500) t.serverErrors += 1;
  t.statuses[status] = (t.statuses[status] ?? 0) + 1;
  tallies.set(surface, t);
}

export function printTallies(): void {
  for (const [surface, t] of tallies) {
    console.log(`fuzz ${surface}: ${t.cases} cases, ${t.serverErrors} server errors, statuses ${JSON.stringify(t.statuses)} (seed ${FUZZ_SEED})`);
  }
}

const SPECIAL = [
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '\ud800',
  'x\udc00y',
  '\udbff',
  '\u0001\u001f\u007f',
  '\t',
  '\r\n',
  ' ',
  '   ',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ufffd',
  'e\u0301',
  '😀',
  '𝟘',
  '١٢٣',
  '１２３',
  "'; DROP TABLE invoices; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '%_\\',
  '$1',
  '=SUM(A1)',
  '@cmd',
  '-0',
  '+1',
  'NaN',
  'Infinity',
  '1e309',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '',
];

/** 3,000 characters that do not compress: more than a btree index entry holds (about 2,700 bytes). */
export const INCOMPRESSIBLE = Array.from({ length: 3_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');

/** Text a client should not send, or might: control characters, lone surrogates, SQL-ish, numbers, huge. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', 'a', ' ', ',', '"', '\n', '\\'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer().map(String), fc.double().map(String)) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(INCOMPRESSIBLE),
      fc.tuple(fc.constantFrom(300, 3_000, 100_000), fc.constantFrom('x', 'é', '\u0000', '9', '😀')).map(([n, c]) => c.repeat(n)),
    ),
  },
);

/** Any JSON-able value where a string is expected: text, numbers, booleans, null, arrays, objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1e308, -1, 0, 0.5, 2 ** 63, -0)) },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }) },
);

/** `text` with a NUL or a lone surrogate put at `pos`. */
const taint = (text: string, pos: number, ch: string) => text.slice(0, pos % (text.length + 1)) + ch + text.slice(pos % (text.length + 1));
const taintChar = fc.constantFrom('\u0000', '\ud800', '\udfff');

export const validDate = fc.integer({ min: 0, max: 2_000 }).map((d) => new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10));
/** Mostly real past dates; else impossible, far, future or mis-shaped ones. */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: validDate },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '0000-01-01',
      '0099-12-31',
      '1900-01-01',
      '9999-12-31',
      '2999-01-01',
      '99999-01-01',
      '2026-1-5',
      '2026-01-05T00:00:00Z',
      '05/01/2026',
      '20260105',
      '-2026-01-05',
      ' 2024-01-05 ',
    ),
  },
);

/** Mostly plain amounts; else zero, negative, exponent, too many decimals, grouping, too large, other digits. */
export const validAmount = fc.integer({ min: 1, max: 50_000 }).map((c) => (c / 100).toFixed(2));
export const amountText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: validAmount },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '0.00',
      '-5.00',
      '1e3',
      '1E-2',
      '12.345',
      '1,234.56',
      '1,23',
      '.5',
      '5.',
      ' 7 ',
      '9'.repeat(16),
      '9'.repeat(30),
      '90071992547409.91',
      '90071992547409.92',
      '0.001',
      '٣',
      '１',
      '+5',
      '5 USD',
      '$5',
      'Infinity',
      '999999999.99',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.double().map(String), fc.integer().map(String)) },
);

/** An id: one from the pool, a random or nil uuid, or a malformed, huge or tainted one. */
export function idText(pool: string[]): fc.Arbitrary<string> {
  const one = fc.constantFrom(...pool);
  return fc.oneof(
    { weight: 8, arbitrary: one },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid', '1', '-1', 'x'.repeat(5_000)),
        one.map((id) => id.toUpperCase()),
        one.map((id) => `{${id}}`),
        one.map((id) => id.replace(/-/g, '')),
        one.map((id) => `${id} `),
        fc.tuple(one, fc.nat(), taintChar).map(([id, pos, ch]) => taint(id, pos, ch)),
      ),
    },
    { weight: 1, arbitrary: hostileText },
  );
}

type Fields = Record<string, fc.Arbitrary<unknown>>;
const mutation = (keys: string[], variants: Fields) =>
  fc.constantFrom(...keys).chain((key) =>
    fc.record({
      kind: fc.constantFrom('set', 'set', 'drop', 'taint', 'extra'),
      key: fc.constant(key),
      extraKey: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'companyId', 'id', 'status', 'createdBy')),
      value: variants[key] ? fc.oneof({ weight: 2, arbitrary: variants[key] }, { weight: 1, arbitrary: hostileValue }) : hostileValue,
      pos: fc.nat(),
      ch: taintChar,
    }),
  );

/**
 * A valid object (`fields`) with up to 3 mutations: a field set to one of its `variants` (impossible dates, odd
 * amounts, foreign ids) or to any hostile value, dropped, tainted with a NUL or lone surrogate, or an extra field.
 */
export function mutatedObject(fields: Fields, variants: Fields = {}): fc.Arbitrary<Record<string, unknown>> {
  const mutations = fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(mutation(Object.keys(fields), variants), { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(fc.record(fields), mutations).map(([valid, list]) => {
    const o: Record<string, unknown> = { ...valid };
    for (const m of list) {
      if (m.kind === 'set') o[m.key] = m.value;
      else if (m.kind === 'drop') delete o[m.key];
      else if (m.kind === 'taint') o[m.key] = typeof o[m.key] === 'string' ? taint(o[m.key] as string, m.pos, m.ch) : m.ch;
      else Object.defineProperty(o, m.extraKey, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
    return o;
  });
}

/** A body sent as it is, not through JSON.stringify: broken JSON, escapes of NUL or lone surrogates. */
export class RawBody {
  constructor(readonly text: string) {}
}
const rawBody = fc
  .constantFrom(
    '',
    '{',
    '{"a":',
    'nope',
    '\u0000',
    '{"name":"\\u0000"}',
    '{"name":"\\ud800"}',
    '{"reference":"\\udfff"}',
    '[1,2,3]',
    '"text"',
    '1e999',
    'null',
    '{"a":1}{"a":2}',
  )
  .map((t) => new RawBody(t));

/** A request body: mostly a mutated valid object; else any JSON value or raw text. */
export function bodyOf(fields: Fields, variants: Fields = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: mutatedObject(fields, variants) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: rawBody },
  );
}

/** Rows of the tables a write can touch, for one company, in one statement. */
export async function rowCounts(companyId: string): Promise<Record<string, number>> {
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`SELECT
    (SELECT count(*) FROM invoices WHERE company_id = ${companyId}::uuid) AS invoices,
    (SELECT count(*) FROM invoice_lines WHERE company_id = ${companyId}::uuid) AS invoice_lines,
    (SELECT count(*) FROM payments WHERE company_id = ${companyId}::uuid) AS payments,
    (SELECT count(*) FROM applications WHERE company_id = ${companyId}::uuid) AS applications,
    (SELECT count(*) FROM credit_notes WHERE company_id = ${companyId}::uuid) AS credit_notes,
    (SELECT count(*) FROM write_offs WHERE company_id = ${companyId}::uuid) AS write_offs,
    (SELECT count(*) FROM customers WHERE company_id = ${companyId}::uuid) AS customers,
    (SELECT count(*) FROM audit_logs WHERE company_id = ${companyId}::uuid) AS audit_logs`;
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Idempotency-Key header values: a few reused keys (so bodies collide), fresh ones, and malformed ones. */
export const idempotencyKey = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('fz-key-1', 'fz-key-2') },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', 'ä', 'a b', 'k'.repeat(256)) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 20 }) },
);

export interface Auth {
  token: string;
  idempotencyKey?: string;
}

/** Calls a route handler in-process with a bearer token; a body is JSON-encoded unless it is a RawBody. */
export async function send<P>(handler: Handler<P>, method: string, path: string, params: P, auth: string | Auth, body?: unknown): Promise<Answer> {
  const { token, idempotencyKey: key } = typeof auth === 'string' ? { token: auth, idempotencyKey: undefined } : auth;
  const text = body === undefined ? undefined : body instanceof RawBody ? body.text : JSON.stringify(body);
  const headers = {
    authorization: `Bearer ${token}`,
    ...(text === undefined ? {} : { 'content-type': 'application/json' }),
    ...(key === undefined ? {} : { 'idempotency-key': key }),
  };
  const req = new Request(`http://localhost${path}`, { method, headers, body: text });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(params) }));
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

const CODES = ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];

/**
 * The properties of every answer: never a server error; JSON answers parse; errors have the documented shape
 * (a 400 names at least one field); and when `before` is given, a refused (4xx) write changed no row.
 */
export async function checkAnswer(surface: string, answer: Answer, companyId: string, before?: Record<string, number>): Promise<void> {
  tally(surface, answer.status);
  if (answer.status >= 500) {
    if (TALLY_ONLY) return;
    throw new Error(`${surface}: ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  const json = answer.type.includes('application/json') ? (JSON.parse(answer.text) as unknown) : undefined;
  if (answer.status < 300) {
    expect(json === undefined ? answer.type : typeof json, surface).toMatch(/object|text\/csv|application\/pdf|spreadsheetml/);
    return;
  }
  const error = (json as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
  expect(CODES, `${surface}: ${answer.text.slice(0, 300)}`).toContain(error?.code);
  expect(typeof error?.message, surface).toBe('string');
  if (answer.status === 400) {
    expect(error?.issues, `${surface}: a 400 names the field: ${answer.text.slice(0, 300)}`).toEqual(
      expect.arrayContaining([{ path: expect.any(String) as string, message: expect.any(String) as string }]),
    );
  }
  if (before) expect(await rowCounts(companyId), `${surface}: a refused write changed rows`).toEqual(before);
}

/** A path segment or query value, percent-encoded; a lone surrogate (which URLs cannot carry) becomes U+FFFD. */
export function pathPart(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** Escapes as a client may send them raw: NUL, bad or overlong UTF-8, a lone surrogate's bytes, a bare percent. */
const rawEscape = fc.constantFrom('%00', 'a%00b', '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%80', '%FF', '+', '%2C%2C', '%0D%0A', '%EF%BB%BF');

/** A query string over known keys (valid-looking, hostile or raw-escaped values), unknown keys and repeats. */
export function queryOf(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const known = Object.entries(fields).map(([key, valid]) =>
    fc.tuple(
      fc.constant(key),
      fc.oneof(
        { weight: 5, arbitrary: valid.map(pathPart) },
        { weight: 2, arbitrary: hostileText.map(pathPart) },
        { weight: 1, arbitrary: rawEscape },
      ),
    ),
  );
  const unknown = fc.tuple(hostileText.map(pathPart), hostileText.map(pathPart));
  const pair = fc.oneof({ weight: 6, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: unknown });
  return fc.array(pair, { maxLength: 7 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}
