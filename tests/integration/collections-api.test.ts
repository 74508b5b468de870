import {
  addDays,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  inRequestScope,
  type TestCompany,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as logGET, POST as logPOST } from '@/app/api/v1/companies/[company]/collection-log/route';
import { GET as promisesGET, POST as promisesPOST } from '@/app/api/v1/companies/[company]/promises/route';
import { GET as holdsGET, POST as holdsPOST } from '@/app/api/v1/companies/[company]/holds/route';
import { POST as endPOST } from '@/app/api/v1/companies/[company]/holds/[id]/end/route';
import { PATCH as collectionPATCH } from '@/app/api/v1/companies/[company]/customers/[id]/collection/route';
import { GET as openapiGET } from '@/app/api/v1/openapi.json/route';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';

type Body = Record<string, unknown> & { error?: { code: string; issues?: { path: string }[] }; rows?: Record<string, unknown>[] };
type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
async function send<P>(handler: Handler<P>, method: string, path: string, params: P, token: string, body?: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const req = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(params) }));
  return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', body: (await res.json()) as Body };
}

let company: TestCompany;
let token: string;
let viewerToken: string;
let southToken: string;
let otherToken: string;
let collectorId: string;
let cust: string;
let north1: string;
let south1: string;
const today = todayInTimeZone('UTC');
const base = () => `/api/v1/companies/${company.slug}`;
const p = () => ({ company: company.slug });

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const [north, south] = company.locations.map((l) => l.id) as [string, string];
  const collector = await createMember(company, 'member', { view: [north, south], modify: [north, south] }, 'Api Collector');
  collectorId = collector.id;
  token = (await createTokenFor(company.id, collector.id)).secret;
  viewerToken = (await createTokenFor(company.id, (await createMember(company, 'member', { view: [north, south] })).id)).secret;
  southToken = (await createTokenFor(company.id, (await createMember(company, 'member', { view: [south], modify: [south] })).id)).secret;
  const other = await createCompany({ locations: 1 });
  otherToken = (await createTokenFor(other.id, (await createMember(other, 'admin')).id)).secret;
  cust = (await createCustomers(company.id, [{ name: 'Api Harbour', defaultLocationId: north }]))[0]!.id;
  [north1, south1] = (await createInvoices(company.id, [
    { customerId: cust, locationId: north, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 100_000, number: 'API-C1' },
    { customerId: cust, locationId: south, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 50_000, number: 'API-C2' },
  ])) as [string, string];
});

