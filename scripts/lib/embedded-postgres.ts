import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A free loopback port, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pglite-server exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => { sock.destroy(); resolve(true); });
      sock.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pglite-server did not listen on port ${port} within ${timeoutMs} ms`);
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is a single-process database: two servers on one data directory corrupt it. A lock file with the
 * owner's pid refuses the second one with a clear message, and a stale lock (owner gone) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lock = `${dir}.lock`;
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && pidAlive(pid)) {
      throw new Error(`The embedded database in ${dir} is in use by process ${pid} (is \`npm start\` running?). Stop it first, or set DATABASE_URL.`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

/**
 * Serves PGlite over the PostgreSQL wire protocol on a loopback port, so the app, migrations and tests all
 * talk to it exactly as they would to a PostgreSQL server. `dataDir` undefined means in memory.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const port = opts.port ?? (await freePort());
  let db = 'memory://';
  let unlock = () => {};
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    db = path.resolve(opts.dataDir);
    unlock = lockDataDir(db);
  }
  const bin = path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite-socket', 'dist', 'scripts', 'server.js');
  const child = spawn(process.execPath, [bin, '-d', db, '-p', String(port), '-h', '127.0.0.1', '-m', '20'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.once('exit', unlock);
  await waitForPort(port, child, 60_000).catch((error: unknown) => {
    unlock();
    throw error;
  });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          unlock();
          return resolve();
        }
        child.once('exit', () => {
          unlock();
          resolve();
        });
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
