import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pidAlive, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/** Where the embedded database and the generated session secret live. */
export const dataDir = path.resolve(process.env.AGEWISE_DATA_DIR ?? '.data');
export const embeddedDataDir = path.join(dataDir, 'postgres');
const marker = path.join(dataDir, 'embedded.json');

/** Tells other commands (cli, seed) where the running `npm start` serves the embedded database. */
export function advertiseEmbedded(url: string): () => void {
  writeFileSync(marker, JSON.stringify({ url, pid: process.pid }));
  return () => rmSync(marker, { force: true });
}

/**
 * The database a command should use: DATABASE_URL, else the embedded database of a running `npm start`,
 * else the embedded database started here (on .data/postgres) and stopped by `release`.
 */
export async function resolveDatabase(): Promise<{ url: string; embedded?: EmbeddedPostgres; release: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {} };
  if (existsSync(marker)) {
    const { url, pid } = JSON.parse(readFileSync(marker, 'utf8')) as { url: string; pid: number };
    if (pidAlive(pid)) return { url, release: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir });
  return { url: embedded.url, embedded, release: () => embedded.stop() };
}
