/**
 * Seeds the demo companies if the database has none: `npm run seed:demo`.
 * Uses DATABASE_URL, else the embedded database of a running `npm start`, else the embedded database in .data.
 * Optional: `--today YYYY-MM-DD` to age the demo invoices relative to another date.
 */
import { parseArgs } from 'node:util';
import { migrate } from '../lib/db/migrate';
import { isCalendarDate } from '../lib/aging/calendar-date';
import { resolveDatabase } from './lib/resolve-database';
import { seedDemoIfEmpty } from './lib/demo-data';

const { values } = parseArgs({ options: { today: { type: 'string' } } });
if (values.today !== undefined && !isCalendarDate(values.today)) {
  console.error(`--today must be a date as YYYY-MM-DD, got ${values.today}`);
  process.exit(2);
}

const started = Date.now();
const db = await resolveDatabase();
const url = db.url;

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
  await db.release();
}
