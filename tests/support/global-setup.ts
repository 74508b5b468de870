import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { dropTestDatabases, withServer } from './test-databases';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the migrated template database; each worker clones it (see setup-env.ts). */
    templateUrl: string;
  }
}

let embedded: EmbeddedPostgres | undefined;

/**
 * embedded-postgres registers async-exit-hook when it is imported, which turns 'beforeExit' into process.exit(0):
 * a run with failing tests then exited 0 and CI passed it. The cluster is stopped by the teardown below, so that
 * hook's 'beforeExit' and 'exit' listeners are removed (its signal hooks stay).
 */
function keepFailingExitCode(): void {
  for (const listener of process.listeners('beforeExit')) {
    if (String(listener).includes('eventFilters')) process.off('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (String(listener).includes('eventFilters')) process.off('exit', listener);
  }
}
let tmpDir: string | undefined;

/**
 * A real PostgreSQL for the run: a throwaway embedded PostgreSQL 17 cluster by default, or the server named
 * by TEST_DATABASE_URL. Migrations run once, into a template database; each worker then works in its own
 * clone of it, and test files isolate themselves by creating their own companies, as the product does.
 */
export default async function setup(project: TestProject) {
  keepFailingExitCode();
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'agewise-test-'));
    chmodSync(tmpDir, 0o755); // the server runs as the postgres user
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, 'pg'), ephemeral: true });
    serverUrl = embedded.url;
  }
  const prefix = testDatabasePrefix(serverUrl);
  await withServer(serverUrl, async (client) => {
    await dropTestDatabases(client, prefix);
    await client.query(`CREATE DATABASE "${prefix}tpl"`);
  });
  const templateUrl = urlWithDatabase(serverUrl, `${prefix}tpl`);
  await migrate(templateUrl);
  project.provide('templateUrl', templateUrl);
  return async () => {
    if (embedded) {
      await embedded.stop();
      rmSync(tmpDir!, { recursive: true, force: true });
    } else await withServer(serverUrl, (client) => dropTestDatabases(client, prefix));
  };
}

/** Databases of a run are named after the server URL's database, so a shared server keeps runs apart by name. */
function testDatabasePrefix(serverUrl: string): string {
  const name = decodeURIComponent(new URL(serverUrl).pathname.slice(1)) || 'postgres';
  return `${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_t_`;
}

export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
