// `npm start`: the app on the embedded database (or DATABASE_URL), migrated, with demo data, in one command.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { migrate } from '../lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { advertiseEmbedded, dataDir, embeddedDataDir } from './lib/resolve-database';
import { seedDemoIfEmpty } from './lib/demo-data';
import { buildIfStale, nextBin, serveAppArgs } from './lib/build-if-stale';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

function secret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, 'nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    console.log(`Generated a session secret in ${file} (set NEXTAUTH_SECRET in production).`);
  }
  return readFileSync(file, 'utf8').trim();
}

let embedded: EmbeddedPostgres | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  databaseUrl = embedded.url;
  const unadvertise = advertiseEmbedded(databaseUrl);
  process.on('exit', unadvertise);
  console.log(`Embedded PostgreSQL ${embeddedDataDir} on 127.0.0.1:${new URL(databaseUrl).port}`);
}

const applied = await migrate(databaseUrl);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
const demo = embedded || process.env.SEED_DEMO === '1' ? await seedDemoIfEmpty(databaseUrl) : undefined;
if (demo?.seeded) console.log('Loaded the demo data.');

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: secret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  // The app server exits when this process is gone (kill -9), instead of holding the port as an orphan.
  AGEWISE_PARENT_PID: String(process.pid),
};
if (!dev) buildIfStale(env);

const app = spawn(process.execPath, dev ? [nextBin, 'dev', '-p', String(port)] : serveAppArgs(port), { stdio: 'inherit', env });
console.log(`\nAgewise is starting on http://localhost:${port}`);
if (demo) {
  console.log("Demo logins (email / password / access; the README lists each user's locations):");
  const byEmail = new Map<string, { password: string; access: string[] }>();
  for (const l of demo.logins) {
    const entry = byEmail.get(l.email) ?? { password: l.password, access: [] };
    entry.access.push(`${l.company} ${l.role}`);
    byEmail.set(l.email, entry);
  }
  for (const [email, { password, access }] of byEmail) console.log(`  ${email.padEnd(24)} ${password.padEnd(24)} ${access.join(', ')}`);
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
  }
  await embedded?.stop();
  process.exit(code);
}
// Killed outright, npm leaves this process behind: when the parent changes, shut down as on Ctrl-C.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void shutdown(0), 1_000).unref();
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
app.on('exit', (code) => void shutdown(code ?? 0));
