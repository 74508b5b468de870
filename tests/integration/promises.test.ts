import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { listPromises } from '@/lib/collections/list-promises';
import { recordPromise } from '@/lib/collections/record-promise';
import { AppError } from '@/lib/errors/app-error';
import { recordPayment } from '@/lib/ledger/record-payment';

// Promises are made on 2026-03-01 (the pinned clock) and their state is read on later days.
const MADE = new Date('2026-03-01T15:00:00Z');
const on = (date: string) => ({ now: new Date(`${date}T15:00:00Z`) });

let company: TestCompany;
let admin: CompanyAccess;
let viewer: CompanyAccess;
let cust: string;
let inv: string[];

async function refusal(p: Promise<unknown>): Promise<{ code: string; paths: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, paths: (e.issues ?? []).map((i) => i.path) };
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Pays an invoice on a day (the applications count by their date). */
async function pay(invoiceId: string, amount: string, receivedOn: string) {
  return recordPayment(admin, { invoiceId, amount, receivedOn, reference: `PAY-${receivedOn}-${amount}` });
}

const stateOf = async (id: string, date: string) => {
  const rows = (await listPromises(admin, { customerId: cust, perPage: 100 }, on(date))).rows;
  const row = rows.find((r) => r.id === id)!;
  return { state: row.state, paidMinor: row.paidMinor };
};

beforeAll(async () => {
  company = await createCompany({ locations: 2 });
  const [l1, l2] = company.locations.map((l) => l.id) as [string, string];
  admin = await access((await createMember(company, 'admin')).id, company.slug);
  viewer = await access((await createMember(company, 'member', { view: [l1] })).id, company.slug);
  cust = (await createCustomers(company.id, [{ name: 'Promise Co', defaultLocationId: l1 }]))[0]!.id;
  inv = await createInvoices(company.id, [
    { customerId: cust, locationId: l1, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'PR-1' },
    { customerId: cust, locationId: l1, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'PR-2' },
    { customerId: cust, locationId: l1, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'PR-3' },
    { customerId: cust, locationId: l2, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'PR-4' },
    { customerId: cust, locationId: l1, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'PR-5', currency: 'EUR' },
  ]);
});

