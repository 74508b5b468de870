import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { addCollectionEntry, insertCollectionEntry } from '@/lib/collections/add-collection-entry';
import { listCollectionEntries } from '@/lib/collections/list-collection-entries';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

const NOW = new Date('2026-03-15T12:00:00Z');

let company: TestCompany;
let admin: CompanyAccess;
let collector: CompanyAccess;
let viewer: CompanyAccess;
let outsider: CompanyAccess;
let other: CompanyAccess;
let collectorName: string;
let cust: string;
let otherCust: string;
let foreignCust: string;
let i1: string;
let i2: string;
let i3: string;

async function refusal(p: Promise<unknown>): Promise<{ code: string; paths: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, paths: (e.issues ?? []).map((i) => i.path) };
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const [north, south] = company.locations.map((l) => l.id) as [string, string];
  admin = await access((await createMember(company, 'admin')).id, company.slug);
  const c = await createMember(company, 'member', { view: [north, south], modify: [north] }, 'Cora Collector');
  collectorName = 'Cora Collector';
  collector = await access(c.id, company.slug);
  viewer = await access((await createMember(company, 'member', { view: [north] })).id, company.slug);
  outsider = await access((await createMember(company, 'member', { view: [south], modify: [south] })).id, company.slug);
  [cust, otherCust] = (
    await createCustomers(company.id, [
      { name: 'Harbour Ltd', defaultLocationId: north },
      { name: 'Quay plc', defaultLocationId: north },
    ])
  ).map((x) => x.id) as [string, string];
  [i1, i2, i3] = (await createInvoices(company.id, [
    { customerId: cust, locationId: north, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'LOG-1' },
    { customerId: cust, locationId: south, invoiceDate: '2026-01-05', dueDate: '2026-02-04', amount: 50_000, number: 'LOG-2' },
    { customerId: otherCust, locationId: north, invoiceDate: '2026-01-05', dueDate: '2026-02-04', amount: 20_000, number: 'LOG-3' },
  ])) as [string, string, string];
  const b = await createCompany({ locations: 1 });
  other = await access((await createMember(b, 'admin')).id, b.slug);
  foreignCust = (await createCustomers(b.id, [{ name: 'Elsewhere', defaultLocationId: b.locations[0]!.id }]))[0]!.id;
});