describe('collections API', () => {
  it('adds to the collection log once per Idempotency-Key and lists it; another company is 404, a viewer 403', async () => {
    const entry = {
      customerId: cust,
      kind: 'call',
      contactPerson: 'Ann',
      outcome: 'Promised',
      invoiceIds: [north1],
      promise: { amount: '120.00', promisedOn: addDays(today, 7) },
    };
    const first = await send(logPOST, 'POST', `${base()}/collection-log`, p(), token, entry, 'log-1');
    expect(first.status).toBe(201);
    expect(Object.keys(first.body).sort()).toEqual(['entryId', 'promiseId']);
    const again = await send(logPOST, 'POST', `${base()}/collection-log`, p(), token, entry, 'log-1');
    expect([again.status, again.replayed, again.body]).toEqual([201, true, first.body]);
    const clash = await send(logPOST, 'POST', `${base()}/collection-log`, p(), token, { ...entry, outcome: 'Other' }, 'log-1');
    expect(clash.status).toBe(409);
    expect(await prisma.collectionEntry.count({ where: { companyId: company.id } })).toBe(1);

    const list = await send(logGET, 'GET', `${base()}/collection-log?customerId=${cust}`, p(), token);
    expect(list.status).toBe(200);
    expect(list.body.rows!.map((r) => [r.id, r.kind, (r.user as { name: string }).name, r.invoices])).toEqual([
      [first.body.entryId, 'call', 'Api Collector', [{ id: north1, number: 'API-C1' }]],
    ]);
    expect((await send(logPOST, 'POST', `${base()}/collection-log`, p(), viewerToken, entry)).status).toBe(403);
    expect((await send(logPOST, 'POST', `/api/v1/companies/${company.slug}/collection-log`, p(), otherToken, entry)).status).toBe(404);
    expect((await send(logGET, 'GET', `${base()}/collection-log?customerId=${cust}`, p(), otherToken)).status).toBe(404);
    const bad = await send(logPOST, 'POST', `${base()}/collection-log`, p(), token, { ...entry, kind: 'fax', promise: undefined });
    expect([bad.status, bad.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['kind']]);
  });

  it('hides entries naming invoices in a location the caller cannot view', async () => {
    const south = await send(logPOST, 'POST', `${base()}/collection-log`, p(), southToken, { customerId: cust, kind: 'email', invoiceIds: [south1] });
    expect(south.status).toBe(201);
    const seenBySouth = (await send(logGET, 'GET', `${base()}/collection-log?customerId=${cust}`, p(), southToken)).body.rows!.map((r) => r.id);
    expect(seenBySouth).toEqual([south.body.entryId]);
    const seenByCollector = (await send(logGET, 'GET', `${base()}/collection-log?invoiceId=${south1}`, p(), token)).body.rows!.map((r) => r.id);
    expect(seenByCollector).toEqual([south.body.entryId]);
    expect((await send(logGET, 'GET', `${base()}/collection-log?invoiceId=${north1}`, p(), southToken)).status).toBe(404);
  });

  it('records and lists promises with their state', async () => {
    const made = await send(promisesPOST, 'POST', `${base()}/promises`, p(), token, { customerId: cust, amount: '75.50', promisedOn: today }, 'pr-1');
    expect([made.status, made.body.currency, made.body.amountMinor]).toEqual([201, 'USD', 7_550]);
    const list = await send(promisesGET, 'GET', `${base()}/promises?customerId=${cust}&state=pending`, p(), token);
    expect(list.body.rows!.map((r) => [r.amountMinor, r.paidMinor, r.state]).sort()).toEqual([
      [12_000, 0, 'pending'],
      [7_550, 0, 'pending'],
    ]);
    expect((await send(promisesGET, 'GET', `${base()}/promises?state=kept`, p(), token)).body.rows).toEqual([]);
    expect(
      (await send(promisesPOST, 'POST', `${base()}/promises`, p(), viewerToken, { customerId: cust, amount: '1', promisedOn: today })).status,
    ).toBe(403);
    const past = await send(promisesPOST, 'POST', `${base()}/promises`, p(), token, {
      customerId: cust,
      amount: '1',
      promisedOn: addDays(today, -1),
    });
    expect([past.status, past.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['promisedOn']]);
  });

  it('places, lists and ends holds', async () => {
    const placed = await send(holdsPOST, 'POST', `${base()}/holds`, p(), token, { kind: 'dispute', invoiceId: north1, reason: 'Wrong price' }, 'h-1');
    expect(placed.status).toBe(201);
    const holdId = placed.body.holdId as string;
    const active = await send(holdsGET, 'GET', `${base()}/holds?invoiceId=${north1}&active=true`, p(), token);
    expect(active.body.rows!.map((r) => [r.id, r.kind, r.status])).toEqual([[holdId, 'dispute', 'active']]);
    expect((await send(endPOST, 'POST', `${base()}/holds/${holdId}/end`, { ...p(), id: holdId }, viewerToken)).status).toBe(403);
    expect((await send(endPOST, 'POST', `${base()}/holds/${holdId}/end`, { ...p(), id: holdId }, otherToken)).status).toBe(404);
    const ended = await send(endPOST, 'POST', `${base()}/holds/${holdId}/end`, { ...p(), id: holdId }, token, undefined, 'end-1');
    expect(ended.status).toBe(200);
    const replay = await send(endPOST, 'POST', `${base()}/holds/${holdId}/end`, { ...p(), id: holdId }, token, undefined, 'end-1');
    expect([replay.status, replay.replayed]).toEqual([200, true]);
    expect((await send(endPOST, 'POST', `${base()}/holds/${holdId}/end`, { ...p(), id: holdId }, token)).status).toBe(409);
    expect((await send(endPOST, 'POST', `${base()}/holds/nope/end`, { ...p(), id: 'nope' }, token)).status).toBe(404);
    expect((await send(holdsGET, 'GET', `${base()}/holds?active=true&customerId=${cust}`, p(), token)).body.rows).toEqual([]);
    const noEnd = await send(holdsPOST, 'POST', `${base()}/holds`, p(), token, { kind: 'hold', customerId: cust, reason: 'x' });
    expect([noEnd.status, noEnd.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['endsOn']]);
  });

  it("sets a customer's collector, next action and reminder opt-out", async () => {
    const path = `${base()}/customers/${cust}/collection`;
    const set = await send(collectionPATCH, 'PATCH', path, { ...p(), id: cust }, token, {
      collectorId,
      nextAction: 'call_back',
      nextActionOn: addDays(today, 2),
      remindersOptOut: true,
    });
    expect([set.status, set.body]).toEqual([
      200,
      { customerId: cust, collectorId, nextAction: 'call_back', nextActionOn: addDays(today, 2), remindersOptOut: true },
    ]);
    // Fields left out stay; null clears.
    const cleared = await send(collectionPATCH, 'PATCH', path, { ...p(), id: cust }, token, { nextAction: null, nextActionOn: null });
    expect(cleared.body).toEqual({ customerId: cust, collectorId, nextAction: null, nextActionOn: null, remindersOptOut: true });
    const half = await send(collectionPATCH, 'PATCH', path, { ...p(), id: cust }, token, { nextAction: 'escalate' });
    expect([half.status, half.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['nextActionOn']]);
    const stranger = await send(collectionPATCH, 'PATCH', path, { ...p(), id: cust }, token, { collectorId: '00000000-0000-4000-8000-000000000000' });
    expect([stranger.status, stranger.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['collectorId']]);
    expect((await send(collectionPATCH, 'PATCH', path, { ...p(), id: cust }, viewerToken, { remindersOptOut: false })).status).toBe(403);
    expect((await send(collectionPATCH, 'PATCH', path, { ...p(), id: cust }, otherToken, { remindersOptOut: false })).status).toBe(404);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await (await openapiGET()).json()) as { paths: Record<string, Record<string, unknown>> };
    const methods = (path: string) => Object.keys(doc.paths[`/api/v1/companies/{company}${path}`] ?? {}).sort();
    expect(methods('/collection-log')).toEqual(['get', 'post']);
    expect(methods('/promises')).toEqual(['get', 'post']);
    expect(methods('/holds')).toEqual(['get', 'post']);
    expect(methods('/holds/{id}/end')).toEqual(['post']);
    expect(methods('/customers/{id}/collection')).toEqual(['patch']);
  });
});
