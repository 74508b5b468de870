import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Node flags of the app server. A request allocates a few hundred kB (JSON, Prisma results); with V8's
 * default 16 MB young generation the server spent a tenth of its time in scavenges under bench:load, and a
 * 64 MB one raised throughput by about 12 %.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=64'];

/** `node` arguments that serve the built app on `port` (scripts/serve-app.mjs: AGEWISE_APP_PROCESSES processes). */
export function serveAppArgs(port: number): string[] {
  return [...APP_NODE_FLAGS, path.join('scripts', 'serve-app.mjs'), String(port), process.env.AGEWISE_APP_PROCESSES ?? ''];
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `next build` when there is no build or a source file changed since the last one. */
export function buildIfStale(env: NodeJS.ProcessEnv): void {
  const buildId = path.join('.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    ...['app', 'components', 'lib'].filter(existsSync).map(newestMtime),
    ...['instrumentation.ts', 'next.config.ts', 'package-lock.json'].filter(existsSync).map((f) => statSync(f).mtimeMs),
  );
  if (built > sources) return;
  console.log('Building the app (first start or changed sources)...');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
