import path from 'node:path';
import { runner } from 'node-pg-migrate';

export const migrationsDir = path.join(process.cwd(), 'prisma', 'migrations');

/** Applies pending SQL migrations; returns the names applied. */
export async function migrate(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    singleTransaction: true,
    checkOrder: true,
    log,
    verbose: false,
  });
  return applied.map((m) => m.name);
}
