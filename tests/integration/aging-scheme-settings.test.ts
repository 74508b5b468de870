// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  addDays,
  callRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  type TestCompany,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { GET as agingGET } from '@/app/api/v1/companies/[company]/aging/route';
import { GET as customerAgingGET } from '@/app/api/v1/companies/[company]/customers/[id]/aging/route';
import { GET as schemeGET, PUT as schemePUT } from '@/app/api/v1/companies/[company]/aging-scheme/route';

type Aging = { buckets: { key: string; label: string }[]; summary: { amounts: Record<string, number>; total: number } };
type Settings = {
  scheme: { showPending: boolean; showCurrent: boolean; periods: unknown[] };
  buckets: { key: string; label: string }[];
  customized: boolean;
};
type Failure = { error: { code: string; issues?: { path: string; message: string }[] } };

let co: TestCompany;
let other: TestCompany;
let customerId: string;
let tokens: { admin: string; member: string; otherAdmin: string };

const TRIBUNE = {
  pendingLabel: 'Pending',
  currentLabel: 'Current',
  periods: [
    { label: '1-30', maxDays: 30 },
    { label: '31-60', maxDays: 60 },
    { label: '61-90', maxDays: 90 },
  ],
};

const put = <B>(token: string, body: unknown, slug = co.slug) =>
  callRoute<B>(schemePUT, `/api/v1/companies/${slug}/aging-scheme`, { company: slug }, { token }, { method: 'PUT', body });
const aging = () => callRoute<Aging>(agingGET, `/api/v1/companies/${co.slug}/aging`, { company: co.slug }, { token: tokens.admin });

beforeAll(async () => {
  co = await createCompany({ name: 'Tribune', locations: ['Weekly'] });
  other = await createCompany({ locations: ['Elsewhere'] });
  const loc = co.locations[0]!.id;
  const admin = await createMember(co, 'admin');
  const member = await createMember(co, 'member', { view: [loc], modify: [loc] });
  const otherAdmin = await createMember(other, 'admin');
  tokens = {
    admin: (await createTokenFor(co.id, admin.id)).secret,
    member: (await createTokenFor(co.id, member.id)).secret,
    otherAdmin: (await createTokenFor(other.id, otherAdmin.id)).secret,
  };
  const [c] = await createCustomers(co.id, [{ name: 'Reader Co', defaultLocationId: loc }]);
  customerId = c!.id;
  // The routes take the real clock: dates relative to today in the company's zone (UTC).
  const today = todayInTimeZone('UTC');
  const inv = (daysPastDue: number, amount: number, invoiceDate = addDays(today, -400)) => ({
    customerId,
    locationId: loc,
    invoiceDate,
    dueDate: addDays(today, -daysPastDue),
    amount,
  });
  await createInvoices(co.id, [
    inv(-10, 1_000), // not yet due
    inv(29, 2_000),
    inv(60, 4_000),
    inv(90, 8_000),
    inv(365, 16_000),
    inv(-20, 32_000, addDays(today, 5)), // dated after today
  ]);
});

