import { spawn } from 'node:child_process';
import { buildIfStale, serveAppArgs } from './build-if-stale';
import { freePort } from './embedded-postgres';

/** Polls `url` until it answers 2xx, or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface RunningApp {
  /** http://localhost:<port>, no trailing slash. */
  url: string;
  /** The server process (to read its memory). */
  pid: number | undefined;
  stop: () => void;
}

/**
 * Builds the app when stale, serves it with `next start` on a free port with `env` (which must carry
 * DATABASE_URL and NEXTAUTH_SECRET) and resolves once its login page answers. The server's output is dropped
 * unless `output` is 'inherit'.
 */
export async function startBuiltApp(env: NodeJS.ProcessEnv, opts: { output?: 'ignore' | 'inherit'; timeoutMs?: number } = {}): Promise<RunningApp> {
  buildIfStale(env);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const server = spawn(process.execPath, serveAppArgs(port), {
    env: { ...env, NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: opts.output ?? 'ignore',
  });
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  // Fails fast when the server dies while starting; once it answers, a later exit is the caller's business.
  let starting = true;
  const exited = new Promise<never>((_, reject) =>
    server.once('exit', (code) => starting && reject(new Error(`next start exited with code ${code} before answering`))),
  );
  try {
    await Promise.race([waitForHttp(`${url}/login`, opts.timeoutMs ?? 60_000), exited]);
  } catch (error) {
    stop();
    throw error;
  } finally {
    starting = false;
  }
  return { url, pid: server.pid, stop };
}
