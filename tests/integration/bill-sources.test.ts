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
import { access } from '../support/fixtures';
import { importInvoices } from '@/lib/invoices/import-invoices';
import { GET as agingGET } from '@/app/api/v1/companies/[company]/aging/route';
import { GET as sourcesGET, POST as sourcesPOST } from '@/app/api/v1/companies/[company]/bill-sources/route';
import { PUT as sourcePUT } from '@/app/api/v1/companies/[company]/bill-sources/[id]/route';
import { DELETE as schemeDELETE, GET as schemeGET, PUT as schemePUT } from '@/app/api/v1/companies/[company]/aging-scheme/route';
import { POST as invoicesPOST } from '@/app/api/v1/companies/[company]/invoices/route';
import { PATCH as customerPATCH } from '@/app/api/v1/companies/[company]/customers/[id]/route';

type Source = { id: string; name: string; frequency: { kind: string; days?: number }; ownScheme: boolean };
type Aging = {
  buckets: { key: string; label: string }[];
  summary: { amounts: Record<string, number>; unapplied: number; total: number };
  billSource: { id: string; name: string } | null;
};
type Failure = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

let co: TestCompany;
let other: TestCompany;
let loc: string;
let customerId: string;
let tokens: { admin: string; member: string; otherAdmin: string };
let monitoring: Source;
let service: Source;
// The routes take the real clock: dates relative to today in the company's zone (UTC).
const today = todayInTimeZone('UTC');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers of either params shape
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
const api = <B>(handler: Handler, path: string, token: string, send?: { method: string; body?: unknown }, id?: string) =>
  callRoute<B, { company: string; id: string }>(handler, `/api/v1/companies/${co.slug}${path}`, { company: co.slug, id: id ?? '' }, { token }, send);

beforeAll(async () => {
  co = await createCompany({ name: 'Tribune', locations: ['Downtown'] });
  other = await createCompany({ locations: ['Elsewhere'] });
  loc = co.locations[0]!.id;
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
});

