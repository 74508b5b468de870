import pg from 'pg';
import { DEFAULT_AGING_SCHEME } from '../../lib/aging/scheme';
import { todayInTimeZone } from '../../lib/aging/calendar-date';
import { hashPassword } from '../../lib/auth/password';
import { AGING_TOTALS_TABLES } from '../../lib/receivables/aging-totals-sql';
import { BILLING_PERIOD_SCHEME } from './demo-bill-sources';
import { INDUSTRIES, PREFIXES, STREETS, STREET_TYPES, SUFFIXES, SURNAMES, US_CITIES } from './demo-names';
import {
  INSERT_CUSTOMERS,
  INSERT_INVOICE_LINES,
  INSERT_INVOICE_PAYMENTS,
  INSERT_INVOICES,
  INSERT_LOCATIONS,
  INSERT_ON_ACCOUNT_PAYMENTS,
  INSERT_PAYMENT_APPLICATIONS,
} from './bench-sql';

export const BENCH_SLUG = 'bench';
export const BENCH_PASSWORD = 'bench-2026';
export const BENCH_USERS = { admin: 'bench-admin@bench.test', limited: 'bench-limited@bench.test' } as const;

export interface BenchOptions {
  invoices: number;
  customers: number;
  locations: number;
  /** The date the invoices are aged against, YYYY-MM-DD; default today in America/Chicago. */
  today?: string;
  /** Connections inserting invoices at once (default 2). */
  parallel?: number;
  log?: (message: string) => void;
}

export interface BenchResult {
  companyId: string;
  /** Step name -> milliseconds. */
  timings: Record<string, number>;
}

const CITY_NAMES = [
  'Austin',
  'Boston',
  'Chicago',
  'Dallas',
  'Denver',
  'Detroit',
  'El Paso',
  'Fresno',
  'Houston',
  'Indianapolis',
  'Jacksonville',
  'Kansas City',
  'Las Vegas',
  'Long Beach',
  'Los Angeles',
  'Louisville',
  'Memphis',
  'Mesa',
  'Miami',
  'Milwaukee',
  'Minneapolis',
  'Nashville',
  'New Orleans',
  'New York',
  'Oakland',
  'Oklahoma City',
  'Omaha',
  'Philadelphia',
  'Phoenix',
  'Pittsburgh',
  'Portland',
  'Raleigh',
  'Sacramento',
  'San Antonio',
  'San Diego',
  'San Francisco',
  'San Jose',
  'Seattle',
  'St. Louis',
  'Tampa',
  'Tucson',
  'Tulsa',
  'Virginia Beach',
  'Washington',
  'Wichita',
  'Albuquerque',
  'Atlanta',
  'Baltimore',
  'Charlotte',
  'Cleveland',
];

/** `count` distinct location names: city names, then numbered repeats ("Austin 2") past the list's end. */
export function benchLocationNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const city = CITY_NAMES[i % CITY_NAMES.length] as string;
    const round = Math.floor(i / CITY_NAMES.length);
    return round === 0 ? city : `${city} ${round + 1}`;
  });
}

