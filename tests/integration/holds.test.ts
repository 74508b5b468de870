import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { endHold } from '@/lib/collections/end-hold';
import { listHolds } from '@/lib/collections/list-holds';
import { placeHold } from '@/lib/collections/place-hold';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

const at = (date: string) => ({ now: new Date(`${date}T12:00:00Z`) });
const TODAY = '2026-03-10';

let company: TestCompany;
let admin: CompanyAccess;
let collector: CompanyAccess;
let viewer: CompanyAccess;
let southOnly: CompanyAccess;
let cust: string;
let north1: string;
let south1: string;

async function refusal(p: Promise<unknown>): Promise<{ code: string; paths: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, paths: (e.issues ?? []).map((i) => i.path) };
    throw e;
  }
  throw new Error('expected a refusal');
}

const statuses = async (who: CompanyAccess, input: object, date: string) =>
  (await listHolds(who, { perPage: 100, ...input }, at(date))).rows.map((r) => [r.reason, r.status]);

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const [north, south] = company.locations.map((l) => l.id) as [string, string];
  admin = await access((await createMember(company, 'admin')).id, company.slug);
  collector = await access((await createMember(company, 'member', { view: [north, south], modify: [north] })).id, company.slug);
  viewer = await access((await createMember(company, 'member', { view: [north] })).id, company.slug);
  southOnly = await access((await createMember(company, 'member', { view: [south] })).id, company.slug);
  cust = (await createCustomers(company.id, [{ name: 'Held Co', defaultLocationId: north }]))[0]!.id;
  [north1, south1] = (await createInvoices(company.id, [
    { customerId: cust, locationId: north, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000, number: 'H-1' },
    { customerId: cust, locationId: south, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000, number: 'H-2' },
  ])) as [string, string];
});

