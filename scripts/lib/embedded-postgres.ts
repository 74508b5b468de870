import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { mkdirSync } from 'node:fs';

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

/**
 * Serves PGlite over the PostgreSQL wire protocol on a loopback port, so the app, migrations and tests all
 * talk to it exactly as they would to a PostgreSQL server. `dataDir` undefined means in memory.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const port = opts.port ?? (await freePort());
  let db = 'memory://';
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    db = path.resolve(opts.dataDir);
  }
  const bin = path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite-socket', 'dist', 'scripts', 'server.js');
  const child = spawn(process.execPath, [bin, '-d', db, '-p', String(port), '-h', '127.0.0.1', '-m', '20'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port, child, 60_000);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
