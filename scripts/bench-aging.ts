// `DATABASE_URL=postgresql://... npm run bench:aging [-- --runs 30]`: p50/p95 of the aging API next to the
// bare SQL statement it runs, and the same page aggregated from the invoices (what the running totals
// replace), on the `bench` company loaded by `npm run seed:bench`.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { prisma, SESSION_OPTIONS } from '../lib/db/client';
import { getCompanyAccess } from '../lib/auth/get-company-access';
import { getAgingScheme } from '../lib/receivables/get-aging-scheme';
import { agingPageQuery, usesRunningTotals } from '../lib/receivables/aging-page-query';
import { getAgingContext } from '../lib/receivables/get-aging-context';
import { countOpenInvoices } from '../lib/receivables/count-open-invoices';
import { bucketsOf } from '../lib/aging/scheme';
import { calendarDateOf, todayInTimeZone, type CalendarDate } from '../lib/aging/calendar-date';
import { locationScope } from '../lib/receivables/resolve-location-filter';
import { createApiToken } from '../lib/tokens/create-api-token';
import { keepAgingSnapshots } from '../lib/snapshots/keep-aging-snapshots';
import { refreshExpectedCash } from '../lib/dashboard/refresh-expected-cash';
import { closedMonthEnds, trendWeekEnds } from '../lib/snapshots/snapshot-dates';
import { startBuiltApp } from './lib/start-built-app';
import { BENCH_SLUG, BENCH_USERS } from './lib/bench-data';
import { pct, timer } from './lib/bench-timing';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the PostgreSQL database loaded by `npm run seed:bench`.');
  process.exit(2);
}

const time = timer(runs, warmup);

const company = await prisma.company.findUnique({ where: { slug: BENCH_SLUG } });
if (!company) {
  console.error(`No "${BENCH_SLUG}" company in this database: run \`npm run seed:bench\` first.`);
  process.exit(2);
}
const invoiceCount = await prisma.invoice.count({ where: { companyId: company.id } });
const unfolded = await prisma.agingChange.count();
// No background jobs in the timed server (the nightly collections run and the snapshot keeper would share
// its 2 cores); what the snapshot job keeps is made here before timing.
const server = await startBuiltApp({
  ...process.env,
  NEXTAUTH_SECRET: randomBytes(24).toString('hex'),
  NEXT_TELEMETRY_DISABLED: '1',
  AGEWISE_JOBS: 'off',
});
const sqlPool = new pg.Pool({ connectionString: databaseUrl, options: SESSION_OPTIONS, max: 1 });
const tokenIds: string[] = [];

