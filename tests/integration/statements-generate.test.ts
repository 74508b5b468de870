// fixtures first: it prepares Next's runtime globals before the server actions load.
import {
  access,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  setCompanySettings,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { generateStatements, type GenerateResult } from '@/lib/statements/generate-statements';
import { statementSnapshotSchema } from '@/lib/statements/statement-snapshot';

const AS_OF = '2026-06-30';

interface Tenant {
  company: TestCompany;
  acc: CompanyAccess;
  userId: string;
  customers: TestCustomer[];
}

/** A company with one admin and customers that each owe one past-due USD invoice of 10.00, 20.00, ... */
async function tenant(names: string[]): Promise<Tenant> {
  const company = await createCompany();
  const user = await createMember(company, 'admin');
  const customers = await createCustomers(company.id, names);
  await createInvoices(
    company.id,
    customers.map((cu, i) => ({
      customerId: cu.id,
      locationId: company.locations[0]!.id,
      invoiceDate: '2026-05-01',
      dueDate: '2026-05-31',
      amount: 1_000 * (i + 1),
    })),
  );
  return { company, acc: await access(user.id, company.slug), userId: user.id, customers };
}

/** How many statements each customer has, by name. */
async function statementCounts(t: Tenant): Promise<Record<string, number>> {
  const rows = await prisma.invoiceStatement.groupBy({ by: ['customerId'], where: { companyId: t.company.id }, _count: true });
  return Object.fromEntries(t.customers.map((cu) => [cu.name, rows.find((r) => r.customerId === cu.id)?._count ?? 0]));
}

const counts = (r: GenerateResult) => ({
  created: r.created,
  capHit: r.capHit,
  limit: r.limit,
  remaining: r.remaining,
  failures: r.failures,
  skipped: r.skipped,
});

describe('a Generate run', () => {
  let company: TestCompany;
  let acc: CompanyAccess;
  let userId: string;
  let rich: TestCustomer;
  let solo: TestCustomer;
  let result: GenerateResult;
  let north: string;
  let south: string;

  beforeAll(async () => {
    company = await createCompany({ locations: ['North', 'South'] });
    [north, south] = company.locations.map((l) => l.id) as [string, string];
    userId = (await createMember(company, 'admin')).id;
    acc = await access(userId, company.slug);
    [rich, solo] = (await createCustomers(company.id, [
      { name: 'Rich Co', email: 'ap@rich.example', addressLine1: '1 Harbour Road', city: 'Portsmouth', postalCode: 'PO1 3AA', country: 'GB' },
      { name: 'Solo Co' },
      { name: 'Settled Co' },
    ])) as [TestCustomer, TestCustomer, TestCustomer];
    const settled = (await prisma.customer.findFirstOrThrow({ where: { companyId: company.id, name: 'Settled Co' } })).id;
    await createInvoices(company.id, [
      { number: 'R-PENDING', customerId: rich.id, locationId: north, invoiceDate: '2026-07-05', dueDate: '2026-08-04', amount: 1_111 },
      { number: 'R-CURRENT', customerId: rich.id, locationId: north, invoiceDate: '2026-05-31', dueDate: '2026-06-30', amount: 2_000 },
      { number: 'R-15', customerId: rich.id, locationId: north, invoiceDate: '2026-05-16', dueDate: '2026-06-15', amount: 5_000, balance: 3_000 },
      { number: 'R-60', customerId: rich.id, locationId: south, invoiceDate: '2026-04-01', dueDate: '2026-05-01', amount: 4_000 },
      { number: 'R-91', customerId: rich.id, locationId: south, invoiceDate: '2026-03-01', dueDate: '2026-03-31', amount: 8_000 },
      {
        number: 'R-PAID',
        customerId: rich.id,
        locationId: north,
        invoiceDate: '2026-03-01',
        dueDate: '2026-03-31',
        amount: 7_000,
        balance: 0,
        status: 'paid',
      },
      { number: 'R-EUR', customerId: rich.id, locationId: north, invoiceDate: '2026-03-01', dueDate: '2026-03-31', amount: 6_000, currency: 'EUR' },
      { number: 'S-1', customerId: solo.id, locationId: south, invoiceDate: '2026-05-30', dueDate: '2026-06-29', amount: 999 },
      {
        number: 'P-1',
        customerId: settled,
        locationId: north,
        invoiceDate: '2026-03-01',
        dueDate: '2026-03-31',
        amount: 500,
        balance: 0,
        status: 'paid',
      },
    ]);
    result = await generateStatements(acc, { mode: 'open', asOf: AS_OF });
  });

  it('creates one statement per eligible customer and reports it', () => {
    expect(result).toEqual({
      batchId: expect.any(String),
      created: 2,
      emailed: 0,
      failures: [],
      warnings: [],
      skipped: 0,
      capHit: false,
      limit: 100,
      remaining: 0,
      next: null,
    });
  });

  it('stores a snapshot whose buckets add up to the total and lists each open invoice with its days past due', async () => {
    const s = await prisma.invoiceStatement.findFirstOrThrow({ where: { companyId: company.id, customerId: rich.id } });
    expect({ ...s, snapshot: undefined, locationIds: [...s.locationIds].sort(), id: undefined, createdAt: undefined }).toEqual({
      companyId: company.id,
      customerId: rich.id,
      batchId: result.batchId,
      asOf: new Date('2026-06-30T00:00:00Z'),
      currency: 'USD',
      totalMinor: 18_111n,
      invoiceCount: 5,
      locationIds: [north, south].sort(),
      createdBy: userId,
      snapshot: undefined,
      id: undefined,
      createdAt: undefined,
    });
    const snapshot = statementSnapshotSchema.parse(s.snapshot);
    expect(snapshot.customer).toEqual({ name: 'Rich Co', email: 'ap@rich.example', addressLines: ['1 Harbour Road', 'Portsmouth PO1 3AA', 'GB'] });
    expect(snapshot.buckets).toEqual([
      { key: 'pending', label: 'Pending', amountMinor: 1_111 },
      { key: 'current', label: 'Current', amountMinor: 2_000 },
      { key: 'days_1_30', label: '1-30', amountMinor: 3_000 },
      { key: 'days_31_60', label: '31-60', amountMinor: 4_000 },
      { key: 'days_61_90', label: '61-90', amountMinor: 0 },
      { key: 'days_91_plus', label: '91+', amountMinor: 8_000 },
    ]);
    expect(snapshot.buckets.reduce((sum, b) => sum + b.amountMinor, 0)).toBe(18_111);
    expect(snapshot.invoices.map((i) => [i.number, i.invoiceDate, i.dueDate, i.amountMinor, i.balanceMinor, i.daysPastDue])).toEqual([
      ['R-91', '2026-03-01', '2026-03-31', 8_000, 8_000, 91],
      ['R-60', '2026-04-01', '2026-05-01', 4_000, 4_000, 60],
      ['R-15', '2026-05-16', '2026-06-15', 5_000, 3_000, 15],
      ['R-CURRENT', '2026-05-31', '2026-06-30', 2_000, 2_000, 0],
      ['R-PENDING', '2026-07-05', '2026-08-04', 1_111, 1_111, -35],
    ]);
  });

  it('draws location_ids from the invoices on the statement only', async () => {
    const s = await prisma.invoiceStatement.findFirstOrThrow({ where: { companyId: company.id, customerId: solo.id } });
    expect({ locationIds: s.locationIds, total: s.totalMinor, count: s.invoiceCount }).toEqual({ locationIds: [south], total: 999n, count: 1 });
  });

  it('a customer with nothing open gets no statement', async () => {
    expect(await prisma.invoiceStatement.count({ where: { companyId: company.id } })).toBe(2);
  });

  it('keeps a batch row with the criteria and the outcome', async () => {
    const batch = await prisma.statementBatch.findUniqueOrThrow({ where: { companyId_id: { companyId: company.id, id: result.batchId } } });
    expect(batch).toEqual({
      companyId: company.id,
      id: result.batchId,
      createdBy: userId,
      criteria: {
        mode: 'open',
        thresholdMinor: null,
        locationIds: [north, south],
        skipRecent: 'none',
        currency: 'USD',
        customerIds: [],
        asOf: AS_OF,
        email: false,
        since: null,
        after: null,
      },
      createdCount: 2,
      failedCount: 0,
      failures: [],
      capHit: false,
      remainingCount: 0,
      createdAt: expect.any(Date),
      finishedAt: expect.any(Date),
    });
    expect(batch.finishedAt!.getTime()).toBeGreaterThanOrEqual(batch.createdAt.getTime());
    expect(await prisma.invoiceStatement.count({ where: { companyId: company.id, batchId: result.batchId } })).toBe(2);
  });

  it('writes the audit log entry statements.generate with criteria and counts', async () => {
    const logs = await prisma.auditLog.findMany({ where: { companyId: company.id, action: 'statements.generate' } });
    expect(logs.map(({ userId: u, targetType, targetId, details }) => ({ u, targetType, targetId, details }))).toEqual([
      {
        u: userId,
        targetType: 'statement_batch',
        targetId: result.batchId,
        details: {
          criteria: {
            mode: 'open',
            thresholdMinor: null,
            locationIds: [north, south],
            skipRecent: 'none',
            currency: 'USD',
            customerIds: [],
            asOf: AS_OF,
            email: false,
            since: null,
            after: null,
          },
          eligible: 2,
          created: 2,
          emailed: 0,
          failed: 0,
          skipped: 0,
          capHit: false,
          remaining: 0,
        },
      },
    ]);
  });

  it('records a threshold and Skip Recent window in the criteria', async () => {
    const now = new Date();
    const again = await generateStatements(acc, { mode: 'threshold', threshold: '9.98', skipRecent: '24h', asOf: AS_OF }, now);
    expect(counts(again)).toEqual({ created: 0, capHit: false, limit: 100, remaining: 0, failures: [], skipped: 0 });
    const batch = await prisma.statementBatch.findUniqueOrThrow({ where: { companyId_id: { companyId: company.id, id: again.batchId } } });
    expect(batch.criteria).toMatchObject({
      mode: 'threshold',
      thresholdMinor: 998,
      skipRecent: '24h',
      since: new Date(now.getTime() - 86_400_000).toISOString(),
    });
  });
});

describe('the bulk_generate_limit cap', () => {
  let t: Tenant;

  beforeAll(async () => {
    t = await tenant(['Cap A', 'Cap B', 'Cap C', 'Cap D', 'Cap E']);
    await setCompanySettings(t.company.id, { 'accounting.statements.bulk_generate_limit': 3 });
  });

  it('makes at most the limit, then a rerun with Skip Recent picks up the rest, then nothing is left', async () => {
    const first = await generateStatements(t.acc, { mode: 'open', asOf: AS_OF });
    expect(counts(first)).toEqual({ created: 3, capHit: true, limit: 3, remaining: 2, failures: [], skipped: 0 });
    expect(await statementCounts(t)).toEqual({ 'Cap A': 1, 'Cap B': 1, 'Cap C': 1, 'Cap D': 0, 'Cap E': 0 });
    const batch = await prisma.statementBatch.findUniqueOrThrow({ where: { companyId_id: { companyId: t.company.id, id: first.batchId } } });
    expect({ capHit: batch.capHit, remaining: batch.remainingCount, created: batch.createdCount }).toEqual({
      capHit: true,
      remaining: 2,
      created: 3,
    });

    const second = await generateStatements(t.acc, { mode: 'open', asOf: AS_OF, skipRecent: '1w' });
    expect(counts(second)).toEqual({ created: 2, capHit: false, limit: 3, remaining: 0, failures: [], skipped: 0 });
    expect(await statementCounts(t)).toEqual({ 'Cap A': 1, 'Cap B': 1, 'Cap C': 1, 'Cap D': 1, 'Cap E': 1 });

    const third = await generateStatements(t.acc, { mode: 'open', asOf: AS_OF, skipRecent: '1w' });
    expect(counts(third)).toEqual({ created: 0, capHit: false, limit: 3, remaining: 0, failures: [], skipped: 0 });
    expect(Object.values(await statementCounts(t))).toEqual([1, 1, 1, 1, 1]);
  });

  it('Generate next batch with Skip Recent None continues after the last batch instead of repeating it', async () => {
    const u = await tenant(['Next A', 'Next B', 'Next C', 'Next D', 'Next E']);
    await setCompanySettings(u.company.id, { 'accounting.statements.bulk_generate_limit': 2 });
    const first = await generateStatements(u.acc, { mode: 'open', asOf: AS_OF, skipRecent: 'none' });
    expect({ ...counts(first), next: first.next?.name }).toEqual({
      created: 2,
      capHit: true,
      limit: 2,
      remaining: 3,
      failures: [],
      skipped: 0,
      next: 'Next B',
    });
    const second = await generateStatements(u.acc, { mode: 'open', asOf: AS_OF, skipRecent: 'none', after: first.next! });
    expect({ ...counts(second), next: second.next?.name }).toEqual({
      created: 2,
      capHit: true,
      limit: 2,
      remaining: 1,
      failures: [],
      skipped: 0,
      next: 'Next D',
    });
    const third = await generateStatements(u.acc, { mode: 'open', asOf: AS_OF, skipRecent: 'none', after: second.next! });
    expect({ ...counts(third), next: third.next }).toEqual({
      created: 1,
      capHit: false,
      limit: 2,
      remaining: 0,
      failures: [],
      skipped: 0,
      next: null,
    });
    expect(await statementCounts(u)).toEqual({ 'Next A': 1, 'Next B': 1, 'Next C': 1, 'Next D': 1, 'Next E': 1 });
  });

  it('an invalid setting falls back to 100', async () => {
    const u = await tenant(['Fallback A', 'Fallback B']);
    await setCompanySettings(u.company.id, { 'accounting.statements.bulk_generate_limit': 0 });
    expect(counts(await generateStatements(u.acc, { mode: 'open', asOf: AS_OF }))).toMatchObject({ created: 2, limit: 100, capHit: false });
  });
});

describe('a customer whose statement fails', () => {
  let t: Tenant;
  const tag = randomBytes(4).toString('hex');
  const fn = `test_fail_statement_${tag}`;
  // 300 characters; the emoji (two UTF-16 units) sits where a 180-character cut falls.
  const HEAD = 'Credit hold on this account: ';
  const MESSAGE = `${HEAD}${'x'.repeat(149)}😀${'y'.repeat(120)}`;
  let plpgsql = true;

  beforeAll(async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    t = await tenant(['Able Co', 'Broken Co', 'Calm Co']);
    expect(MESSAGE).toHaveLength(300);
    const languages = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_language WHERE lanname = 'plpgsql'`;
    plpgsql = Number(languages[0]!.n) === 1;
    if (!plpgsql) return;
    await prisma.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${MESSAGE}'; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON invoice_statements FOR EACH ROW
      WHEN (NEW.customer_id = '${t.customers[1]!.id}'::uuid) EXECUTE FUNCTION ${fn}()`);
  });

  afterAll(async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${fn} ON invoice_statements`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${fn}()`);
    vi.restoreAllMocks();
  });

  it("is listed by name with the database's reason, at most 180 characters; the others are created", async () => {
    expect(plpgsql).toBe(true);
    const result = await generateStatements(t.acc, { mode: 'open', asOf: AS_OF });
    expect(await statementCounts(t)).toEqual({ 'Able Co': 1, 'Broken Co': 0, 'Calm Co': 1 });
    // Nothing comes after the last customer; the failure is listed, and a run without `after` picks it up again.
    expect({ created: result.created, remaining: result.remaining, next: result.next }).toEqual({ created: 2, remaining: 0, next: null });
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect({ customerId: failure!.customerId, customerName: failure!.customerName }).toEqual({
      customerId: t.customers[1]!.id,
      customerName: 'Broken Co',
    });
    expect(failure!.reason.length).toBeLessThanOrEqual(180);
    expect(failure!.reason.endsWith('…')).toBe(true);
    // No lone half of a surrogate pair (PostgreSQL's jsonb refuses one).
    expect(failure!.reason).not.toMatch(/\p{Cs}/u);
    // What the user reads is why it failed, not where in the source code.
    expect(failure!.reason).not.toContain('/lib/');
    expect(failure!.reason.startsWith(HEAD)).toBe(true);

    const batch = await prisma.statementBatch.findUniqueOrThrow({ where: { companyId_id: { companyId: t.company.id, id: result.batchId } } });
    expect({ failed: batch.failedCount, failures: batch.failures, created: batch.createdCount }).toEqual({
      failed: 1,
      failures: result.failures,
      created: 2,
    });
    const log = await prisma.auditLog.findFirstOrThrow({ where: { companyId: t.company.id, action: 'statements.generate' } });
    expect(log.details).toMatchObject({ failed: 1, created: 2, eligible: 3 });
  });
});