describe('promises to pay', () => {
  it('pending until the date, then kept (paid in full by the date), partly kept or broken', async () => {
    const kept = await recordPromise(admin, { customerId: cust, amount: '300.00', promisedOn: '2026-03-10', invoiceIds: [inv[0]] }, { now: MADE });
    const partly = await recordPromise(admin, { customerId: cust, amount: '400.00', promisedOn: '2026-03-10', invoiceIds: [inv[1]] }, { now: MADE });
    const broken = await recordPromise(admin, { customerId: cust, amount: '500.00', promisedOn: '2026-03-10', invoiceIds: [inv[2]] }, { now: MADE });
    expect(kept).toEqual({ promiseId: kept.promiseId, currency: 'USD', amountMinor: 30_000 });
    await pay(inv[0]!, '200.00', '2026-03-05');
    await pay(inv[0]!, '100.00', '2026-03-10');
    await pay(inv[1]!, '150.00', '2026-03-09');
    // Money after the date does not keep a promise.
    await pay(inv[2]!, '500.00', '2026-03-11');
    expect(await stateOf(kept.promiseId, '2026-03-10')).toEqual({ state: 'kept', paidMinor: 30_000 });
    expect(await stateOf(partly.promiseId, '2026-03-10')).toEqual({ state: 'pending', paidMinor: 15_000 });
    expect(await stateOf(broken.promiseId, '2026-03-10')).toEqual({ state: 'pending', paidMinor: 0 });
    expect(await stateOf(kept.promiseId, '2026-03-11')).toEqual({ state: 'kept', paidMinor: 30_000 });
    expect(await stateOf(partly.promiseId, '2026-03-11')).toEqual({ state: 'partly_kept', paidMinor: 15_000 });
    expect(await stateOf(broken.promiseId, '2026-03-11')).toEqual({ state: 'broken', paidMinor: 0 });
    const brokenOnly = await listPromises(admin, { customerId: cust, state: 'broken' }, on('2026-03-11'));
    expect(brokenOnly.rows.map((r) => [r.id, r.invoices])).toEqual([[broken.promiseId, [{ id: inv[2], number: 'PR-3' }]]]);
  });

  it('without invoices: any payment of the customer in its currency between the day it was made and its date', async () => {
    const p = await recordPromise(admin, { customerId: cust, amount: '50.00', promisedOn: '2026-03-03' }, { now: MADE });
    // Before it was made: does not count (the previous test's payments are also outside 03-01..03-03).
    await recordPayment(admin, { customerId: cust, amount: '50.00', receivedOn: '2026-02-28', reference: 'EARLY' });
    await recordPayment(admin, { customerId: cust, currency: 'EUR', amount: '50.00', receivedOn: '2026-03-02', reference: 'EURO' });
    expect(await stateOf(p.promiseId, '2026-03-04')).toEqual({ state: 'broken', paidMinor: 0 });
    await recordPayment(admin, { customerId: cust, amount: '20.00', receivedOn: '2026-03-02', reference: 'ON-TIME' });
    expect(await stateOf(p.promiseId, '2026-03-04')).toEqual({ state: 'partly_kept', paidMinor: 2_000 });
    await recordPayment(admin, { customerId: cust, amount: '30.00', receivedOn: '2026-03-03', reference: 'ON-TIME-2' });
    expect(await stateOf(p.promiseId, '2026-03-04')).toEqual({ state: 'kept', paidMinor: 5_000 });
  });

  it('takes the invoices’ currency and refuses bad input naming the field', async () => {
    const eur = await recordPromise(admin, { customerId: cust, amount: '10.50', promisedOn: '2026-03-01', invoiceIds: [inv[4]] }, { now: MADE });
    expect([eur.currency, eur.amountMinor]).toEqual(['EUR', 1_050]);
    const r = (input: object) =>
      refusal(recordPromise(admin, { customerId: cust, amount: '10.00', promisedOn: '2026-03-05', ...input }, { now: MADE }));
    expect(await r({ promisedOn: '2026-02-28' })).toEqual({ code: 'BAD_REQUEST', paths: ['promisedOn'] });
    expect(await r({ amount: '0' })).toEqual({ code: 'BAD_REQUEST', paths: ['amount'] });
    expect(await r({ amount: '10.001' })).toEqual({ code: 'BAD_REQUEST', paths: ['amount'] });
    expect(await r({ invoiceIds: [inv[0], inv[4]] })).toEqual({ code: 'BAD_REQUEST', paths: ['invoiceIds'] });
    expect(await r({ invoiceIds: [inv[4]], currency: 'USD' })).toEqual({ code: 'BAD_REQUEST', paths: ['currency'] });
    expect((await r({ promisedOn: '2026-02-30' })).paths).toEqual(['promisedOn']);
  });

  it('hides promises on invoices the caller cannot view, and refuses a viewer and another company', async () => {
    const south = await recordPromise(admin, { customerId: cust, amount: '10.00', promisedOn: '2026-03-05', invoiceIds: [inv[3]] }, { now: MADE });
    const seen = (await listPromises(viewer, { customerId: cust, perPage: 100 }, on('2026-03-02'))).rows.map((r) => r.id);
    expect(seen).not.toContain(south.promiseId);
    expect(seen.length).toBeGreaterThan(0);
    expect((await refusal(recordPromise(viewer, { customerId: cust, amount: '1.00', promisedOn: '2026-03-05' }, { now: MADE }))).code).toBe(
      'FORBIDDEN',
    );
    const b = await createCompany({ locations: 1 });
    const otherAdmin = await access((await createMember(b, 'admin')).id, b.slug);
    expect((await refusal(recordPromise(otherAdmin, { customerId: cust, amount: '1.00', promisedOn: '2026-03-05' }, { now: MADE }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(listPromises(otherAdmin, { customerId: cust }))).code).toBe('NOT_FOUND');
    expect((await refusal(listPromises(admin, { state: 'late' }))).paths).toEqual(['state']);
  });
});