describe('disputes and holds', () => {
  it('a hold expires by itself after its end date; a dispute stays until ended by hand', async () => {
    const hold = await placeHold(collector, { kind: 'hold', customerId: cust, reason: 'Awaiting PO', endsOn: '2026-03-12' }, at(TODAY));
    const dispute = await placeHold(collector, { kind: 'dispute', invoiceId: north1, reason: 'Wrong quantity', note: 'Only 8 delivered' }, at(TODAY));
    expect(await statuses(collector, { customerId: cust }, TODAY)).toEqual([
      ['Wrong quantity', 'active'],
      ['Awaiting PO', 'active'],
    ]);
    // The end date is the last day it holds.
    expect(await statuses(collector, { customerId: cust, active: 'true' }, '2026-03-12')).toHaveLength(2);
    expect(await statuses(collector, { customerId: cust }, '2026-03-13')).toEqual([
      ['Wrong quantity', 'active'],
      ['Awaiting PO', 'expired'],
    ]);
    expect((await refusal(endHold(collector, { id: hold.holdId }, at('2026-03-13')))).code).toBe('CONFLICT');
    const ended = await endHold(collector, { id: dispute.holdId }, at('2026-03-13'));
    expect(ended).toEqual({ holdId: dispute.holdId, endedAt: '2026-03-13T12:00:00.000Z' });
    expect(await statuses(collector, { customerId: cust, active: 'false' }, '2026-03-13')).toEqual([
      ['Wrong quantity', 'ended'],
      ['Awaiting PO', 'expired'],
    ]);
    expect((await refusal(endHold(collector, { id: dispute.holdId }, at('2026-03-13')))).code).toBe('CONFLICT');
    expect(await prisma.auditLog.count({ where: { companyId: company.id, action: { in: ['holds.place', 'holds.end'] } } })).toBe(3);
  });

  it('gives the badge data: holds covering an invoice (on it or its whole customer), with kind and end date', async () => {
    const [north, south] = company.locations.map((l) => l.id) as [string, string];
    const c = (await createCustomers(company.id, [{ name: 'Badge Co', defaultLocationId: north }]))[0]!.id;
    const [n1, s1] = (await createInvoices(company.id, [
      { customerId: c, locationId: north, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000, number: 'HB-1' },
      { customerId: c, locationId: south, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000, number: 'HB-2' },
    ])) as [string, string];
    const onCustomer = await placeHold(admin, { kind: 'hold', customerId: c, reason: 'Insolvency check', endsOn: '2026-04-30' }, at(TODAY));
    const onSouth = await placeHold(admin, { kind: 'dispute', invoiceId: s1, reason: 'Damaged' }, at(TODAY));
    const rows = (await listHolds(admin, { invoiceId: n1, active: true }, at(TODAY))).rows;
    expect(rows.map((r) => ({ id: r.id, kind: r.kind, invoice: r.invoice, endsOn: r.endsOn, active: r.active }))).toEqual([
      { id: onCustomer.holdId, kind: 'hold', invoice: null, endsOn: '2026-04-30', active: true },
    ]);
    // Same start day: the latest placed first.
    const onS1 = (await listHolds(admin, { invoiceId: s1, active: true }, at(TODAY))).rows;
    expect(onS1.map((r) => [r.id, r.invoice])).toEqual([
      [onSouth.holdId, { id: s1, number: 'HB-2' }],
      [onCustomer.holdId, null],
    ]);
    // A North-only viewer does not see the dispute on the South invoice; a South-only one sees it.
    expect((await listHolds(viewer, { customerId: c, perPage: 100 }, at(TODAY))).rows.map((r) => r.id)).toEqual([onCustomer.holdId]);
    expect((await listHolds(southOnly, { customerId: c, perPage: 100 }, at(TODAY))).rows.map((r) => r.id)).toEqual([
      onSouth.holdId,
      onCustomer.holdId,
    ]);
  });

  it('refuses a hold without an end date, an end in the past, a caller without modify, and another company', async () => {
    const r = (who: CompanyAccess, input: object) =>
      refusal(placeHold(who, { kind: 'hold', customerId: cust, reason: 'x', endsOn: '2026-03-20', ...input }, at(TODAY)));
    expect(await r(collector, { endsOn: undefined })).toEqual({ code: 'BAD_REQUEST', paths: ['endsOn'] });
    expect(await r(collector, { endsOn: '2026-03-09' })).toEqual({ code: 'BAD_REQUEST', paths: ['endsOn'] });
    expect(await r(collector, { reason: '  ' })).toEqual({ code: 'BAD_REQUEST', paths: ['reason'] });
    expect(await r(collector, { startsOn: '2026-03-25' })).toEqual({ code: 'BAD_REQUEST', paths: ['endsOn'] });
    expect((await r(collector, { customerId: undefined, invoiceId: south1 })).code).toBe('FORBIDDEN');
    expect((await r(viewer, {})).code).toBe('FORBIDDEN');
    expect((await r(viewer, { customerId: undefined, invoiceId: south1 })).code).toBe('NOT_FOUND');
    const b = await createCompany({ locations: 1 });
    const otherAdmin = await access((await createMember(b, 'admin')).id, b.slug);
    expect((await r(otherAdmin, {})).code).toBe('NOT_FOUND');
    const held = await placeHold(admin, { kind: 'dispute', invoiceId: south1, reason: 'Price' }, at(TODAY));
    expect((await refusal(endHold(otherAdmin, { id: held.holdId }, at(TODAY)))).code).toBe('NOT_FOUND');
    expect((await refusal(endHold(collector, { id: held.holdId }, at(TODAY)))).code).toBe('FORBIDDEN');
    expect((await refusal(listHolds(otherAdmin, { invoiceId: north1 }))).code).toBe('NOT_FOUND');
  });

  it('a hold starting later is scheduled, not active', async () => {
    const later = await placeHold(
      admin,
      { kind: 'hold', customerId: cust, reason: 'Holiday', startsOn: '2026-03-15', endsOn: '2026-03-16' },
      at(TODAY),
    );
    const row = (await listHolds(admin, { customerId: cust, perPage: 100 }, at(TODAY))).rows.find((x) => x.id === later.holdId)!;
    expect([row.status, row.active, row.startsOn, row.endsOn]).toEqual(['scheduled', false, '2026-03-15', '2026-03-16']);
  });
});