try {
  const buckets = bucketsOf(await getAgingScheme(company.id));
  // One bill source's page reads its invoices (the running totals do not know bill sources), by its own periods.
  const service = await prisma.billSource.findFirst({ where: { companyId: company.id, name: 'Service' } });
  const serviceBuckets = service ? bucketsOf(await getAgingScheme(company.id, service.id)) : buckets;
  const asOf = todayInTimeZone(company.timeZone);
  // An earlier date: a month of payments since then is added back.
  const monthAgo = calendarDateOf(new Date(Date.parse(asOf) - 30 * 86_400_000));
  // The last week and month ends, read from their snapshots (built here first if missing: minutes at 1M).
  const weekEnd = trendWeekEnds(asOf).at(-1)!;
  const monthEnd = closedMonthEnds(asOf).at(-1)!;
  const kept = await keepAgingSnapshots(company);
  if (kept.built.length > 0) console.log(`Built the aging snapshots of ${kept.built.join(', ')}.`);
  await refreshExpectedCash(company);
  const snapshotOf = async (date: CalendarDate) =>
    (await prisma.agingSnapshot.findFirst({ where: { companyId: company.id, asOf: new Date(`${date}T00:00:00Z`), ready: true } }))?.id ?? null;
  const results: string[][] = [];
  let withUnapplied = false;
  for (const who of ['admin', 'limited'] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_USERS[who] } });
    const access = (await getCompanyAccess(user.id, BENCH_SLUG))!;
    const token = await createApiToken(company.id, user.id, { name: `bench-aging ${new Date().toISOString()}` });
    tokenIds.push(token.id);
    const locationIds = access.viewLocations.map((l) => l.id);
    const api = (page: number, sort: string, date: CalendarDate = asOf, billSource?: string) =>
      fetch(
        `${server.url}/api/v1/companies/${BENCH_SLUG}/aging?perPage=50&page=${page}&asOf=${date}&sort=${sort}${billSource ? `&billSource=${billSource}` : ''}`,
        {
          headers: { authorization: `Bearer ${token.secret}` },
        },
      ).then(async (r) => {
        if (!r.ok) throw new Error(`API answered ${r.status}: ${await r.text()}`);
        return r.json() as Promise<{ totalPages: number; totalRows: number }>;
      });
    const first = await api(1, 'name');
    const deep = Math.max(1, Math.floor(first.totalPages * 0.9));
    const cases: [string, number, string, CalendarDate, string?][] = [
      ['first page', 1, 'name', asOf],
      [`deep page ${deep}`, deep, 'name', asOf],
      ['first page', 1, '-total', asOf],
      // By each bucket, largest first, and one smallest first.
      ...buckets.filter((b) => b.kind !== 'pending').map((b): [string, number, string, CalendarDate] => ['first page', 1, `-${b.key}`, asOf]),
      ['first page', 1, buckets.at(-1)!.key, asOf],
      [`first page as of ${monthAgo}`, 1, 'name', monthAgo],
      [`first page as of the week end ${weekEnd}`, 1, 'name', weekEnd],
      [`first page as of the week end ${weekEnd}`, 1, `-${buckets.at(-1)!.key}`, weekEnd],
      [`first page as of the month end ${monthEnd}`, 1, 'name', monthEnd],
      [`first page as of the month end ${monthEnd}`, 1, '-total', monthEnd],
      [`first page as of the month end ${monthEnd}`, 1, `-${buckets[1]!.key}`, monthEnd],
      ...(service ? [['bill source Service, first page', 1, 'name', asOf, service.id] as [string, number, string, CalendarDate, string]] : []),
    ];
    for (const [label, page, sort, date, billSourceId] of cases) {
      // The statement getAgingPage runs for this request, built the same way.
      const { historical, withUnapplied: unapplied } = await getAgingContext(company.id, date, company.baseCurrency, billSourceId ?? null);
      const openInvoices = await countOpenInvoices(company.id, company.baseCurrency);
      const query = {
        companyId: company.id,
        buckets: billSourceId ? serviceBuckets : buckets,
        billSourceId,
        asOf: date,
        currency: company.baseCurrency,
        locationIds: locationScope(access, []),
        sort,
        page,
        perPage: 50,
        historical,
        withUnapplied: unapplied && !billSourceId,
        openInvoices,
        // The API refreshes the snapshot first; nothing has changed it here.
        snapshotId: historical && !billSourceId ? await snapshotOf(date) : null,
      };
      withUnapplied ||= query.withUnapplied;
      const sql = agingPageQuery(query);
      const fromInvoices = agingPageQuery({ ...query, fromInvoices: true });
      const sqlTimes = await time(() => sqlPool.query(sql.text, sql.values));
      const invoiceTimes = usesRunningTotals(query) ? await time(() => sqlPool.query(fromInvoices.text, fromInvoices.values)) : sqlTimes;
      const apiTimes = await time(() => api(page, sort, date, billSourceId));
      results.push([
        `${who} (${locationIds.length} locations, ${first.totalRows} customers)`,
        `${label}, sort ${sort}`,
        usesRunningTotals(query) ? (query.snapshotId ? 'snapshot' : 'totals') : 'invoices',
        pct(apiTimes, 50).toFixed(0),
        pct(apiTimes, 95).toFixed(0),
        pct(sqlTimes, 50).toFixed(0),
        pct(sqlTimes, 95).toFixed(0),
        (pct(apiTimes, 50) / pct(sqlTimes, 50)).toFixed(2),
        pct(invoiceTimes, 50).toFixed(0),
      ]);
    }
  }
  // The AR aging detail: a page of invoices, most days overdue first, with the count and balance of every match.
  const detailResults: string[][] = [];
  for (const who of ['admin', 'limited'] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_USERS[who] } });
    const token = await createApiToken(company.id, user.id, { name: `bench-aging detail ${new Date().toISOString()}` });
    tokenIds.push(token.id);
    const detail = (query: string) =>
      fetch(`${server.url}/api/v1/companies/${BENCH_SLUG}/aging/detail?perPage=50&${query}`, {
        headers: { authorization: `Bearer ${token.secret}` },
      }).then(async (r) => {
        if (!r.ok) throw new Error(`API answered ${r.status}: ${await r.text()}`);
        return r.json() as Promise<{ totalRows: number }>;
      });
    const cases: [string, string][] = [
      ['every bucket, first page', `asOf=${asOf}`],
      [`bucket ${buckets.at(-1)!.label}, first page`, `asOf=${asOf}&bucket=${buckets.at(-1)!.key}`],
      [`bucket ${buckets[1]!.label}, first page`, `asOf=${asOf}&bucket=${buckets[1]!.key}`],
      ['fewest days first, first page', `asOf=${asOf}&sort=days`],
      ...(service ? [['bill source Service, first page', `asOf=${asOf}&billSource=${service.id}`] as [string, string]] : []),
      ['page 100', `asOf=${asOf}&page=100`],
    ];
    for (const [label, query] of cases) {
      const { totalRows } = await detail(query);
      const times = await time(() => detail(query));
      detailResults.push([who, label, totalRows.toLocaleString('en-US'), pct(times, 50).toFixed(0), pct(times, 95).toFixed(0)]);
    }
    // The dashboard: totals, health, forecast with expected cash, the 13-week trend from the snapshots, risks.
    const dashboard = () =>
      fetch(`${server.url}/api/v1/companies/${BENCH_SLUG}/dashboard`, { headers: { authorization: `Bearer ${token.secret}` } }).then(async (r) => {
        if (!r.ok) throw new Error(`API answered ${r.status}: ${await r.text()}`);
        return r.json() as Promise<{ trend: { weeks: { amounts: unknown }[] } }>;
      });
    const weeks = (await dashboard()).trend.weeks.filter((w) => w.amounts !== null).length;
    const times = await time(dashboard);
    detailResults.push([who, `dashboard (GET /dashboard, ${weeks} of 13 trend weeks)`, '', pct(times, 50).toFixed(0), pct(times, 95).toFixed(0)]);
  }
  // Exports: time to the first byte (p50), then one whole export each, with the server's peak memory before and after.
  const exportResults: string[][] = [];
  {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_USERS.admin } });
    const token = await createApiToken(company.id, user.id, { name: `bench-aging export ${new Date().toISOString()}` });
    tokenIds.push(token.id);
    const open = (path: string) =>
      fetch(`${server.url}/api/v1/companies/${BENCH_SLUG}/${path}`, { headers: { authorization: `Bearer ${token.secret}` } });
    const firstByte = async (path: string) => {
      const res = await open(path);
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      const reader = res.body!.getReader();
      await reader.read();
      await reader.cancel();
    };
    const whole = async (path: string) => {
      const started = performance.now();
      const res = await open(path);
      let bytes = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return { ms: performance.now() - started, bytes };
    };
    // `next start` serves from a child process: the peak of the process tree's largest member.
    const tree = (pid: number): number[] => {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return [pid, ...children.flatMap(tree)];
    };
    const peakMb = () =>
      Math.max(
        0,
        ...(server.pid ? tree(server.pid) : []).map(
          (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
        ),
      );
    const cases: [string, string][] = [
      ['summary CSV (every customer)', `aging/export?asOf=${asOf}&format=csv`],
      ['summary Excel (every customer)', `aging/export?asOf=${asOf}&format=xlsx`],
      [
        'summary PDF (one location)',
        `aging/export?asOf=${asOf}&format=pdf&locations=${(await prisma.location.findFirstOrThrow({ where: { companyId: company.id }, orderBy: { name: 'asc' } })).id}`,
      ],
      ['detail CSV (every open invoice)', `aging/detail/export?asOf=${asOf}&format=csv`],
      ['detail Excel (every open invoice)', `aging/detail/export?asOf=${asOf}&format=xlsx`],
      [
        'detail PDF (one customer)',
        `aging/detail/export?asOf=${asOf}&format=pdf&customer=${(await prisma.invoice.findFirstOrThrow({ where: { companyId: company.id, status: 'open' } })).customerId}`,
      ],
    ];
    // An abandoned download stops at its next batch, but the batch being read finishes: each timed request
    // starts once the database has no other statement running, as a user's would on an idle server.
    const settle = async () => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await sqlPool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
        );
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 100));
    };
    for (const [label, path] of cases) {
      const times = await time(async () => {
        await settle();
        const started = performance.now();
        await firstByte(path);
        return performance.now() - started;
      }, true);
      const before = peakMb();
      const { ms, bytes } = await whole(path);
      exportResults.push([
        label,
        pct(times, 50).toFixed(0),
        (ms / 1000).toFixed(1),
        (bytes / 1e6).toFixed(1),
        before.toFixed(0),
        peakMb().toFixed(0),
      ]);
    }
  }
  const {
    rows: [ver],
  } = await sqlPool.query<{ v: string }>('SELECT version() AS v');
  console.log(`\nAging benchmark: ${invoiceCount.toLocaleString('en-US')} invoices, as of ${asOf}, ${runs} runs after ${warmup} warm-up, perPage 50`);
  console.log(`${ver?.v.split(' on ')[0]}; SQL timed on one connection with the app's session settings (${SESSION_OPTIONS})\n`);
  console.log(
    `${unfolded} aging change rows were waiting to be folded at the start; the Unapplied column was ${withUnapplied ? 'shown (money on account exists)' : 'not shown'}.\n`,
  );
  const head = ['user', 'page', 'read from', 'API p50 ms', 'API p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'API/SQL p50', 'invoice aggregate p50 ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...results.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of results) console.log(line(r));

  console.log('\nAR aging detail (GET /aging/detail, 50 invoices a page) and the dashboard:\n');
  const dHead = ['user', 'page', 'matching invoices', 'API p50 ms', 'API p95 ms'];
  const dWidths = dHead.map((h, i) => Math.max(h.length, ...detailResults.map((r) => r[i]!.length)));
  const dLine = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(dWidths[i]!) : c.padStart(dWidths[i]!))).join('  ');
  console.log(dLine(dHead));
  for (const r of detailResults) console.log(dLine(r));

  console.log("\nExports (admin): first byte p50, then one whole export; the server process's peak memory (VmHWM) before and after it:\n");
  const eHead = ['export', 'first byte p50 ms', 'whole s', 'MB', 'server peak MB before', 'after'];
  const eWidths = eHead.map((h, i) => Math.max(h.length, ...exportResults.map((r) => r[i]!.length)));
  const eLine = (r: string[]) => r.map((c, i) => (i < 1 ? c.padEnd(eWidths[i]!) : c.padStart(eWidths[i]!))).join('  ');
  console.log(eLine(eHead));
  for (const r of exportResults) console.log(eLine(r));
} finally {
  await prisma.apiToken.deleteMany({ where: { companyId: company.id, id: { in: tokenIds } } });
  server.stop();
  await sqlPool.end();
  await prisma.$disconnect();
}
