// `npm run bench:load [-- --users 50 --seconds 60 --seed 1 --url http://localhost:3000]`: many API users at
// once on the demo data (Acme and Globex, five location scopes), reading aging pages, customers, transactions
// and the CSV export and recording payments, applications and credit notes. Every answer is checked, not only
// its status; prints p50/p95/p99 per request kind, throughput, errors and wrong answers, and exits 1 on any.
// Database: DATABASE_URL, else the embedded one (scripts/lib/resolve-database.ts); the demo data is loaded into
// an empty database. With --url, the app running there must use that same database. The writes stay (they
// are small payments and credits with references starting "load-").
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { checkAgingTotals } from '../lib/receivables/check-aging-totals';
import { resolveDatabase } from './lib/resolve-database';
import { seedDemoIfEmpty } from './lib/demo-data';
import { startBuiltApp, type RunningApp } from './lib/start-built-app';
import { Prng } from './lib/prng';
import { LoadClient } from './lib/load-client';
import { deleteLoadTokens, loadPersonas, type Persona } from './lib/load-personas';
import { mapPages } from './lib/load-reads';
import { LoadStats } from './lib/load-stats';
import { assignOwners, runVirtualUser, type PageLayout, type VirtualUser } from './lib/load-virtual-user';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    url: { type: 'string' },
    'timeout-ms': { type: 'string', default: '30000' },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const seed = Number(values.seed);
const timeoutMs = Number(values['timeout-ms']);
if (!Number.isInteger(users) || users < 1 || !(seconds > 0) || !(warmup >= 0) || !Number.isInteger(seed) || !(timeoutMs > 0)) {
  console.error(
    'Usage: npm run bench:load -- [--users N (default 50)] [--seconds T (default 60)] [--warmup W (default 5)] [--seed S] [--url http://host:port] [--timeout-ms 30000]',
  );
  process.exit(2);
}

const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const db = await resolveDatabase();
process.env.DATABASE_URL = db.url;
let app: RunningApp | undefined;
let personas: Persona[] = [];
let exitCode = 1;

class SetupError extends Error {
  constructor(readonly lines: string[]) {
    super('The app answered wrongly or failed while the pages were mapped, before the load started');
  }
}

/** Fails the run when the running totals no longer match the invoices after all those concurrent writes. */
async function checkTotals(stats: LoadStats): Promise<void> {
  for (const p of personas.filter((x, i) => personas.findIndex((y) => y.companyId === x.companyId) === i)) {
    for (const check of await checkAgingTotals(p.companyId)) {
      stats.checks++;
      if (check.wrong > 0) stats.wrong('running totals', `${p.slug} ${check.table}: ${check.wrong} totals differ from the invoices`);
    }
  }
}

try {
  const applied = await migrate(db.url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  if ((await seedDemoIfEmpty(db.url)).seeded) console.log('Loaded the demo data.');
  if (!values.url) app = await startBuiltApp({ ...process.env, NEXTAUTH_SECRET: randomBytes(24).toString('hex') });
  const baseUrl = values.url?.replace(/\/+$/, '') ?? app!.url;
  personas = await loadPersonas(`bench-load ${runId}`);

  // Where each customer sits on each persona's pages by name: walked once, and checked like any other answer.
  const setup = new LoadStats();
  const setupStarted = performance.now();
  const layouts = new Map<string, PageLayout>();
  for (const p of personas) layouts.set(p.key, await mapPages(new LoadClient(baseUrl, p, setup, timeoutMs)));
  if (setup.totals.errors + setup.totals.wrong > 0) throw new SetupError(setup.report(performance.now() - setupStarted));

  const stats = new LoadStats();
  // The warm-up's answers are checked like the rest; only its timings (first calls compile routes and fill
  // caches) are left out of the figures.
  const warm = new LoadStats();
  const vus: VirtualUser[] = Array.from({ length: users }, (_, id) => {
    const persona = personas[id % personas.length]!;
    return {
      id,
      persona,
      client: new LoadClient(baseUrl, persona, warm, timeoutMs),
      rng: new Prng(seed * 100_003 + id),
      layout: layouts.get(persona.key)!,
      owned: [],
      runId,
      seq: 0,
    };
  });
  assignOwners(vus);
  console.log(`\nLoad: ${users} users for ${seconds} s after ${warmup} s of warm-up against ${baseUrl} (seed ${seed}, run ${runId})`);
  for (const p of personas) {
    const mine = vus.filter((vu) => vu.persona === p);
    const owned = mine.reduce((n, vu) => n + vu.owned.length, 0);
    console.log(
      `  ${p.key.padEnd(15)} ${String(mine.length).padStart(3)} users, ${p.viewLocationIds.size} locations, ${p.visible.size} customers visible, ${owned} written to, ${layouts.get(p.key)!.totalPages} pages`,
    );
  }

  if (warmup > 0) await Promise.all(vus.map((vu) => runVirtualUser(vu, Date.now() + warmup * 1000)));
  for (const vu of vus) vu.client.stats = stats;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(vus.map((vu) => runVirtualUser(vu, deadline)));
  const elapsed = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  await checkTotals(stats);

  console.log(`\n${stats.report(elapsed).join('\n')}`);
  // The load generator shares the machine with the app and the database: this says how much it took.
  console.log(
    `load generator CPU: ${((user + system) / 1e6).toFixed(1)} s in ${(elapsed / 1000).toFixed(1)} s (${((user + system) / 10 / elapsed).toFixed(0)}% of one core)`,
  );
  const errors = stats.totals.errors + warm.totals.errors;
  const wrong = stats.totals.wrong + warm.totals.wrong;
  if (warm.totals.errors + warm.totals.wrong > 0) {
    console.log(`\nduring the warm-up: ${warm.totals.errors} errors, ${warm.totals.wrong} wrong answers`);
    for (const line of [...warm.errorSamples, ...warm.wrongSamples]) console.log(`  ${line}`);
  }
  exitCode = errors + wrong > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof SetupError) console.error([`${error.message}:`, ...error.lines].join('\n'));
  else console.error('bench:load failed:', error);
} finally {
  if (personas.length > 0) await deleteLoadTokens(personas).catch((e) => console.error('Could not delete the load tokens:', e));
  app?.stop();
  await prisma.$disconnect();
  await db.release();
}
process.exit(exitCode);
