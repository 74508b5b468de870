// fixtures first: it prepares Next's runtime globals before server modules load.
import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import PgBoss from 'pg-boss';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { bucketsOf, DEFAULT_AGING_SCHEME } from '@/lib/aging/scheme';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { notifyAgingCreep } from '@/lib/dashboard/notify-aging-creep';
import { refreshExpectedCash } from '@/lib/dashboard/refresh-expected-cash';
import { recordPayment } from '@/lib/ledger/record-payment';
import { agingPageQuery } from '@/lib/receivables/aging-page-query';
import { keepAgingSnapshots } from '@/lib/snapshots/keep-aging-snapshots';
import { registerSnapshotJobs, SNAPSHOTS_CRON, SNAPSHOTS_QUEUE } from '@/lib/jobs/snapshot-jobs';

// Pinned: Wednesday 17 June 2026 (UTC company). The trend's week ends run from 2026-03-21 to 2026-06-13.
const NOW = new Date('2026-06-17T15:00:00Z');

let co: TestCompany;
let admin: CompanyAccess;
let ids: string[];
let customers: { id: string; name: string }[];

beforeAll(async () => {
  co = await createCompany({ name: 'Trend Co', locations: ['North'] });
  const n = co.locations[0]!.id;
  admin = await access((await createMember(co, 'admin')).id, co.slug);
  customers = await createCustomers(co.id, [
    { name: 'Able', defaultLocationId: n },
    { name: 'Baker', defaultLocationId: n },
  ]);
  const [a, b] = customers.map((c) => c.id) as [string, string];
  const inv = (customerId: string, dueDate: string, amount: number) => ({ customerId, locationId: n, invoiceDate: '2026-01-01', dueDate, amount });
  // Each of A, B, C, D passes 60 days past due one week after the other: on 2026-05-23, 05-30, 06-06 and 06-13.
  ids = await createInvoices(co.id, [
    inv(a, '2026-03-20', 10_000), // A
    inv(a, '2026-03-27', 10_000), // B
    inv(b, '2026-04-03', 10_000), // C
    inv(b, '2026-04-10', 10_000), // D
    inv(a, '2026-07-31', 100_000), // current throughout
  ]);
});

