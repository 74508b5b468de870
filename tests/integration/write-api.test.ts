import { createCompany, createCustomers, createMember, createTokenFor, inRequestScope, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as customersPOST } from '@/app/api/v1/companies/[company]/customers/route';
import { PATCH as customerPATCH } from '@/app/api/v1/companies/[company]/customers/[id]/route';
import { POST as invoicesPOST } from '@/app/api/v1/companies/[company]/invoices/route';
import { POST as postPOST } from '@/app/api/v1/companies/[company]/invoices/[id]/post/route';
import { POST as writeOffPOST } from '@/app/api/v1/companies/[company]/invoices/[id]/write-offs/route';
import { POST as paymentsPOST } from '@/app/api/v1/companies/[company]/payments/route';
import { POST as applyPOST } from '@/app/api/v1/companies/[company]/payments/[id]/applications/route';
import { GET as openapiGET } from '@/app/api/v1/openapi.json/route';
import { prisma } from '@/lib/db/client';

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
async function send<P>(handler: Handler<P>, method: string, path: string, params: P, token: string, body?: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const req = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(params) }));
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed') === 'true',
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; issues?: { path: string }[] } },
  };
}

let company: TestCompany;
let token: string;
let viewerToken: string;
let otherToken: string;
let customerId: string;
const base = () => `/api/v1/companies/${company.slug}`;
const p = () => ({ company: company.slug });

beforeAll(async () => {
  company = await createCompany({ locations: 1 });
  const loc = company.locations[0]!.id;
  const manager = await createMember(company, 'member', { view: [loc], modify: [loc] });
  token = (await createTokenFor(company.id, manager.id)).secret;
  const viewer = await createMember(company, 'member', { view: [loc] });
  viewerToken = (await createTokenFor(company.id, viewer.id)).secret;
  const other = await createCompany({ locations: 1 });
  otherToken = (await createTokenFor(other.id, (await createMember(other, 'admin')).id)).secret;
  customerId = (await createCustomers(company.id, [{ name: 'Harbour Ltd', defaultLocationId: loc }]))[0]!.id;
});

const invoice = (over: object = {}) => ({
  number: 'API-1',
  customerId,
  locationId: company.locations[0]!.id,
  invoiceDate: '2026-01-10',
  dueDate: '2026-02-09',
  lines: [
    { description: 'Panel', quantity: '2', unitPrice: '150.00' },
    { description: 'Labor hours', quantity: '1.5', unitPrice: '80.00' },
  ],
  ...over,
});

