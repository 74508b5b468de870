import { access, addDays, createCompany, createCustomers, createInvoices, createMember, setAgingScheme, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { DEFAULT_AGING_SCHEME } from '@/lib/aging/scheme';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { planFinanceCharges } from '@/lib/finance-charges/plan-finance-charges';
import { runFinanceCharges } from '@/lib/finance-charges/run-finance-charges';

// The clock is pinned: the run charges as of 30 November 2026 (UTC company), for November.
const NOV_30 = new Date('2026-11-30T12:00:00Z');
const DEC_01 = new Date('2026-12-01T12:00:00Z');
const ASOF = '2026-11-30';

let co: TestCompany;
let admin: CompanyAccess;
let member: CompanyAccess;
let ids: Record<'a' | 'b' | 'c' | 'd' | 'e', string>;

beforeAll(async () => {
  co = await createCompany({ name: 'Tribune', locations: ['Downtown'] });
  const loc = co.locations[0]!.id;
  admin = await access((await createMember(co, 'admin')).id, co.slug);
  member = await access((await createMember(co, 'member', { view: [loc], modify: [loc] })).id, co.slug);
  // The company's scheme: 1.5% a month, at least $5.00, on 31-60 days and older (period 2 on).
  await setAgingScheme(co.id, { ...DEFAULT_AGING_SCHEME, financeCharge: { method: 'rate', rateBasisPoints: 150, minimumMinor: 500, fromPeriod: 2 } });
  // A weekly bill source with its own scheme by billing periods: a $10.00 flat fee on anything overdue.
  const weekly = await prisma.billSource.create({ data: { companyId: co.id, name: 'Weekly', frequency: 'weekly' } });
  await setAgingScheme(
    co.id,
    {
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      basis: 'billing_periods',
      periods: [1, 2, 3].map((n) => ({ label: `${n}`, maxDays: null })),
      financeCharge: { method: 'flat', feeMinor: 1_000, fromPeriod: 1 },
    },
    true,
    weekly.id,
  );
  const customers = await createCustomers(
    co.id,
    ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((name) => ({ name, defaultLocationId: loc })),
  );
  ids = Object.fromEntries(customers.map((c) => [c.name[0]!.toLowerCase(), c.id])) as typeof ids;
  const inv = (customerId: string, pastDue: number, amount: number, extra: { billSourceId?: string; currency?: string } = {}) => ({
    customerId,
    locationId: loc,
    invoiceDate: addDays(ASOF, -pastDue - 30),
    dueDate: addDays(ASOF, -pastDue),
    amount,
    ...extra,
  });
  const [, , , , , disputed] = await createInvoices(co.id, [
    inv(ids.a, 45, 100_000), // period 2: 1.5% = $15.00
    inv(ids.a, 10, 50_000), // period 1: not charged
    inv(ids.b, 40, 20_000), // 1.5% = $3.00, the minimum $5.00
    inv(ids.c, 3, 7_000, { billSourceId: weekly.id }), // weekly, 3 days overdue: the $10.00 fee
    inv(ids.c, 100, 20_000), // 1.5% = $3.00 -> $5.00
    inv(ids.d, 60, 10_000), // disputed: not charged
    inv(ids.e, 90, 10_000, { currency: 'CAD' }), // not the base currency
    inv(ids.e, -5, 10_000), // not yet due
  ]);
  await prisma.collectionHold.create({
    data: {
      companyId: co.id,
      customerId: ids.d,
      invoiceId: disputed!,
      kind: 'dispute',
      reason: 'Wrong amount',
      startsOn: new Date('2026-11-01T00:00:00Z'),
    },
  });
});

describe('finance charges', () => {
  it('preview each customer with a line per charging scheme, exact to the cent, writing nothing', async () => {
    const plan = await planFinanceCharges(admin, NOV_30);
    expect(plan).toMatchObject({
      asOf: ASOF,
      month: '2026-11-01',
      currency: 'USD',
      toCharge: { customers: 3, chargeMinor: 1_500 + 500 + 1_000 + 500 },
    });
    expect(plan.rules).toEqual([
      { scheme: 'Tribune', rule: '1.5% a month (at least $5.00) on balances in period 2 and older' },
      { scheme: 'Weekly', rule: '$10.00 a month on every overdue balance' },
    ]);
    expect(
      plan.rows.map((r) => [r.customerName, r.lines.map((l) => [l.scheme, l.chargedBalanceMinor, l.chargeMinor]), r.chargeMinor, r.alreadyCharged]),
    ).toEqual([
      ['Alpha', [['Tribune', 100_000, 1_500]], 1_500, false],
      ['Bravo', [['Tribune', 20_000, 500]], 500, false],
      [
        'Charlie',
        [
          ['Tribune', 20_000, 500],
          ['Weekly', 7_000, 1_000],
        ],
        1_500,
        false,
      ],
    ]);
    expect(await prisma.invoice.count({ where: { companyId: co.id, financeChargeMonth: { not: null } } })).toBe(0);
  });

  it('create one open invoice per customer for the month, and nothing when run again', async () => {
    const first = await runFinanceCharges(admin, NOV_30);
    expect(first).toEqual({ month: '2026-11-01', currency: 'USD', created: 3, chargeMinor: 3_500, alreadyCharged: 0 });
    const invoices = await prisma.invoice.findMany({
      where: { companyId: co.id, financeChargeMonth: new Date('2026-11-01T00:00:00Z') },
      include: { lines: { orderBy: { position: 'asc' } }, customer: { select: { name: true } } },
      orderBy: { customer: { name: 'asc' } },
    });
    expect(
      invoices.map((i) => [
        i.customer.name,
        i.number.startsWith('FC-202611-'),
        i.status,
        Number(i.amountMinor),
        Number(i.balanceMinor),
        i.lines.map((l) => Number(l.lineTotalMinor)),
      ]),
    ).toEqual([
      ['Alpha', true, 'open', 1_500, 1_500, [1_500]],
      ['Bravo', true, 'open', 500, 500, [500]],
      ['Charlie', true, 'open', 1_500, 1_500, [500, 1_000]],
    ]);
    expect(invoices[2]!.lines[1]!.description).toBe('Finance charge 2026-11 (Weekly): flat fee overdue');
    expect(invoices[0]!.lines[0]!.description).toBe('Finance charge 2026-11 (Tribune): 1.5% of $1,000.00 overdue');

    const again = await runFinanceCharges(admin, NOV_30);
    expect(again).toEqual({ month: '2026-11-01', currency: 'USD', created: 0, chargeMinor: 0, alreadyCharged: 3 });
    expect(await prisma.invoice.count({ where: { companyId: co.id, financeChargeMonth: { not: null } } })).toBe(3);
    const audits = await prisma.auditLog.findMany({ where: { companyId: co.id, action: 'finance_charges.run' }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => (a.details as { created: number }).created)).toEqual([3, 0]);
  });

  it('next month charges again, never the finance charges themselves, and two runs at once create each invoice once', async () => {
    const plan = await planFinanceCharges(admin, DEC_01);
    // November's finance charges are overdue now but are not charged; the balances are charged again for December.
    expect(plan.rows.map((r) => [r.customerName, r.lines.map((l) => l.chargedBalanceMinor)])).toEqual([
      ['Alpha', [100_000]],
      ['Bravo', [20_000]],
      ['Charlie', [20_000, 7_000]],
    ]);
    const [one, two] = await Promise.all([runFinanceCharges(admin, DEC_01), runFinanceCharges(admin, DEC_01)]);
    expect(one.created + two.created).toBe(3);
    expect(await prisma.invoice.count({ where: { companyId: co.id, financeChargeMonth: new Date('2026-12-01T00:00:00Z') } })).toBe(3);
  });

  it('are for admins only', async () => {
    await expect(planFinanceCharges(member, NOV_30)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(runFinanceCharges(member, NOV_30)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
