/**
 * Seeds the demo companies if the database has none: `npm run seed:demo`.
 * Uses DATABASE_URL, or, when it is unset, the embedded database in .data/pglite (as `npm start` does).
 * Optional: `--today YYYY-MM-DD` to age the demo invoices relative to another date.
 */
import { parseArgs } from 'node:util';
import { migrate } from '../lib/db/migrate';
import { isCalendarDate } from '../lib/aging/calendar-date';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { seedDemoIfEmpty } from './lib/demo-data';

const { values } = parseArgs({ options: { today: { type: 'string' } } });
if (values.today !== undefined && !isCalendarDate(values.today)) {
  console.error(`--today must be a date as YYYY-MM-DD, got ${values.today}`);
  process.exit(2);
}

const started = Date.now();
let embedded: EmbeddedPostgres | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  console.log('DATABASE_URL is not set: using the embedded database in .data/pglite');
  embedded = await startEmbeddedPostgres({ dataDir: '.data/pglite' });
  url = embedded.url;
}

try {
  const applied = await migrate(url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  const result = await seedDemoIfEmpty(url, { today: values.today });
  console.log(result.seeded ? 'Seeded the demo data.' : 'The database already has companies: nothing seeded.');
  console.log('\nDemo logins:');
  console.table(result.logins);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error('seed:demo failed:', err);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