describe('the AR trend and the 60+ creep alert', () => {
  it('has no figures and raises no alert before the weekly snapshots are built', async () => {
    const d = await getDashboard(admin, NOW);
    expect(d.trend.weeks.map((w) => w.weekEnd)).toHaveLength(13);
    expect(d.trend.weeks.every((w) => w.amounts === null)).toBe(true);
    expect(d.trend.creep).toBeNull();
    expect(await notifyAgingCreep(co, NOW)).toBe(0);
  });

  it('gives each week end the aging of that date, exact, and alerts when 60+ rose three weeks running', async () => {
    await keepAgingSnapshots(co, NOW);
    const d = await getDashboard(admin, NOW);
    expect(d.trend.weeks[0]!.weekEnd).toBe('2026-03-21');
    const last = d.trend.weeks.at(-1)!;
    expect(last).toMatchObject({
      weekEnd: '2026-06-13',
      amounts: { current: 100_000, days_1_30: 0, days_31_60: 0, days_61_90: 40_000, days_91_plus: 0 },
      total: 140_000,
      over60: 40_000,
    });
    expect(d.trend.weeks.slice(-5).map((w) => w.over60)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(d.trend.creep?.map((p) => p.weekEnd)).toEqual(['2026-05-23', '2026-05-30', '2026-06-06', '2026-06-13']);
    // Every week equals the aging computed from the ledger on that date, Pending aside.
    expect(d.trend.buckets.map((b) => b.key)).toEqual(['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_91_plus']);
    const buckets = bucketsOf(DEFAULT_AGING_SCHEME);
    for (const w of d.trend.weeks) {
      const [row] = await prisma.$queryRaw<Record<string, bigint>[]>(
        agingPageQuery({
          companyId: co.id,
          buckets,
          asOf: w.weekEnd,
          currency: 'USD',
          locationIds: null,
          historical: true,
          sort: 'name',
          page: 1,
          perPage: 1,
          fromInvoices: true,
        }),
      );
      expect(w.amounts, w.weekEnd).toEqual(Object.fromEntries(d.trend.buckets.map((b) => [b.key, Number(row![`s${b.index}`])])));
    }
  });

  it('notifies the admins once per week end the alert holds on', async () => {
    expect(await notifyAgingCreep(co, NOW)).toBe(1);
    expect(await notifyAgingCreep(co, NOW)).toBe(0);
    const [note] = await prisma.notification.findMany({ where: { companyId: co.id, kind: 'aging_creep' } });
    expect(note).toMatchObject({
      title: 'Over 60 days past due has risen three weeks in a row',
      body: '7.1% → 14.3% → 21.4% → 28.6% of AR (USD), weeks ending May 23, 2026 to Jun 13, 2026.',
      link: `/${co.slug}/dashboard`,
      dedupeKey: 'aging_creep:2026-06-13',
    });
  });

  it('counts on each week end only what had been invoiced by then', async () => {
    // Invoiced on 2026-06-10, due 2026-02-01 (a late-entered old charge): not AR on 2026-06-06, over 60 days on 06-13.
    const [late] = await createInvoices(co.id, [
      { customerId: customers[1]!.id, locationId: co.locations[0]!.id, invoiceDate: '2026-06-10', dueDate: '2026-02-01', amount: 5_000 },
    ]);
    const d = await getDashboard(admin, NOW);
    expect(d.trend.weeks.slice(-2).map((w) => [w.weekEnd, w.total, w.over60])).toEqual([
      ['2026-06-06', 140_000, 30_000],
      ['2026-06-13', 145_000, 45_000],
    ]);
    await prisma.invoice.delete({ where: { companyId_id: { companyId: co.id, id: late! } } });
  });

  it('follows a payment recorded late with an earlier date', async () => {
    // C paid in full on 2026-06-01, recorded now: from the week ending 06-06 it is gone.
    await recordPayment(admin, { invoiceId: ids[2], amount: '100.00', receivedOn: '2026-06-01', reference: `TR-${co.slug}-1` });
    const d = await getDashboard(admin, NOW);
    expect(d.trend.weeks.slice(-3).map((w) => [w.weekEnd, w.total, w.over60])).toEqual([
      ['2026-05-30', 140_000, 20_000],
      ['2026-06-06', 130_000, 20_000],
      ['2026-06-13', 130_000, 30_000],
    ]);
    // 20/140 < 20/130 < 30/130: still rising.
    expect(d.trend.creep).not.toBeNull();
  });
});

describe('the expected cash', () => {
  it('moves each open balance by its customer’s days late, or the company’s, and what is due by now into this week', async () => {
    const company = await createCompany({ name: 'Expect Co', locations: ['Main'] });
    const loc = company.locations[0]!.id;
    const boss = await access((await createMember(company, 'admin')).id, company.slug);
    const [able, baker] = (await createCustomers(company.id, ['Able', 'Baker'])).map((c) => c.id) as [string, string];
    const [paid1, paid2] = await createInvoices(company.id, [
      { customerId: able, locationId: loc, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 1_000 },
      { customerId: able, locationId: loc, invoiceDate: '2026-03-01', dueDate: '2026-04-10', amount: 3_000 },
      { customerId: able, locationId: loc, invoiceDate: '2026-05-20', dueDate: '2026-06-20', amount: 5_000 }, // + 13 days: 07-03
      { customerId: baker, locationId: loc, invoiceDate: '2026-06-01', dueDate: '2026-07-01', amount: 7_000 }, // + 13 (the company's): 07-14
      { customerId: baker, locationId: loc, invoiceDate: '2026-04-01', dueDate: '2026-05-01', amount: 2_000 }, // 05-14: by now
    ]);
    // Able paid 10 days late (1,000) and 14 days late (3,000): 13 days, weighted by amount.
    await recordPayment(boss, { invoiceId: paid1, amount: '10.00', receivedOn: '2026-04-11', reference: `EX-${company.slug}-1` });
    await recordPayment(boss, { invoiceId: paid2, amount: '30.00', receivedOn: '2026-04-24', reference: `EX-${company.slug}-2` });
    expect(await refreshExpectedCash(company, NOW)).toBe(3);
    const habits = await prisma.customerPaymentHabit.findMany({ where: { companyId: company.id } });
    expect(habits.map((h) => [h.customerId, h.daysLate, h.paidInvoices])).toEqual([[able, 13, 2]]);
    const d = await getDashboard(boss, NOW);
    expect(d.forecast.filter((w) => w.expected).map((w) => [w.weekStart, w.expected])).toEqual([
      ['2026-06-14', 2_000],
      ['2026-06-28', 5_000],
      ['2026-07-12', 7_000],
    ]);
    expect(d.expectedAt).toBeInstanceOf(Date);
    // Refreshing again replaces, never adds.
    await refreshExpectedCash(company, NOW);
    expect((await getDashboard(boss, NOW)).forecast.reduce((a, w) => a + w.expected, 0)).toBe(14_000);
  });
});

describe('the snapshot job', () => {
  it('registers a 10-minute pg-boss schedule whose job keeps the snapshots, the alert and the expected cash', { timeout: 120_000 }, async () => {
    const company = await createCompany({ name: 'Job Co', locations: ['Main'] });
    const admin = await createMember(company, 'admin');
    const [c] = await createCustomers(company.id, ['Able']);
    await createInvoices(
      company.id,
      ['2026-03-20', '2026-03-27', '2026-04-03', '2026-04-10', '2026-07-31'].map((dueDate, i) => ({
        customerId: c!.id,
        locationId: company.locations[0]!.id,
        invoiceDate: '2026-01-01',
        dueDate,
        amount: i === 4 ? 100_000 : 10_000,
      })),
    );
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: 'pgboss_snapshots_test', supervise: false, schedule: false });
    await boss.start();
    try {
      await registerSnapshotJobs(boss, { clock: () => NOW, pollingIntervalSeconds: 0.5, runNow: false });
      const schedules = await boss.getSchedules();
      expect(schedules.filter((s) => s.name === SNAPSHOTS_QUEUE).map((s) => [s.cron, s.options?.tz])).toEqual([[SNAPSHOTS_CRON, 'UTC']]);
      const jobId = await boss.send(SNAPSHOTS_QUEUE, { companyIds: [company.id] });
      // The job's last step (expected cash) follows the snapshots and the alert: wait for the job, not its first effects.
      const deadline = Date.now() + 60_000;
      let state: string | undefined;
      while (Date.now() < deadline) {
        state = (await boss.getJobById(SNAPSHOTS_QUEUE, jobId!, { includeArchive: true }))?.state;
        if (state === 'completed' || state === 'failed') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(state).toBe('completed');
      const ready = await prisma.agingSnapshot.count({ where: { companyId: company.id, ready: true } });
      // 13 week ends (2026-03-21 .. 2026-06-13) and 12 month ends (2025-06-30 .. 2026-05-31): none both.
      expect(ready).toBe(25);
      expect(await prisma.notification.findMany({ where: { companyId: company.id, kind: 'aging_creep' }, select: { userId: true } })).toEqual([
        { userId: admin.id },
      ]);
      expect(await prisma.expectedCash.count({ where: { companyId: company.id } })).toBeGreaterThan(0);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
