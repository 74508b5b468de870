import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrate } from '../../lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/lib/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedPostgres | undefined;

/**
 * One migrated database for the whole run: PGlite in memory by default, or the PostgreSQL server named by
 * TEST_DATABASE_URL (its public schema is dropped and rebuilt). Tests isolate themselves by creating their
 * own companies, which is also how the product isolates tenants.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
  } else {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
  }
  await migrate(url);
  project.provide('databaseUrl', url);
  return async () => {
    await embedded?.stop();
  };
}
