// `DATABASE_URL=postgresql://... npm run bench:collections [-- --runs 20 --reminders 10000]`: the collections
// workload on the `bench` company loaded by `npm run seed:bench` (1M invoices, 100,000 customers). It resets the
// company's collections state (scripts/lib/bench-collections.ts), then times, with the clock pinned at 02:00:
//   1. the first night's overdue run: flagging every overdue invoice, with its audit rows and notifications;
//   2. the dunning of that night, automatic mode, every level by email, with a minimum overdue amount chosen so
//      about --reminders customers qualify: reminders, statement snapshots, outbox emails and log entries;
//   3. the following night's whole run;
//   4. p50/p95 of the worklist and of the aging page with its collections columns and filters (in process).
import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { getCompanyAccess } from '../lib/auth/get-company-access';
import { isCalendarDate, todayInTimeZone } from '../lib/aging/calendar-date';
import { agingParamsSchema } from '../lib/receivables/aging-params';
import { getAgingPage } from '../lib/receivables/get-aging-page';
import { getWorklist } from '../lib/collections/get-worklist';
import { refreshCustomerRisk } from '../lib/collections/refresh-customer-risk';
import { flagOverdueInvoices } from '../lib/dunning/flag-overdue-invoices';
import { notifyOverdueSummary } from '../lib/dunning/notify-overdue-summary';
import { notifyBrokenPromises } from '../lib/dunning/notify-broken-promises';
import { runCollections } from '../lib/dunning/run-collections';
import { buildDunningPreview } from '../lib/dunning/preview-dunning-run';
import { DEFAULT_POLICY } from '../lib/dunning/default-policy';
import { BENCH_SLUG, BENCH_USERS } from './lib/bench-data';
import { seedBenchCollections } from './lib/bench-collections';
import { pct, timer } from './lib/bench-timing';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    reminders: { type: 'string', default: '10000' },
    // The first night: the day the bench data was seeded for (`seed:bench --today`), else today in the company's zone.
    today: { type: 'string' },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const wanted = Number(values.reminders);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the PostgreSQL database loaded by `npm run seed:bench`.');
  process.exit(2);
}

const time = timer(runs, warmup);
async function once<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const company = await prisma.company.findUnique({ where: { slug: BENCH_SLUG } });
if (!company) {
  console.error(`No "${BENCH_SLUG}" company in this database: run \`npm run seed:bench\` first.`);
  process.exit(2);
}
if (values.today !== undefined && !isCalendarDate(values.today)) {
  console.error(`--today must be a date as YYYY-MM-DD, not "${values.today}".`);
  process.exit(2);
}
const today = values.today ?? todayInTimeZone(company.timeZone);
/** 02:00 on `date` in the company's time zone (the bench zone has no DST change at 02:00 in the dates used). */
const twoAm = async (date: string) => {
  const [row] = await prisma.$queryRaw<{ t: Date }[]>`SELECT (${date}::date + time '02:00') AT TIME ZONE ${company.timeZone} AS t`;
  return row!.t;
};
const nextDay = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);

