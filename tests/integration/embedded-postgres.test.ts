import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pidAlive, startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';

/** Another process holding the embedded database, as a running `npm start` does; resolves with its URL. */
function holder(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-embedded-postgres.ts', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
  });
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL of npm start', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'agewise-embedded-'));
    chmodSync(dir, 0o755);
    dataDir = path.join(dir, 'postgres');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  it('keeps its data across restarts, refuses a second owner, and recovers after its owner is killed', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const { child, url } = await holder(dataDir);
    try {
      expect(await query(url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(`in use by process ${child.pid}`);

      // kill -9: the lock's owner is gone and its PostgreSQL server is left running on the directory.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(await query(url, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
      const orphan = postmasterPid();
      const second = await startEmbeddedPostgres({ dataDir });
      try {
        expect(pidAlive(orphan)).toBe(false);
        expect(postmasterPid()).not.toBe(orphan);
        expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      } finally {
        await second.stop();
      }
    } finally {
      if (child.exitCode === null && pidAlive(child.pid!)) child.kill('SIGKILL');
    }
  }, 60_000);
});
