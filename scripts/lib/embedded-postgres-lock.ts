import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user, for a postmaster).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One owner per data directory. The lock file holds the owner's pid and is created exclusively, so two
 * `npm start` racing for it cannot both win; a lock whose owner is gone (kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lock = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      const release = () => rmSync(lock, { force: true });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner && owner !== process.pid && pidAlive(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner} (is \`npm start\` already running?). ` +
          'Stop it first, or set DATABASE_URL to use another PostgreSQL server.',
      );
    }
    rmSync(lock, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}: another process keeps taking ${lock}.`);
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The pid of a stale postmaster.pid may since belong to an unrelated process: never signal that one. */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(argv[0] ?? '') === 'postgres' && argv.some((arg) => path.resolve(arg) === dataDir);
  } catch {
    return false;
  }
}

/**
 * After the lock is ours, a live postmaster on the directory was orphaned by a killed owner: shut it down
 * (fast shutdown) before starting our own. A stale postmaster.pid without a live process is left for
 * PostgreSQL, which replaces it itself.
 */
export async function stopOrphanPostmaster(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid || !isPostmasterOf(pid, dataDir)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
