// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (or the embedded database).
import { migrate } from '../lib/db/migrate';
import { resolveDatabase } from './lib/resolve-database';

const db = await resolveDatabase();
try {
  const applied = await migrate(db.url, (msg) => console.log(msg));
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
} finally {
  await db.release();
}
