/**
 * Loads a large benchmark company (slug `bench`), replacing it if present:
 *   DATABASE_URL=postgresql://... npm run seed:bench -- --invoices 1000000 --customers 100000 --locations 50
 * Options: --today YYYY-MM-DD (default today in America/Chicago), --parallel N (invoice-loading connections, default 2).
 * Logins: bench-admin@bench.test (admin), bench-limited@bench.test (view on 10 locations), password bench-2026.
 */
import { parseArgs } from 'node:util';
import { migrate } from '../lib/db/migrate';
import { isCalendarDate } from '../lib/aging/calendar-date';
import { BENCH_PASSWORD, BENCH_USERS, seedBench } from './lib/bench-data';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    invoices: { type: 'string', default: '1000000' },
    customers: { type: 'string', default: '100000' },
    locations: { type: 'string', default: '50' },
    today: { type: 'string' },
    parallel: { type: 'string', default: '2' },
  },
});

function count(name: string, value: string, min: number): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min || n > 100_000_000) fail(`--${name} must be a whole number from ${min} to 100000000, got ${value}`);
  return n;
}

const url = process.env.DATABASE_URL;
if (!url) {
  fail(
    'seed:bench needs DATABASE_URL: it loads millions of rows, meant for a real PostgreSQL server, e.g.\n' +
      '  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npm run seed:bench -- --invoices 1000000',
  );
}
if (values.today !== undefined && !isCalendarDate(values.today)) fail(`--today must be a date as YYYY-MM-DD, got ${values.today}`);

const opts = {
  invoices: count('invoices', values.invoices, 0),
  customers: count('customers', values.customers, 1),
  locations: count('locations', values.locations, 1),
  parallel: count('parallel', values.parallel, 1),
  today: values.today,
  log: (message: string) => console.log(message),
};

const started = performance.now();
try {
  const applied = await migrate(url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  console.log(`Loading bench: ${opts.invoices} invoices, ${opts.customers} customers, ${opts.locations} locations`);
  const { companyId } = await seedBench(url, opts);
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Company ${companyId} (slug bench).`);
  console.log(`Logins: ${BENCH_USERS.admin} (admin), ${BENCH_USERS.limited} (view on 10 locations); password ${BENCH_PASSWORD}`);
} catch (err) {
  console.error('seed:bench failed:', err);
  process.exitCode = 1;
}
