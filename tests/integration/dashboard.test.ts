import { access, createCompany, createCustomers, createInvoices, createMember, setCompanySettings, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { getDashboard, weekStart } from '@/lib/dashboard/get-dashboard';

// Pinned: Wednesday 17 June 2026 (UTC company); its week starts on Sunday 14 June.
const NOW = new Date('2026-06-17T15:00:00Z');

let co: TestCompany;
let admin: CompanyAccess;
let north: CompanyAccess;

beforeAll(async () => {
  co = await createCompany({ name: 'Dash Co', locations: ['North', 'South'] });
  const [n, s] = co.locations.map((l) => l.id) as [string, string];
  admin = await access((await createMember(co, 'admin')).id, co.slug);
  north = await access((await createMember(co, 'member', { view: [n] })).id, co.slug);
  const [a, b, c] = await createCustomers(co.id, [
    { name: 'Able', defaultLocationId: n },
    { name: 'Baker', defaultLocationId: n },
    { name: 'Cole', defaultLocationId: s },
  ]);
  const inv = (customerId: string, locationId: string, dueDate: string, amount: number, invoiceDate = '') => ({
    customerId,
    locationId,
    dueDate,
    invoiceDate: invoiceDate || new Date(Date.parse(`${dueDate}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10),
    amount,
  });
  await createInvoices(co.id, [
    inv(a!.id, n, '2026-06-07', 10_000), // 10 days overdue
    inv(b!.id, n, '2026-05-03', 20_000), // 45 days
    inv(c!.id, s, '2026-03-19', 5_000), // 90 days
    inv(a!.id, n, '2026-06-20', 1_000), // due this week
    inv(b!.id, n, '2026-06-30', 2_000), // the week of 28 June
    inv(a!.id, n, '2026-07-31', 4_000), // the week of 26 July
    inv(c!.id, s, '2026-12-01', 8_000), // after the 13 weeks
  ]);
  // A pending promise from Baker for 25 June (the week of 21 June).
  await prisma.paymentPromise.create({
    data: {
      companyId: co.id,
      customerId: b!.id,
      currency: 'USD',
      amountMinor: 3_000n,
      promisedOn: new Date('2026-06-25T00:00:00Z'),
      madeOn: new Date('2026-06-10T00:00:00Z'),
    },
  });
});

describe('dashboard', () => {
  it('weeks start on Sunday', () => {
    expect(weekStart('2026-06-17')).toBe('2026-06-14');
    expect(weekStart('2026-06-14')).toBe('2026-06-14');
    expect(weekStart('2026-07-04')).toBe('2026-06-28');
    expect(weekStart('2026-03-01')).toBe('2026-03-01');
  });

  it('totals, DSO and health, exact', async () => {
    const d = await getDashboard(admin, NOW);
    expect(d.asOf).toBe('2026-06-17');
    expect(d.totals).toEqual({ ar: 50_000, overdue: 35_000, overdueShare: 0.7, unapplied: 0 });
    // Invoiced in the 90 days to today: the invoices dated 3 April, 8 May, 21 May and 31 May.
    expect(d.sales90).toBe(33_000);
    expect(d.dso).toBe(136);
    expect(d.health).toEqual([
      { key: 'days_31_60', label: '31-60 days past due', amount: 20_000, share: 0.4, maxShare: 0.15, ok: false },
      { key: 'days_61_plus', label: 'Over 60 days past due', amount: 5_000, share: 0.1, maxShare: 0.05, ok: false },
    ]);
    expect(d.amounts).toMatchObject({ days_1_30: 10_000, days_31_60: 20_000, days_61_90: 5_000 });
  });

  it('forecasts 13 weeks across the month end: overdue in this week, promises at their dates', async () => {
    const d = await getDashboard(admin, NOW);
    expect(d.forecast).toHaveLength(13);
    expect(d.forecast.map((w) => w.weekStart).slice(0, 4)).toEqual(['2026-06-14', '2026-06-21', '2026-06-28', '2026-07-05']);
    const nonZero = d.forecast.filter((w) => w.committed || w.promised).map((w) => [w.weekStart, w.committed, w.promised]);
    expect(nonZero).toEqual([
      ['2026-06-14', 36_000, 0],
      ['2026-06-21', 0, 3_000],
      ['2026-06-28', 2_000, 0],
      ['2026-07-26', 4_000, 0],
    ]);
  });

  it('names the most overdue customers first, and keeps to the user’s locations', async () => {
    const d = await getDashboard(admin, NOW);
    expect(d.risks.map((r) => [r.customer.name, r.daysOverdue, r.overdue])).toEqual([
      ['Cole', 90, 5_000],
      ['Baker', 45, 20_000],
      ['Able', 10, 10_000],
    ]);
    const limited = await getDashboard(north, NOW);
    expect(limited.totals.ar).toBe(37_000);
    expect(limited.risks.map((r) => r.customer.name)).toEqual(['Baker', 'Able']);
    // Every sale of the last 90 days is North's; South's only one (Cole, invoiced 17 February) is older.
    expect([limited.sales90, limited.dso]).toEqual([33_000, 101]);
    const south = await getDashboard(await access((await createMember(co, 'member', { view: [co.locations[1]!.id] })).id, co.slug), NOW);
    expect([south.totals.ar, south.sales90, south.dso]).toEqual([13_000, 0, null]);
  });

  it('judges health against the company’s own thresholds', async () => {
    await setCompanySettings(co.id, { 'dashboard.health.days_31_60_max_pct': 50, 'dashboard.health.days_61_plus_max_pct': 20 });
    const d = await getDashboard(admin, NOW);
    expect(d.health.map((h) => [h.key, h.maxShare, h.ok])).toEqual([
      ['days_31_60', 0.5, true],
      ['days_61_plus', 0.2, true],
    ]);
  });
});