async function timed<T>(timings: Record<string, number>, step: string, log: (m: string) => void, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  timings[step] = Math.round(performance.now() - started);
  log(`${step}: ${(timings[step] / 1000).toFixed(1)} s`);
  return result;
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function inTransaction<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** Deletes the bench company's rows, children first (one statement per table, no cascade surprises). */
async function deleteBenchCompany(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM companies WHERE slug = $1', [BENCH_SLUG]);
  const id = rows[0]?.id;
  if (!id) return;
  for (const table of [
    'email_outbox',
    'invoice_statements',
    'statement_batches',
    'applications',
    'write_offs',
    'payments',
    'credit_notes',
    'invoice_lines',
    'invoices',
    'customers',
    'location_permissions',
    'api_tokens',
    'memberships',
    'locations',
    'aging_schemes',
    'bill_sources',
    'audit_logs',
  ]) {
    await client.query(`DELETE FROM ${table} WHERE company_id = $1`, [id]);
  }
  await client.query('DELETE FROM companies WHERE id = $1', [id]);
}

/** Company, aging scheme, locations, customers and users, in one transaction; returns the company id. */
async function createCompany(client: pg.Client, opts: BenchOptions): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO companies (slug, name, time_zone, base_currency, settings)
     VALUES ($1, 'Bench Corp', 'America/Chicago', 'USD', '{}') RETURNING id`,
    [BENCH_SLUG],
  );
  const companyId = (rows[0] as { id: string }).id;
  await client.query(`INSERT INTO aging_schemes (company_id, name, is_active, definition) VALUES ($1, 'Standard', true, $2::jsonb)`, [
    companyId,
    JSON.stringify(DEFAULT_AGING_SCHEME),
  ]);
  // Three bill sources; the weekly one ages by its billing periods.
  const { rows: sources } = await client.query<{ id: string; name: string }>(
    `INSERT INTO bill_sources (company_id, name, frequency) VALUES ($1, 'Installation', 'quarterly'), ($1, 'Monitoring', 'monthly'), ($1, 'Service', 'weekly')
     RETURNING id, name`,
    [companyId],
  );
  await client.query(
    `INSERT INTO aging_schemes (company_id, name, is_active, definition, bill_source_id) VALUES ($1, 'Weekly', true, $2::jsonb, $3)`,
    [companyId, JSON.stringify(BILLING_PERIOD_SCHEME), sources.find((s) => s.name === 'Service')?.id],
  );
  await client.query(INSERT_LOCATIONS, [companyId, benchLocationNames(opts.locations)]);
  await client.query(INSERT_CUSTOMERS, [
    companyId,
    opts.locations,
    opts.customers,
    PREFIXES,
    INDUSTRIES,
    SUFFIXES,
    SURNAMES,
    STREETS,
    STREET_TYPES,
    US_CITIES.map((c) => c[0]),
    US_CITIES.map((c) => c[1]),
    US_CITIES.map((c) => c[2]),
  ]);
  return companyId;
}

/** bench-admin (admin) and bench-limited (member, invoices.view on the first 10 locations by name). */
async function createUsers(client: pg.Client, companyId: string): Promise<void> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const { rows } = await client.query<{ id: string; email: string }>(
    `INSERT INTO users (email, name, password_hash)
     VALUES ($1, 'Bench Admin', $3), ($2, 'Bench Limited', $3)
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash
     RETURNING id, email`,
    [BENCH_USERS.admin, BENCH_USERS.limited, hash],
  );
  const idOf = (email: string) => rows.find((r) => r.email === email)?.id;
  await client.query(`INSERT INTO memberships (company_id, user_id, role) VALUES ($1, $2, 'admin'), ($1, $3, 'member')`, [
    companyId,
    idOf(BENCH_USERS.admin),
    idOf(BENCH_USERS.limited),
  ]);
  await client.query(
    `INSERT INTO location_permissions (company_id, user_id, location_id, permission)
     SELECT company_id, $2, id, 'invoices.view' FROM locations WHERE company_id = $1 ORDER BY name, id LIMIT 10`,
    [companyId, idOf(BENCH_USERS.limited)],
  );
}

/** Inserts invoices 1..count in slices with their lines and the payments applied to them, `parallel` connections at a time. */
async function insertInvoices(databaseUrl: string, companyId: string, opts: BenchOptions, today: string): Promise<void> {
  const slice = 100_000;
  const width = Math.max(6, String(opts.invoices).length);
  const sources = await withClient(databaseUrl, async (client) =>
    (await client.query<{ id: string }>('SELECT id FROM bill_sources WHERE company_id = $1 ORDER BY name', [companyId])).rows.map((r) => r.id),
  );
  const slices: [number, number][] = [];
  for (let first = 1; first <= opts.invoices; first += slice) slices.push([first, Math.min(opts.invoices, first + slice - 1)]);
  let next = 0;
  const worker = () =>
    withClient(databaseUrl, async (client) => {
      await client.query('SET synchronous_commit = off');
      for (let s = slices[next++]; s; s = slices[next++]) {
        await client.query(INSERT_INVOICES, [companyId, opts.locations, opts.customers, s[0], s[1], today, width, sources]);
        await client.query(INSERT_INVOICE_LINES, [companyId, s[0], s[1]]);
        await client.query(INSERT_INVOICE_PAYMENTS, [companyId, s[0], s[1], today]);
        await client.query(INSERT_PAYMENT_APPLICATIONS, [companyId, s[0], s[1]]);
        opts.log?.(`  invoices ${s[0]}..${s[1]} inserted`);
      }
    });
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 2) }, worker));
}

/**
 * Replaces the `bench` company (Bench Corp) with `locations` locations, `customers` customers and `invoices`
 * invoices spread over every aging bucket (paid and part-paid ones with the payments applied to them, and
 * money on account from about 1% of customers), plus two users (password `bench-2026`), folds the aging
 * totals, then VACUUM ANALYZEs.
 * Invoices are inserted after the company is committed; if that step fails, run again (it replaces).
 */
export async function seedBench(databaseUrl: string, opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => {});
  if (opts.locations < 1 || opts.customers < 1 || opts.invoices < 0) throw new RangeError('need at least 1 location and 1 customer');
  const today = opts.today ?? todayInTimeZone('America/Chicago');
  const timings: Record<string, number> = {};
  const companyId = await withClient(databaseUrl, (client) =>
    inTransaction(client, async () => {
      await timed(timings, 'delete old bench company', log, () => deleteBenchCompany(client));
      const id = await timed(timings, `company, ${opts.locations} locations, ${opts.customers} customers`, log, () => createCompany(client, opts));
      await timed(timings, 'users and permissions', log, () => createUsers(client, id));
      return id;
    }),
  );
  await timed(timings, `${opts.invoices} invoices`, log, () => insertInvoices(databaseUrl, companyId, opts, today));
  await timed(timings, 'payments on account', log, () =>
    withClient(databaseUrl, (client) => client.query(INSERT_ON_ACCOUNT_PAYMENTS, [companyId, opts.customers, today])),
  );
  await timed(timings, 'fold aging totals', log, () => withClient(databaseUrl, (client) => client.query('SELECT aging_fold_changes()')));
  await timed(timings, 'vacuum analyze', log, () =>
    withClient(databaseUrl, async (client) => {
      // VACUUM sets the visibility map, so the aging query's index-only scans need no heap visits.
      await client.query(`VACUUM (ANALYZE) invoices, invoice_lines, payments, applications, customers, ${AGING_TOTALS_TABLES}`);
      await client.query('ANALYZE companies, locations, users, memberships, location_permissions, aging_schemes, bill_sources');
    }),
  );
  return { companyId, timings };
}
