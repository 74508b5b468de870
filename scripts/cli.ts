// `npm run cli -- token create --company <slug> --email <email> --name <label>`: prints a new API token once.
// `npm run cli -- aging check --company <slug>`: compares the aging running totals with the invoices.
// `npm run cli -- aging rebuild --company <slug>`: recomputes them from the invoices.
// `npm run cli -- aging snapshots --company <slug> [--date YYYY-MM-DD]`: builds, backfills and refreshes its aging snapshots now.
// `npm run cli -- collections run --company <slug> [--date YYYY-MM-DD]`: today's (or that day's) collections run now.
// `npm run cli -- collections preview --company <slug> [--date YYYY-MM-DD]`: what that run would send, and why not.
import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { createApiToken } from '../lib/tokens/create-api-token';
import { checkAgingTotals, rebuildAgingTotals } from '../lib/receivables/check-aging-totals';
import { AppError } from '../lib/errors/app-error';
import { resolveDatabase } from './lib/resolve-database';
import { TZDate } from '@date-fns/tz';
import { isCalendarDate } from '../lib/aging/calendar-date';
import { buildDunningPreview } from '../lib/dunning/preview-dunning-run';
import { runCollections } from '../lib/dunning/run-collections';
import { keepAgingSnapshots } from '../lib/snapshots/keep-aging-snapshots';

let release: () => Promise<void> = async () => {};
const usage = [
  'Usage: npm run cli -- token create --company <slug> --email <email> --name <label>',
  '       npm run cli -- aging check --company <slug>',
  '       npm run cli -- aging rebuild --company <slug>',
  '       npm run cli -- aging snapshots --company <slug> [--date YYYY-MM-DD]',
  '       npm run cli -- collections run|preview --company <slug> [--date YYYY-MM-DD]',
].join('\n');

async function useDatabase(): Promise<void> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  release = db.release;
}

/** Checks (and with `rebuild`, first recomputes) the company's aging running totals; 1 when they are wrong. */
async function aging(command: string, slug: string): Promise<number> {
  await useDatabase();
  const company = await prisma.company.findUnique({ where: { slug }, select: { id: true } });
  if (!company) {
    console.error(`No company "${slug}".`);
    return 1;
  }
  if (command === 'rebuild') {
    const started = performance.now();
    const folded = await rebuildAgingTotals(company.id);
    console.log(
      `Rebuilt the aging totals of ${slug} from its invoices (${folded} change rows folded) in ${Math.round(performance.now() - started)} ms.`,
    );
  }
  const checks = await checkAgingTotals(company.id);
  for (const c of checks) console.log(`${c.table}: ${c.wrong} wrong, ${c.empty} empty`);
  const bad = checks.some((c) => c.wrong > 0);
  console.log(
    bad ? `The totals differ from the invoices: run \`npm run cli -- aging rebuild --company ${slug}\`.` : 'The totals match the invoices.',
  );
  return bad ? 1 : 0;
}

/** Noon on `date` in the company's time zone, or now. */
function noonOf(date: string | undefined, timeZone: string): Date {
  if (!date) return new Date();
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 12, 0, 0, timeZone).getTime());
}

/**
 * The company of `slug` and the instant to act at (noon on --date in its time zone, or now), with the
 * database in use; an exit code, the problem printed, when the date or the company is wrong.
 */
async function companyOnDate(slug: string, date: string | undefined): Promise<{ company: { id: string; timeZone: string }; now: Date } | number> {
  if (date !== undefined && !isCalendarDate(date)) {
    console.error(`--date must be a real date (YYYY-MM-DD), got "${date}".`);
    return 2;
  }
  await useDatabase();
  const company = await prisma.company.findUnique({ where: { slug }, select: { id: true, timeZone: true } });
  if (!company) {
    console.error(`No company "${slug}".`);
    return 1;
  }
  return { company, now: noonOf(date, company.timeZone) };
}