describe('aging periods (settings and API)', () => {
  it('reads the default scheme, for any member', async () => {
    const r = await callRoute<Settings>(schemeGET, `/api/v1/companies/${co.slug}/aging-scheme`, { company: co.slug }, { token: tokens.member });
    expect(r.status).toBe(200);
    expect(r.body.customized).toBe(false);
    expect(r.body.buckets.map((b) => b.label)).toEqual(['Pending', 'Current', '1-30', '31-60', '61-90', '91+']);
  });

  it('takes the Tribune example as written and re-buckets the aging page at once, older balances in the last period', async () => {
    const saved = await put<Settings>(tokens.admin, TRIBUNE);
    expect(saved.status).toBe(200);
    expect(saved.body.buckets.map((b) => [b.key, b.label])).toEqual([
      ['pending', 'Pending'],
      ['current', 'Current'],
      ['days_1_30', '1-30'],
      ['days_31_60', '31-60'],
      ['days_61_plus', '61-90'],
    ]);
    const page = await aging();
    expect(page.body.summary).toMatchObject({
      amounts: { pending: 32_000, current: 1_000, days_1_30: 2_000, days_31_60: 4_000, days_61_plus: 24_000 },
      total: 63_000,
    });
    const customer = await callRoute<{ summaries: { amounts: Record<string, number> }[] }, { company: string; id: string }>(
      customerAgingGET,
      `/api/v1/companies/${co.slug}/customers/${customerId}/aging`,
      { company: co.slug, id: customerId },
      { token: tokens.admin },
    );
    expect(customer.body.summaries[0]!.amounts).toEqual({
      pending: 32_000,
      current: 1_000,
      days_1_30: 2_000,
      days_31_60: 4_000,
      days_61_plus: 24_000,
    });
  });

  it('applies a preset by its key: 0-30 / 31-60 / 61-90 / 90+ holds money not yet due, and invoices dated later, in 0-30', async () => {
    const saved = await put<Settings>(tokens.admin, { preset: '0-30-60-90' });
    expect(saved.status).toBe(200);
    expect(saved.body.scheme).toMatchObject({ showPending: false, showCurrent: false });
    const page = await aging();
    expect(page.body.buckets.map((b) => b.label)).toEqual(['0-30', '31-60', '61-90', '90+']);
    expect(page.body.summary).toMatchObject({
      amounts: { days_0_30: 35_000, days_31_60: 4_000, days_61_90: 8_000, days_91_plus: 16_000 },
      total: 63_000,
    });
  });

  it('keeps the earlier schemes inactive and audits each change with before and after', async () => {
    expect(await prisma.agingScheme.count({ where: { companyId: co.id, isActive: true } })).toBe(1);
    expect(await prisma.agingScheme.count({ where: { companyId: co.id, isActive: false } })).toBe(1);
    const audits = await prisma.auditLog.findMany({ where: { companyId: co.id, action: 'aging_scheme.update' }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => (a.details as { preset: string | null }).preset)).toEqual([null, '0-30-60-90']);
    expect((audits[1]!.details as { before: { periods: unknown[] } }).before.periods).toEqual(TRIBUNE.periods);
  });

  it('two saves at once leave exactly one active scheme', async () => {
    const both = await Promise.all([put(tokens.admin, TRIBUNE), put(tokens.admin, { preset: 'current-30-60' })]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await prisma.agingScheme.count({ where: { companyId: co.id, isActive: true } })).toBe(1);
  });

  it('names the field and the problem of a bad scheme, and changes nothing', async () => {
    const active = await prisma.agingScheme.findFirstOrThrow({ where: { companyId: co.id, isActive: true } });
    const tooMany = { ...TRIBUNE, periods: Array.from({ length: 14 }, (_, i) => ({ label: `p${i}`, maxDays: (i + 1) * 30 })) };
    const cases: [unknown, string, string][] = [
      [tooMany, 'periods', 'At most 13 overdue periods'],
      [{ ...TRIBUNE, periods: [{ label: 'Late', maxDays: 1000 }] }, 'periods.0.maxDays', 'Days must be at most 999'],
      [
        {
          ...TRIBUNE,
          periods: [
            { label: 'a', maxDays: 60 },
            { label: 'b', maxDays: 30 },
          ],
        },
        'periods.1.maxDays',
        'Day bounds must increase',
      ],
      [{ ...TRIBUNE, currentLabel: ' ' }, 'currentLabel', 'Label is required'],
      [{ preset: 'weekly' }, 'preset', 'Preset must be one of standard, pending-current-30-60-90, current-30-60, 0-30-60-90'],
    ];
    for (const [body, path, message] of cases) {
      const r = await put<Failure>(tokens.admin, body);
      expect(r.status, path).toBe(400);
      expect(r.body.error.issues).toContainEqual({ path, message });
    }
    expect((await prisma.agingScheme.findFirstOrThrow({ where: { companyId: co.id, isActive: true } })).id).toBe(active.id);
  });

  it('lets only admins change it; another company answers not found', async () => {
    expect((await put<Failure>(tokens.member, TRIBUNE)).status).toBe(403);
    expect((await put<Failure>(tokens.otherAdmin, TRIBUNE)).status).toBe(404);
    expect(await prisma.agingScheme.count({ where: { companyId: other.id } })).toBe(0);
  });
});
