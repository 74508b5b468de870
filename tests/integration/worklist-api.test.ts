import { createCompany, createCustomers, createInvoices, createMember, createTokenFor, inRequestScope, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { GET as worklistGET } from '@/app/api/v1/companies/[company]/worklist/route';
import { POST as completePOST } from '@/app/api/v1/companies/[company]/worklist/complete/route';
import { POST as reassignPOST } from '@/app/api/v1/companies/[company]/customers/reassign/route';

type Handler = (req: Request, ctx: { params: Promise<{ company: string }> }) => Promise<Response>;
type Body = Record<string, unknown> & { items?: { type: string; id: string; customer: { name: string } }[]; error?: { code: string } };
async function send(handler: Handler, method: string, path: string, slug: string, token: string, body?: unknown, key?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (key) headers['idempotency-key'] = key;
  const req = new Request(`http://localhost/api/v1/companies/${slug}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve({ company: slug }) }));
  return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', body: (await res.json()) as Body };
}

let co: TestCompany;
let other: TestCompany;
let tokens: { admin: string; collector: string; viewer: string; foreign: string };
let collectorId: string;
let customers: { id: string; name: string }[];
let foreignCustomer: string;

beforeAll(async () => {
  co = await createCompany({ locations: 1 });
  other = await createCompany({ locations: 1 });
  const loc = co.locations[0]!.id;
  const admin = await createMember(co, 'admin');
  const collector = await createMember(co, 'member', { view: [loc], modify: [loc] });
  const viewer = await createMember(co, 'member', { view: [loc] });
  collectorId = collector.id;
  tokens = {
    admin: (await createTokenFor(co.id, admin.id)).secret,
    collector: (await createTokenFor(co.id, collector.id)).secret,
    viewer: (await createTokenFor(co.id, viewer.id)).secret,
    foreign: (await createTokenFor(other.id, (await createMember(other, 'admin')).id)).secret,
  };
  customers = await createCustomers(co.id, [
    { name: 'Api One', defaultLocationId: loc },
    { name: 'Api Two', defaultLocationId: loc },
  ]);
  foreignCustomer = (await createCustomers(other.id, [{ name: 'Foreign', defaultLocationId: other.locations[0]!.id }]))[0]!.id;
  await createInvoices(co.id, [{ customerId: customers[1]!.id, locationId: loc, invoiceDate: '2025-01-01', dueDate: '2025-02-01', amount: 9_000 }]);
  // Due today (the routes use the real clock): next actions on both.
  const today = todayInTimeZone(co.timeZone);
  await prisma.$executeRaw`UPDATE customers SET next_action = 'call_back', next_action_on = ${today}::date WHERE company_id = ${co.id}::uuid`;
});

describe('worklist API', () => {
  it('GET lists by money at risk with the page filters; a collector is refused everyone', async () => {
    const all = await send(worklistGET, 'GET', '/worklist', co.slug, tokens.admin);
    expect(all.status).toBe(200);
    expect(all.body.items!.map((i) => [i.type, i.customer.name])).toEqual([
      ['next_action', 'Api Two'],
      ['next_action', 'Api One'],
    ]);
    expect(all.body).toMatchObject({ scope: 'everyone', totalRows: 2, page: 1, perPage: 50 });
    expect((await send(worklistGET, 'GET', '/worklist?type=task', co.slug, tokens.admin)).body.items).toEqual([]);
    expect((await send(worklistGET, 'GET', '/worklist', co.slug, tokens.collector)).body.items).toEqual([]);
    expect((await send(worklistGET, 'GET', '/worklist?scope=unassigned', co.slug, tokens.collector)).body.totalRows).toBe(2);
    expect((await send(worklistGET, 'GET', '/worklist?scope=everyone', co.slug, tokens.collector)).status).toBe(403);
    expect((await send(worklistGET, 'GET', '/worklist?perPage=0', co.slug, tokens.admin)).status).toBe(400);
    expect((await send(worklistGET, 'GET', '/worklist', co.slug, tokens.foreign)).status).toBe(404);
  });

  it('POST customers/reassign: managers only, ids of this company, collector a member', async () => {
    const body = { customerIds: [customers[0]!.id], collectorId };
    expect((await send(reassignPOST, 'POST', '/customers/reassign', co.slug, tokens.collector, body)).status).toBe(403);
    expect((await send(reassignPOST, 'POST', '/customers/reassign', co.slug, tokens.admin, { ...body, customerIds: [foreignCustomer] })).status).toBe(
      404,
    );
    expect((await send(reassignPOST, 'POST', '/customers/reassign', co.slug, tokens.foreign, body)).status).toBe(404);
    const ok = await send(reassignPOST, 'POST', '/customers/reassign', co.slug, tokens.admin, body);
    expect([ok.status, ok.body]).toEqual([200, { updated: 1 }]);
    const mine = await send(worklistGET, 'GET', '/worklist', co.slug, tokens.collector);
    expect(mine.body.items!.map((i) => i.customer.name)).toEqual(['Api One']);
  });

  it('POST worklist/complete writes the entry once per Idempotency-Key and clears the item', async () => {
    const body = { type: 'next_action', id: customers[0]!.id, kind: 'call', outcome: 'Paying Friday' };
    expect((await send(completePOST, 'POST', '/worklist/complete', co.slug, tokens.viewer, body)).status).toBe(403);
    expect((await send(completePOST, 'POST', '/worklist/complete', co.slug, tokens.collector, { ...body, id: foreignCustomer })).status).toBe(404);
    const bad = await send(completePOST, 'POST', '/worklist/complete', co.slug, tokens.collector, { ...body, kind: 'fax' });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'BAD_REQUEST']);
    const first = await send(completePOST, 'POST', '/worklist/complete', co.slug, tokens.collector, body, 'wl-1');
    expect(first.status).toBe(201);
    const again = await send(completePOST, 'POST', '/worklist/complete', co.slug, tokens.collector, body, 'wl-1');
    expect([again.status, again.replayed, again.body]).toEqual([201, true, first.body]);
    expect(await prisma.collectionEntry.count({ where: { companyId: co.id, source: 'worklist' } })).toBe(1);
    expect((await send(completePOST, 'POST', '/worklist/complete', co.slug, tokens.collector, body)).status).toBe(409);
    expect((await send(worklistGET, 'GET', '/worklist', co.slug, tokens.collector)).body.items).toEqual([]);
  });
});