describe('bill sources', () => {
  it('are added by admins, each with its billing frequency, and listed by name for any member', async () => {
    const a = await api<Source>(sourcesPOST, '/bill-sources', tokens.admin, {
      method: 'POST',
      body: { name: 'Service', frequency: { kind: 'weekly' } },
    });
    expect(a.status).toBe(201);
    const b = await api<Source>(sourcesPOST, '/bill-sources', tokens.admin, {
      method: 'POST',
      body: { name: 'Monitoring', frequency: { kind: 'every_n_days', days: 30 } },
    });
    expect(b.status).toBe(201);
    [service, monitoring] = [a.body, b.body];
    const list = await api<{ billSources: Source[] }>(sourcesGET, '/bill-sources', tokens.member);
    expect(list.status).toBe(200);
    expect(list.body.billSources.map((s) => [s.name, s.frequency, s.ownScheme])).toEqual([
      ['Monitoring', { kind: 'every_n_days', days: 30 }, false],
      ['Service', { kind: 'weekly' }, false],
    ]);
    const audit = await prisma.auditLog.count({ where: { companyId: co.id, action: 'bill_source.create' } });
    expect(audit).toBe(2);
  });

  it('refuse bad input naming the field, a second name differing only in case, and members', async () => {
    const bad = await api<Failure>(sourcesPOST, '/bill-sources', tokens.admin, {
      method: 'POST',
      body: { name: 'Install', frequency: { kind: 'every_n_days', days: 0 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([{ path: 'frequency.days', message: 'Days must be at least 1' }]);
    const dup = await api<Failure>(sourcesPOST, '/bill-sources', tokens.admin, {
      method: 'POST',
      body: { name: 'service', frequency: { kind: 'monthly' } },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.issues).toEqual([{ path: 'name', message: 'Already in use' }]);
    const member = await api<Failure>(sourcesPOST, '/bill-sources', tokens.member, {
      method: 'POST',
      body: { name: 'Other', frequency: { kind: 'monthly' } },
    });
    expect(member.status).toBe(403);
    expect(await prisma.billSource.count({ where: { companyId: co.id } })).toBe(2);
  });

  it('are renamed and re-cycled in place; another company sees none of them', async () => {
    const renamed = await api<Source>(
      sourcePUT,
      `/bill-sources/${service.id}`,
      tokens.admin,
      { method: 'PUT', body: { name: 'Field service', frequency: { kind: 'weekly' } } },
      service.id,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Field service');
    const foreign = await callRoute<Failure, { company: string; id: string }>(
      sourcePUT,
      `/api/v1/companies/${other.slug}/bill-sources/${service.id}`,
      { company: other.slug, id: service.id },
      { token: tokens.otherAdmin },
      { method: 'PUT', body: { name: 'Stolen', frequency: { kind: 'weekly' } } },
    );
    expect(foreign.status).toBe(404);
    const theirs = await callRoute<{ billSources: Source[] }>(
      sourcesGET,
      `/api/v1/companies/${other.slug}/bill-sources`,
      { company: other.slug },
      {
        token: tokens.otherAdmin,
      },
    );
    expect(theirs.body.billSources).toEqual([]);
  });
});

describe('invoices with bill sources and payment terms', () => {
  it('take a bill source and, without a due date, the due date of the customer terms', async () => {
    const noTerms = await api<Failure>(invoicesPOST, '/invoices', tokens.admin, {
      method: 'POST',
      body: { number: 'T-1', customerId, locationId: loc, invoiceDate: '2026-01-31', amount: '10.00', post: true },
    });
    expect(noTerms.status).toBe(400);
    expect(noTerms.body.error.issues).toEqual([{ path: 'dueDate', message: 'Required (the customer has no payment terms)' }]);

    const terms = await api<{ paymentTerms: unknown }>(
      customerPATCH,
      `/customers/${customerId}`,
      tokens.admin,
      {
        method: 'PATCH',
        body: { paymentTerms: { kind: 'end_of_month', days: 10 } },
      },
      customerId,
    );
    expect(terms.status).toBe(200);
    expect(terms.body.paymentTerms).toEqual({ kind: 'end_of_month', days: 10 });

    const created = await api<{ id: string }>(invoicesPOST, '/invoices', tokens.admin, {
      method: 'POST',
      body: { number: 'T-1', customerId, locationId: loc, invoiceDate: '2026-01-31', amount: '10.00', post: true, billSourceId: monitoring.id },
    });
    expect(created.status).toBe(201);
    const row = await prisma.invoice.findFirstOrThrow({ where: { companyId: co.id, id: created.body.id } });
    expect(row.dueDate.toISOString().slice(0, 10)).toBe('2026-02-10');
    expect(row.billSourceId).toBe(monitoring.id);

    const foreignSource = await prisma.billSource.create({ data: { companyId: other.id, name: 'Theirs', frequency: 'monthly' } });
    const refused = await api<Failure>(invoicesPOST, '/invoices', tokens.admin, {
      method: 'POST',
      body: { number: 'T-2', customerId, locationId: loc, invoiceDate: '2026-01-31', amount: '10.00', billSourceId: foreignSource.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'billSourceId', message: 'Unknown bill source' }]);
  });

  it('import with a bill source by name and a due date from the terms, naming an unknown source', async () => {
    const admin = await prisma.membership.findFirstOrThrow({ where: { companyId: co.id, role: 'admin' } });
    const acc = await access(admin.userId, co.slug);
    const csv = [
      'customer,invoice_number,invoice_date,due_date,location,amount,bill_source',
      'Reader Co,IMP-1,2026-02-05,,Downtown,25.00,field service',
      'Reader Co,IMP-2,2026-02-05,2026-02-20,Downtown,30.00,',
      'Reader Co,IMP-3,2026-02-05,2026-02-20,Downtown,35.00,Plumbing',
      'New Customer,IMP-4,2026-02-05,,Downtown,40.00,',
    ].join('\n');
    const result = await importInvoices(acc, csv);
    expect(result.groups.map((g) => [g.number, g.error])).toEqual([
      ['IMP-1', null],
      ['IMP-2', null],
      ['IMP-3', 'Bill source: "Plumbing" is not a bill source of Tribune (line 4)'],
      ['IMP-4', 'Due date: missing, and the customer has no payment terms to compute it from (line 5)'],
    ]);
    const rows = await prisma.invoice.findMany({ where: { companyId: co.id, number: { in: ['IMP-1', 'IMP-2'] } }, orderBy: { number: 'asc' } });
    expect(rows.map((r) => [r.number, r.dueDate.toISOString().slice(0, 10), r.billSourceId])).toEqual([
      ['IMP-1', '2026-03-10', service.id],
      ['IMP-2', '2026-02-20', null],
    ]);
  });
});

describe('aging by bill source', () => {
  let base: TestCompany;
  let token: string;
  let weekly: string;
  beforeAll(async () => {
    base = await createCompany({ name: 'Weekly Co', locations: ['Only'] });
    const admin = await createMember(base, 'admin');
    token = (await createTokenFor(base.id, admin.id)).secret;
    weekly = (await prisma.billSource.create({ data: { companyId: base.id, name: 'Weekly', frequency: 'weekly' } })).id;
    const [c] = await createCustomers(base.id, [{ name: 'Paper Route', defaultLocationId: base.locations[0]!.id }]);
    const inv = (pastDue: number, amount: number, billSourceId: string | null) => ({
      customerId: c!.id,
      locationId: base.locations[0]!.id,
      invoiceDate: addDays(today, -400),
      dueDate: addDays(today, -pastDue),
      amount,
      billSourceId,
    });
    await createInvoices(base.id, [inv(0, 1, weekly), inv(7, 10, weekly), inv(8, 100, weekly), inv(15, 1_000, weekly), inv(40, 10_000, null)]);
    // Unapplied money has no bill source: it shows on the company's page only.
    await prisma.payment.create({
      data: {
        companyId: base.id,
        customerId: c!.id,
        receivedOn: new Date(`${today}T00:00:00Z`),
        amountMinor: 5n,
        unappliedMinor: 5n,
        currency: 'USD',
        method: 'check',
        reference: 'CHK 1',
      },
    });
  });
  const call = <B>(handler: Handler, path: string, send?: { method: string; body?: unknown }) =>
    callRoute<B>(handler, `/api/v1/companies/${base.slug}${path}`, { company: base.slug }, { token }, send);

  it("shows one source's invoices by the company's periods until it has its own", async () => {
    const all = await call<Aging>(agingGET, '/aging');
    expect(all.body.summary).toMatchObject({ total: 11_106, unapplied: 5 });
    const only = await call<Aging>(agingGET, `/aging?billSource=${weekly}`);
    expect(only.status).toBe(200);
    expect(only.body.billSource).toEqual({ id: weekly, name: 'Weekly' });
    expect(only.body.summary).toEqual({
      amounts: { pending: 0, current: 1, days_1_30: 1_110, days_31_60: 0, days_61_90: 0, days_91_plus: 0 },
      unapplied: 0,
      total: 1_111,
    });
  });

  it('ages by its billing periods once it has its own scheme, and the company refuses billing periods', async () => {
    const scheme = {
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      showPending: false,
      basis: 'billing_periods',
      periods: [
        { label: '1 week', maxDays: null },
        { label: '2 weeks', maxDays: null },
        { label: 'Older', maxDays: null },
      ],
    };
    const saved = await call<{ customized: boolean; buckets: { key: string; holds: string }[] }>(schemePUT, `/aging-scheme?billSource=${weekly}`, {
      method: 'PUT',
      body: scheme,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.customized).toBe(true);
    expect(saved.body.buckets.map((b) => [b.key, b.holds])).toEqual([
      ['current', 'not yet due'],
      ['period_1', 'up to 7 days past due'],
      ['period_2', 'up to 14 days past due'],
      ['period_3_plus', 'more than 14 days past due'],
    ]);
    const only = await call<Aging>(agingGET, `/aging?billSource=${weekly}`);
    expect(only.body.summary).toEqual({ amounts: { current: 1, period_1: 10, period_2: 100, period_3_plus: 1_000 }, unapplied: 0, total: 1_111 });
    // The company's page keeps the company's periods.
    const all = await call<Aging>(agingGET, '/aging');
    expect(all.body.buckets.map((b) => b.key)).toEqual(['pending', 'current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_91_plus']);

    const refused = await call<Failure>(schemePUT, '/aging-scheme', { method: 'PUT', body: scheme });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'basis', message: 'Only a bill source can age by billing periods' }]);
  });

  it('goes back to the company periods when its own are removed', async () => {
    const reset = await call<{ customized: boolean }>(schemeDELETE, `/aging-scheme?billSource=${weekly}`, { method: 'DELETE' });
    expect(reset.status).toBe(200);
    expect(reset.body.customized).toBe(false);
    const only = await call<Aging>(agingGET, `/aging?billSource=${weekly}`);
    expect(only.body.buckets.map((b) => b.key)).toContain('days_1_30');
    expect(await prisma.auditLog.count({ where: { companyId: base.id, action: 'aging_scheme.reset' } })).toBe(1);
  });

  it("reads another company's bill source, or a made-up one, as not found", async () => {
    const theirs = await prisma.billSource.create({ data: { companyId: other.id, name: 'Foreign', frequency: 'weekly' } });
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000']) {
      expect((await call<Failure>(agingGET, `/aging?billSource=${id}`)).status).toBe(404);
      expect((await call<Failure>(schemeGET, `/aging-scheme?billSource=${id}`)).status).toBe(404);
    }
    const bad = await call<Failure>(agingGET, '/aging?billSource=nope');
    expect(bad.status).toBe(400);
  });
});