describe('write API', () => {
  it('creates and updates customers, naming bad fields', async () => {
    const created = await send(customersPOST, 'POST', `${base()}/customers`, p(), token, {
      name: 'New Co',
      email: 'ap@new.example',
      defaultLocationId: company.locations[0]!.id,
    });
    expect(created.status).toBe(201);
    const bad = await send(customersPOST, 'POST', `${base()}/customers`, p(), token, {
      name: 'Bad',
      email: 'not-an-email',
      defaultLocationId: company.locations[0]!.id,
    });
    expect([bad.status, bad.body.error?.issues?.[0]?.path]).toEqual([400, 'email']);
    const updated = await send(customerPATCH, 'PATCH', `${base()}/customers/${created.body.id}`, { ...p(), id: String(created.body.id) }, token, {
      city: 'Leeds',
    });
    expect(updated.status).toBe(200);
    expect((await prisma.customer.findFirstOrThrow({ where: { companyId: company.id, id: String(created.body.id) } })).city).toBe('Leeds');
  });

  it('creates an invoice from lines, idempotent by number: same request 200, different 409', async () => {
    const first = await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), token, invoice());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 'API-1', status: 'draft', amountMinor: 42_000, created: true });
    const again = await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), token, invoice());
    expect([again.status, again.body.id, again.body.created]).toEqual([200, first.body.id, false]);
    const conflict = await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), token, invoice({ dueDate: '2026-03-01' }));
    expect([conflict.status, conflict.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(await prisma.invoice.count({ where: { companyId: company.id, number: 'API-1' } })).toBe(1);
    const mismatch = await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), token, invoice({ number: 'API-2', amount: '1.00' }));
    expect([mismatch.status, mismatch.body.error?.issues?.[0]?.path]).toEqual([400, 'amount']);
  });

  it('posts, takes a payment, applies a customer payment and writes off the rest', async () => {
    const id = String((await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), token, invoice())).body.id);
    expect((await send(postPOST, 'POST', `${base()}/invoices/${id}/post`, { ...p(), id }, token)).body).toEqual({ status: 'open' });
    const cheque = { invoiceId: id, amount: '100.00', receivedOn: '2026-02-01', reference: 'API-CHK-1' };
    const pay = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, cheque, 'retry-me-1');
    expect([pay.status, pay.body.appliedMinor, pay.replayed]).toEqual([201, 10_000, false]);
    // A retry with the same key and body answers the same and writes nothing; another body under that key is a 409.
    const retry = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, cheque, 'retry-me-1');
    expect([retry.status, retry.body, retry.replayed]).toEqual([201, pay.body, true]);
    const misuse = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, { ...cheque, amount: '5.00' }, 'retry-me-1');
    expect([misuse.status, misuse.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(await prisma.payment.count({ where: { companyId: company.id, reference: 'API-CHK-1' } })).toBe(1);
    const onAccount = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, {
      customerId,
      amount: '300',
      receivedOn: '2026-02-02',
      reference: 'API-WIRE-1',
    });
    const applied = await send(
      applyPOST,
      'POST',
      `${base()}/payments/${onAccount.body.paymentId}/applications`,
      { ...p(), id: String(onAccount.body.paymentId) },
      token,
      { allocations: [{ invoiceId: id, amount: '300.00' }], appliedOn: '2026-02-03' },
    );
    expect([applied.status, applied.body.unappliedMinor]).toEqual([200, 0]);
    const wo = await send(writeOffPOST, 'POST', `${base()}/invoices/${id}/write-offs`, { ...p(), id }, token, {
      reason: 'other',
      description: 'Rounding',
    });
    expect([wo.status, wo.body.balanceMinor, wo.body.status]).toEqual([201, 0, 'written_off']);
  });

  it('Idempotency-Key: two retries at once write once; a refused request frees its key for the corrected one', async () => {
    const body = { customerId, amount: '12.00', receivedOn: '2026-02-04', reference: 'API-RACE' };
    const both = await Promise.all([1, 2].map(() => send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, body, 'race-key')));
    expect(both.map((r) => r.status).sort()).toEqual(expect.arrayContaining([201]));
    expect(both.every((r) => r.status === 201 || (r.status === 409 && r.body.error?.code === 'CONFLICT'))).toBe(true);
    expect(await prisma.payment.count({ where: { companyId: company.id, reference: 'API-RACE' } })).toBe(1);

    const bad = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, { ...body, amount: '-1', reference: 'API-FIXED' }, 'fix-key');
    expect(bad.status).toBe(400);
    const fixed = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, { ...body, reference: 'API-FIXED' }, 'fix-key');
    expect([fixed.status, fixed.replayed]).toEqual([201, false]);
    const badKey = await send(paymentsPOST, 'POST', `${base()}/payments`, p(), token, body, 'x'.repeat(300));
    expect([badKey.status, badKey.body.error?.issues?.[0]?.path]).toEqual([400, 'Idempotency-Key']);
  });

  it("view-only users get 403, another company's token 404, a non-JSON body 400", async () => {
    const denied = await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), viewerToken, invoice({ number: 'API-VIEW' }));
    expect(denied.status).toBe(403);
    const foreign = await send(invoicesPOST, 'POST', `${base()}/invoices`, p(), otherToken, invoice({ number: 'API-X' }));
    expect(foreign.status).toBe(404);
    const req = new Request(`http://localhost${base()}/payments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'nope' });
    const res = await inRequestScope(req, () => paymentsPOST(req, { params: Promise.resolve(p()) }));
    expect(res.status).toBe(400);
  });

  it("publishes an OpenAPI document generated from the handlers' schemas", async () => {
    const doc = (await (await openapiGET()).json()) as {
      openapi: string;
      paths: Record<string, { post?: { requestBody: { content: { 'application/json': { schema: { properties: object; required: string[] } } } } } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const schema = doc.paths['/api/v1/companies/{company}/invoices']!.post!.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['number', 'customerId', 'locationId', 'lines', 'post', 'dueDate', 'billSourceId']),
    );
    // The due date may come from the customer's payment terms.
    expect(schema.required).toEqual(expect.arrayContaining(['number', 'customerId', 'locationId', 'invoiceDate']));
    expect(schema.required).not.toContain('dueDate');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/companies/{company}/payments', '/api/v1/companies/{company}/credit-notes/{id}/applications']),
    );
  });
});