try {
  console.log(`Collections benchmark on ${BENCH_SLUG}: first night ${today}, following night ${nextDay}`);
  const [, seedMs] = await once(() => seedBenchCollections(databaseUrl, today));
  console.log(`reset and seeded the collections workload in ${s(seedMs)}`);

  // A minimum overdue amount that lets about `wanted` customers through (a skip rule of the policy).
  const [cut] = await prisma.$queryRaw<{ overdue: bigint }[]>`
    SELECT overdue FROM (SELECT customer_id, sum(balance_minor) AS overdue FROM invoices
      WHERE company_id = ${company.id}::uuid AND status IN ('open', 'partially_paid') AND balance_minor > 0 AND due_date < ${today}::date
      GROUP BY customer_id) o ORDER BY overdue DESC OFFSET ${wanted - 1} LIMIT 1`;
  const minimum = Number(cut?.overdue ?? 0n);
  await prisma.dunningPolicy.create({
    data: {
      companyId: company.id,
      mode: 'automatic',
      minIntervalDays: 14,
      minimums: { [company.baseCurrency]: minimum },
      // Every level by email, so the run prepares about --reminders emails with their statements (the default chain's 60+ level is a letter task).
      levels: DEFAULT_POLICY.levels.map((l) => ({ ...l, channel: 'email' })),
    },
  });

  const night1 = await twoAm(today);
  const [flagged, flagMs] = await once(() => flagOverdueInvoices(company.id, today, night1));
  const [, notifyMs] = await once(async () => {
    await notifyOverdueSummary(company.id, company.slug, today);
    await notifyBrokenPromises(company.id, company.slug, today);
  });
  const [preview, previewMs] = await once(() => buildDunningPreview(company.id, night1));
  const [first, dunningMs] = await once(() => runCollections(company.id, { now: night1, trigger: 'cli' }));
  const night2 = await twoAm(nextDay);
  const [second, secondMs] = await once(() => runCollections(company.id, { now: night2, trigger: 'cli' }));
  // The scheduled night's second step (runCompanyNight): the worklist's order as of the day.
  const [, riskMs] = await once(() => refreshCustomerRisk(company.id, nextDay, night2));
  // The morning after: autovacuum has cleaned and analyzed the tables the reset and the nights wrote (a fresh
  // table's statistics are empty; the reset rewrites every customer). Done here because a CI server may run
  // with autovacuum off, where each bench run would otherwise read through the last runs' dead rows.
  await prisma.$executeRawUnsafe(
    `VACUUM (ANALYZE) invoice_overdue_flags, customer_risk, customer_risk_totals, dunning_reminders, dunning_reminder_items, notifications,
      audit_logs, customers, collection_entries, collection_entry_invoices, collection_holds, payment_promises, email_outbox, invoice_statements`,
  );

  const rows: string[][] = [];
  for (const who of ['admin', 'limited'] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_USERS[who] } });
    const access = (await getCompanyAccess(user.id, BENCH_SLUG))!;
    const label = `${who} (${access.viewLocations.length} locations)`;
    const worklist = await getWorklist(access, {}, night2);
    rows.push([label, `worklist, ${worklist.totalRows} items`, ...stats(await time(() => getWorklist(access, {}, night2)))]);
    const cases: [string, Record<string, string>][] = [
      ['aging page 1 with collections columns', {}],
      ['aging, not contacted in 30 days', { notContactedDays: '30' }],
      ['aging, broken promise', { brokenPromise: '1' }],
      ['aging, on hold', { onHold: '1' }],
    ];
    for (const [name, q] of cases) {
      const params = agingParamsSchema.parse({ ...q, asOf: nextDay });
      const page = await getAgingPage(access, params, night2);
      rows.push([label, `${name}, ${page.totalRows ?? '?'} customers`, ...stats(await time(() => getAgingPage(access, params, night2)))]);
    }
  }

  console.log(`\nFirst night (${today}, automatic mode, minimum overdue ${(minimum / 100).toFixed(2)} ${company.baseCurrency}):`);
  console.log(
    `  overdue run: flagged ${flagged.toLocaleString('en-US')} invoices with audit rows in ${s(flagMs)}, notifications in ${s(notifyMs)}: ${s(flagMs + notifyMs)}`,
  );
  console.log(`  preview: ${preview.totals ? JSON.stringify(preview.totals) : ''} in ${s(previewMs)}`);
  console.log(
    `  dunning: ${first.emails.toLocaleString('en-US')} emails, ${first.tasks} tasks, ${first.awaitingApproval} awaiting approval, ${first.skipped.toLocaleString('en-US')} customers skipped, in ${s(dunningMs)}`,
  );
  console.log(
    `Following night (${nextDay}): whole run in ${s(secondMs)}: flagged ${second.flagged}, ${second.emails} emails, ${second.tasks} tasks, ${second.skipped.toLocaleString('en-US')} skipped`,
  );
  console.log(`  then the worklist's order (customer risk snapshot) refreshed in ${s(riskMs)}`);
  console.log(`\nReads after the two nights (${runs} runs after ${warmup} warm-up, in process):`);
  const head = ['user', 'read', 'p50 ms', 'p95 ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
} finally {
  await prisma.$disconnect();
}

function stats(xs: number[]): string[] {
  return [pct(xs, 50).toFixed(0), pct(xs, 95).toFixed(0)];
}