describe('two runs at once, and a rerun after a run that stopped half-way', () => {
  it('two simultaneous runs with Skip Recent give each customer exactly one statement', async () => {
    const t = await tenant(['Twin A', 'Twin B', 'Twin C', 'Twin D']);
    const input = { mode: 'open', asOf: AS_OF, skipRecent: '1w' };
    const [a, b] = await Promise.all([generateStatements(t.acc, input), generateStatements(t.acc, input)]);
    expect(await statementCounts(t)).toEqual({ 'Twin A': 1, 'Twin B': 1, 'Twin C': 1, 'Twin D': 1 });
    expect(a.created + b.created).toBe(4);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect([a.remaining, b.remaining]).toEqual([0, 0]);
  });

  it('a rerun for everyone after a partial run creates only the missing statements', async () => {
    const t = await tenant(['Half A', 'Half B', 'Half C', 'Half D']);
    const partial = await generateStatements(t.acc, { mode: 'open', asOf: AS_OF, customerIds: [t.customers[0]!.id, t.customers[2]!.id] });
    expect(partial.created).toBe(2);
    const rerun = await generateStatements(t.acc, { mode: 'open', asOf: AS_OF, skipRecent: '1w' });
    expect(counts(rerun)).toEqual({ created: 2, capHit: false, limit: 100, remaining: 0, failures: [], skipped: 0 });
    expect(await statementCounts(t)).toEqual({ 'Half A': 1, 'Half B': 1, 'Half C': 1, 'Half D': 1 });
  });
});