/** Builds the company's missing aging snapshots (week and month ends before today, or --date) and refreshes the rest. */
async function snapshots(slug: string, date: string | undefined): Promise<number> {
  const found = await companyOnDate(slug, date);
  if (typeof found === 'number') return found;
  const { company, now } = found;
  const started = performance.now();
  const r = await keepAgingSnapshots(company, now);
  console.log(
    `Aging snapshots of ${slug}: built ${r.built.length} (${r.built.join(', ') || 'none'}), refreshed ${r.refreshed}, dropped ${r.dropped} in ${Math.round(performance.now() - started)} ms.`,
  );
  return 0;
}

/** Runs or previews the company's collections run for today, or for --date (noon that day in its time zone). */
async function collections(command: string, slug: string, date: string | undefined): Promise<number> {
  const found = await companyOnDate(slug, date);
  if (typeof found === 'number') return found;
  const { company, now } = found;
  if (command === 'preview') {
    let p = await buildDunningPreview(company.id, { perPage: 200 }, now);
    console.log(`Collections preview of ${slug} for ${p.runOn} (${p.enabled ? p.mode : 'reminders off'}): ${p.toFlag} invoices to flag overdue.`);
    for (;;) {
      for (const c of p.rows) {
        const what = c.action === 'skip' ? 'skip' : `${c.action} level ${c.level} (${c.items.map((i) => `${i.number}@${i.level}`).join(', ')})`;
        const why = [...(c.note ? [c.note] : []), ...c.skips.map((s) => s.message)].join(' ');
        console.log(`  ${c.customerName}: ${what}${why ? ` - ${why}` : ''}`);
      }
      if (p.page >= p.totalPages) break;
      p = await buildDunningPreview(company.id, { page: p.page + 1, perPage: 200 }, now);
    }
    const t = p.totals;
    console.log(`${t.emails} emails, ${t.calls} call tasks, ${t.letters} letter tasks, ${t.skipped} customers skipped.`);
    return 0;
  }
  const started = performance.now();
  const r = await runCollections(company.id, { now, trigger: 'cli' });
  console.log(
    `Collections run of ${slug} for ${r.runOn}: ${r.flagged} invoices overdue, ${r.emails} emails queued, ${r.awaitingApproval} awaiting approval, ${r.tasks} tasks, ${r.skipped} customers skipped (${Math.round(performance.now() - started)} ms).`,
  );
  return 0;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { company: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, date: { type: 'string' } },
  });
  if (positionals[0] === 'collections' && (positionals[1] === 'run' || positionals[1] === 'preview')) {
    if (!values.company) {
      console.error(`Missing --company.\n${usage}`);
      return 2;
    }
    return collections(positionals[1], values.company, values.date);
  }
  if (positionals[0] === 'aging' && positionals[1] === 'snapshots') {
    if (!values.company) {
      console.error(`Missing --company.\n${usage}`);
      return 2;
    }
    return snapshots(values.company, values.date);
  }
  if (positionals[0] === 'aging' && (positionals[1] === 'check' || positionals[1] === 'rebuild')) {
    if (!values.company) {
      console.error(`Missing --company.\n${usage}`);
      return 2;
    }
    return aging(positionals[1], values.company);
  }
  if (positionals[0] !== 'token' || positionals[1] !== 'create') {
    console.error(usage);
    return 2;
  }
  for (const key of ['company', 'email', 'name'] as const) {
    if (!values[key]) {
      console.error(`Missing --${key}.\n${usage}`);
      return 2;
    }
  }
  await useDatabase();
  const membership = await prisma.membership.findFirst({
    where: { company: { slug: values.company }, user: { email: values.email!.trim().toLowerCase() } },
    select: { companyId: true, userId: true },
  });
  if (!membership) {
    console.error(`No user ${values.email} in company "${values.company}".`);
    return 1;
  }
  const token = await createApiToken(membership.companyId, membership.userId, { name: values.name });
  console.log(token.secret);
  console.error(`Created API token "${token.name}" for ${values.email} in ${values.company}. It is shown only once.`);
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof AppError ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await prisma.$disconnect();
    await release();
    process.exit(code);
  });
