import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { prisma } from '@/lib/db/client';
import { agingParamsInput, agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { exportAgingReport } from '@/lib/receivables/export-aging-report';
import { writeCsv } from '@/lib/reports/write-csv';
import type { AgingParams } from '@/lib/receivables/aging-params';
import type { CompanyAccess } from '@/lib/auth/get-company-access';

const exportCsv = async (acc: CompanyAccess, p: AgingParams, now: Date) => ({
  csv: await new Response(writeCsv(await exportAgingReport(acc, p, 'csv', now))).text(),
});

const T = new Date('2026-03-10T12:00:00Z');
const AS_OF = '2026-03-10';
let co: TestCompany;
let adminId: string;
let limitedId: string;
let cu: Record<'able' | 'baker' | 'cole' | 'dune', string>;
let coleL2Invoice: string;

const params = (q: Record<string, string> = {}) => agingParamsSchema.parse(agingParamsInput((k) => ({ asOf: AS_OF, ...q })[k]));
const page = async (userId: string, q: Record<string, string> = {}) => getAgingPage(await access(userId, co.slug), params(q), T);
const names = async (userId: string, q: Record<string, string>) => (await page(userId, q)).rows.map((r) => r.customer.name);

beforeAll(async () => {
  co = await createCompany({ locations: ['North', 'South'] });
  const [l1, l2] = co.locations.map((l) => l.id) as [string, string];
  adminId = (await createMember(co, 'admin')).id;
  limitedId = (await createMember(co, 'member', { view: [l1], modify: [l1] })).id;
  const made = await createCustomers(co.id, [
    { name: 'Able', defaultLocationId: l1 },
    { name: 'Baker', defaultLocationId: l1 },
    { name: 'Cole', defaultLocationId: l1 },
    { name: 'Dune', defaultLocationId: l2 },
  ]);
  cu = { able: made[0]!.id, baker: made[1]!.id, cole: made[2]!.id, dune: made[3]!.id };
  const inv = (customerId: string, locationId: string, dueDate: string, amount: number) => ({
    customerId,
    locationId,
    invoiceDate: '2026-01-01',
    dueDate,
    amount,
  });
  const invoices = await createInvoices(co.id, [
    inv(cu.able, l1, '2026-02-01', 10_000),
    inv(cu.baker, l1, '2026-02-15', 20_000),
    inv(cu.cole, l1, '2026-03-01', 30_000),
    inv(cu.cole, l2, '2026-03-01', 5_000),
    inv(cu.dune, l2, '2026-01-01', 40_000),
  ]);
  coleL2Invoice = invoices[3]!;
  // Contacts by a person (the trigger keeps customers.last_contact_at); a note is not a contact.
  await prisma.$executeRaw`INSERT INTO collection_entries (company_id, customer_id, kind, occurred_at, user_id) VALUES
    (${co.id}::uuid, ${cu.able}::uuid, 'call', '2026-03-01T10:00:00Z', ${adminId}::uuid),
    (${co.id}::uuid, ${cu.baker}::uuid, 'email', '2026-02-01T09:00:00Z', ${adminId}::uuid),
    (${co.id}::uuid, ${cu.cole}::uuid, 'note', '2026-03-09T09:00:00Z', ${adminId}::uuid)`;
  await prisma.$executeRaw`UPDATE customers SET next_action = 'escalate', next_action_on = '2026-03-20' WHERE company_id = ${co.id}::uuid AND id = ${cu.able}::uuid`;
  await prisma.$executeRaw`INSERT INTO payment_promises (company_id, customer_id, currency, amount_minor, promised_on, made_on, followed_up_at) VALUES
    (${co.id}::uuid, ${cu.able}::uuid, 'USD', 10000, '2026-03-15', '2026-03-01', NULL),
    (${co.id}::uuid, ${cu.baker}::uuid, 'USD', 20000, '2026-03-05', '2026-03-01', NULL),
    (${co.id}::uuid, ${cu.dune}::uuid, 'USD', 40000, '2026-02-05', '2026-02-01', '2026-02-07T00:00:00Z')`;
  await prisma.$executeRaw`INSERT INTO collection_holds (company_id, customer_id, invoice_id, kind, reason, starts_on, ends_on) VALUES
    (${co.id}::uuid, ${cu.cole}::uuid, ${coleL2Invoice}::uuid, 'dispute', 'Wrong quantity', '2026-03-02', NULL),
    (${co.id}::uuid, ${cu.cole}::uuid, NULL, 'hold', 'Awaiting PO', '2026-03-01', '2026-03-31'),
    (${co.id}::uuid, ${cu.dune}::uuid, NULL, 'hold', 'Expired', '2026-02-01', '2026-03-05')`;
});

describe('aging grid: collections columns and filters', () => {
  it('each row carries last contact, next action, promise badge and hold badge', async () => {
    const report = await page(adminId);
    const byName = Object.fromEntries(report.rows.map((r) => [r.customer.name, r.collections]));
    expect(byName.Able).toEqual({
      lastContactAt: '2026-03-01T10:00:00.000Z',
      lastContactKind: 'call',
      nextAction: 'escalate',
      nextActionOn: '2026-03-20',
      promise: { id: expect.any(String), state: 'pending', amountMinor: 10_000, currency: 'USD', promisedOn: '2026-03-15' },
      hold: null,
    });
    expect(byName.Baker).toMatchObject({
      lastContactAt: '2026-02-01T09:00:00.000Z',
      lastContactKind: 'email',
      promise: { state: 'broken', amountMinor: 20_000, promisedOn: '2026-03-05' },
      hold: null,
    });
    // A dispute shows before a hold; both count.
    expect(byName.Cole).toEqual({
      lastContactAt: null,
      lastContactKind: null,
      nextAction: null,
      nextActionOn: null,
      promise: null,
      hold: { kind: 'dispute', reason: 'Wrong quantity', endsOn: null, invoiceId: coleL2Invoice, count: 2 },
    });
    // A followed-up broken promise and an expired hold show nothing.
    expect(byName.Dune).toMatchObject({ promise: null, hold: null });
  });

  it('filters: not contacted in N days, broken promise, on hold, combined', async () => {
    expect(await names(adminId, { notContactedDays: '14' })).toEqual(['Baker', 'Cole', 'Dune']);
    expect(await names(adminId, { notContactedDays: '60' })).toEqual(['Cole', 'Dune']);
    // Able was called on 2026-03-01 at 10:00: within 9 days (from the start of that day), not within 8.
    expect(await names(adminId, { notContactedDays: '9' })).toEqual(['Baker', 'Cole', 'Dune']);
    expect(await names(adminId, { notContactedDays: '8' })).toEqual(['Able', 'Baker', 'Cole', 'Dune']);
    expect(await names(adminId, { brokenPromise: '1' })).toEqual(['Baker']);
    expect(await names(adminId, { onHold: 'true' })).toEqual(['Cole']);
    expect(await names(adminId, { onHold: '1', notContactedDays: '14', sort: '-total' })).toEqual(['Cole']);
    expect(await names(adminId, { onHold: '0', brokenPromise: 'false' })).toEqual(['Able', 'Baker', 'Cole', 'Dune']);
    // The summary is the sum of the filtered rows.
    const held = await page(adminId, { onHold: '1' });
    expect([held.totalRows, held.summary.total, held.rows[0]!.total]).toEqual([1, 35_000, 35_000]);
    expect(() => params({ notContactedDays: '0' })).toThrow();
    expect(() => params({ onHold: 'yes' })).toThrow();
  });

  it('a restricted user: only their locations, and holds on invoices they cannot see are left out', async () => {
    expect(await names(limitedId, { notContactedDays: '14' })).toEqual(['Baker', 'Cole']);
    const held = await page(limitedId, { onHold: '1' });
    expect(held.rows.map((r) => [r.customer.name, r.total, r.collections.hold])).toEqual([
      ['Cole', 30_000, { kind: 'hold', reason: 'Awaiting PO', endsOn: '2026-03-31', invoiceId: null, count: 1 }],
    ]);
    expect(held.summary.total).toBe(30_000);
  });

  it('the CSV export carries the columns and follows the filters', async () => {
    const { csv } = await exportCsv(await access(adminId, co.slug), params({ notContactedDays: '14' }), T);
    const rows = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const pick = (r: string[]) => [
      r[0],
      r[col('Last contact')],
      r[col('Last contact kind')],
      r[col('Promise')],
      r[col('Promised amount')],
      r[col('Hold')],
      r[col('Hold reason')],
    ];
    // The customers, then the Total and Share of total rows.
    expect(rows.slice(-2).map((r) => r[0])).toEqual(['Total', 'Share of total']);
    expect(rows.slice(1, -2).map(pick)).toEqual([
      ['Baker', '2026-02-01T09:00:00.000Z', 'email', 'broken', '200.00', '', ''],
      ['Cole', '', '', '', '', 'dispute', 'Wrong quantity'],
      ['Dune', '', '', '', '', '', ''],
    ]);
    const able = (await exportCsv(await access(adminId, co.slug), params({ q: 'Able' }), T)).csv;
    const ableRow = (parse(able.replace(/^\uFEFF/, '')) as string[][])[1]!;
    expect([ableRow[col('Next action')], ableRow[col('Next action date')], ableRow[col('Promised date')]]).toEqual([
      'escalate',
      '2026-03-20',
      '2026-03-15',
    ]);
  });
});