describe('collection log', () => {
  it('logs a call naming an invoice, with who, when, contact person and outcome, and stamps the last contact', async () => {
    const added = await addCollectionEntry(
      collector,
      {
        customerId: cust,
        kind: 'call',
        occurredAt: '2026-03-14T09:30:00Z',
        contactPerson: ' Ann Payable ',
        outcome: 'Will pay Friday',
        invoiceIds: [i1],
      },
      { now: NOW },
    );
    expect(added.promiseId).toBeNull();
    const page = await listCollectionEntries(collector, { customerId: cust });
    const row = page.rows.find((r) => r.id === added.entryId)!;
    expect(row).toEqual({
      id: added.entryId,
      customer: { id: cust, name: 'Harbour Ltd' },
      kind: 'call',
      occurredAt: '2026-03-14T09:30:00.000Z',
      user: { id: collector.userId, name: collectorName },
      contactPerson: 'Ann Payable',
      outcome: 'Will pay Friday',
      note: null,
      source: 'manual',
      automatic: false,
      invoices: [{ id: i1, number: 'LOG-1' }],
    });
    const c = await prisma.customer.findUniqueOrThrow({ where: { companyId_id: { companyId: company.id, id: cust } } });
    expect(c.lastContactAt?.toISOString()).toBe('2026-03-14T09:30:00.000Z');
    expect(c.lastContactKind).toBe('call');
    const audit = await prisma.auditLog.findFirst({ where: { companyId: company.id, action: 'collection_log.add', targetId: cust } });
    expect(audit?.details).toMatchObject({ entryId: added.entryId, kind: 'call', invoiceIds: [i1] });
    // On the invoice: the entries naming it.
    const onInvoice = await listCollectionEntries(collector, { invoiceId: i1 });
    expect(onInvoice.rows.map((r) => r.id)).toEqual([added.entryId]);
  });

  it('reads a wall-clock time in the company time zone and defaults to now; a note is not a contact', async () => {
    const ny = await createCompany({ timeZone: 'America/New_York', locations: 1 });
    const a = await access((await createMember(ny, 'admin')).id, ny.slug);
    const [c] = await createCustomers(ny.id, [{ name: 'Empire', defaultLocationId: ny.locations[0]!.id }]);
    await addCollectionEntry(a, { customerId: c!.id, kind: 'visit', occurredAt: '2026-03-02T09:30' }, { now: NOW });
    await addCollectionEntry(a, { customerId: c!.id, kind: 'note', note: 'Owner changed' }, { now: NOW });
    const rows = (await listCollectionEntries(a, { customerId: c!.id })).rows;
    expect(rows.map((r) => [r.kind, r.occurredAt])).toEqual([
      ['note', NOW.toISOString()],
      ['visit', '2026-03-02T14:30:00.000Z'],
    ]);
    const stamped = await prisma.customer.findUniqueOrThrow({ where: { companyId_id: { companyId: ny.id, id: c!.id } } });
    expect([stamped.lastContactAt?.toISOString(), stamped.lastContactKind]).toEqual(['2026-03-02T14:30:00.000Z', 'visit']);
  });

  it('refuses a future time, another customer’s invoice, an invoice where the caller cannot modify, a viewer and another company', async () => {
    const before = await prisma.collectionEntry.count({ where: { companyId: company.id } });
    expect(
      await refusal(addCollectionEntry(collector, { customerId: cust, kind: 'call', occurredAt: '2026-03-15T12:01:00Z' }, { now: NOW })),
    ).toEqual({
      code: 'BAD_REQUEST',
      paths: ['occurredAt'],
    });
    expect(await refusal(addCollectionEntry(collector, { customerId: cust, kind: 'call', invoiceIds: [i3] }, { now: NOW }))).toEqual({
      code: 'BAD_REQUEST',
      paths: ['invoiceIds'],
    });
    expect((await refusal(addCollectionEntry(collector, { customerId: cust, kind: 'call', invoiceIds: [i2] }, { now: NOW }))).code).toBe('FORBIDDEN');
    expect((await refusal(addCollectionEntry(viewer, { customerId: cust, kind: 'call' }, { now: NOW }))).code).toBe('FORBIDDEN');
    // Modify in South, where the customer has an invoice, is not modify on its default location (North).
    expect((await refusal(addCollectionEntry(outsider, { customerId: cust, kind: 'call' }, { now: NOW }))).code).toBe('FORBIDDEN');
    expect((await refusal(addCollectionEntry(collector, { customerId: foreignCust, kind: 'call' }, { now: NOW }))).code).toBe('NOT_FOUND');
    expect((await refusal(addCollectionEntry(other, { customerId: cust, kind: 'call' }, { now: NOW }))).code).toBe('NOT_FOUND');
    expect((await refusal(addCollectionEntry(admin, { customerId: cust, kind: 'shout' }, { now: NOW }))).paths).toEqual(['kind']);
    expect((await refusal(listCollectionEntries(other, { customerId: cust }))).code).toBe('NOT_FOUND');
    expect(await prisma.collectionEntry.count({ where: { companyId: company.id } })).toBe(before);
  });

  it('an entry with a promise is one transaction: a bad promise writes neither', async () => {
    const before = await prisma.collectionEntry.count({ where: { companyId: company.id } });
    const bad = await refusal(
      addCollectionEntry(
        collector,
        { customerId: cust, kind: 'call', invoiceIds: [i1], promise: { amount: '100.00', promisedOn: '2026-03-14' } },
        { now: NOW },
      ),
    );
    expect(bad).toEqual({ code: 'BAD_REQUEST', paths: ['promise.promisedOn'] });
    expect(await prisma.collectionEntry.count({ where: { companyId: company.id } })).toBe(before);
    const ok = await addCollectionEntry(
      collector,
      { customerId: cust, kind: 'call', invoiceIds: [i1], promise: { amount: '250.00', promisedOn: '2026-03-20' } },
      { now: NOW },
    );
    const promise = await prisma.paymentPromise.findUniqueOrThrow({ where: { companyId_id: { companyId: company.id, id: ok.promiseId! } } });
    expect([promise.entryId, promise.amountMinor, promise.currency.trim()]).toEqual([ok.entryId, 25_000n, 'USD']);
  });

  it('shows entries only to who may view every named invoice’s location; automatic reminders are labelled', async () => {
    const south = await addCollectionEntry(
      admin,
      { customerId: cust, kind: 'email', invoiceIds: [i2], occurredAt: '2026-03-01T08:00:00Z' },
      { now: NOW },
    );
    const both = await addCollectionEntry(
      admin,
      { customerId: cust, kind: 'letter', invoiceIds: [i1, i2], occurredAt: '2026-03-01T09:00:00Z' },
      { now: NOW },
    );
    const none = await addCollectionEntry(admin, { customerId: cust, kind: 'message', occurredAt: '2026-03-01T10:00:00Z' }, { now: NOW });
    const reminder = await prisma.$transaction((tx) =>
      insertCollectionEntry(tx, {
        companyId: company.id,
        customerId: cust,
        kind: 'email',
        occurredAt: new Date('2026-03-01T11:00:00Z'),
        userId: null,
        contactPerson: null,
        outcome: 'Reminder level 1 sent',
        note: null,
        invoiceIds: [i2],
        source: 'reminder',
      }),
    );
    const seen = (await listCollectionEntries(outsider, { customerId: cust, perPage: 100 })).rows.map((r) => r.id);
    expect(seen).toContain(south.entryId);
    expect(seen).toContain(none.entryId);
    expect(seen).toContain(reminder.id);
    expect(seen).not.toContain(both.entryId);
    expect(seen.every((id) => id !== undefined)).toBe(true);
    const auto = (await listCollectionEntries(outsider, { customerId: cust, perPage: 100 })).rows.find((r) => r.id === reminder.id)!;
    expect([auto.automatic, auto.source, auto.user]).toEqual([true, 'reminder', null]);
    // North-only viewer: not the South entries, nor the invoice filter on a South invoice.
    const north = (await listCollectionEntries(viewer, { customerId: cust, perPage: 100 })).rows.map((r) => r.id);
    expect(north).not.toContain(south.entryId);
    expect(north).not.toContain(both.entryId);
    expect(north).toContain(none.entryId);
    expect((await refusal(listCollectionEntries(viewer, { invoiceId: i2 }))).code).toBe('NOT_FOUND');
  });

  it('lists newest first, in pages', async () => {
    const all = await listCollectionEntries(admin, { customerId: cust, perPage: 100 });
    const times = all.rows.map((r) => r.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const p2 = await listCollectionEntries(admin, { customerId: cust, perPage: '2', page: '2' });
    expect(p2.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
    expect([p2.totalRows, p2.totalPages]).toEqual([all.totalRows, Math.ceil(all.totalRows / 2)]);
    const beyond = await listCollectionEntries(admin, { customerId: cust, page: 99 });
    expect([beyond.rows, beyond.totalRows]).toEqual([[], all.totalRows]);
    expect((await refusal(listCollectionEntries(admin, { perPage: 500 }))).paths).toEqual(['perPage']);
  });
});
