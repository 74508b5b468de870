// fixtures first: it prepares Next's runtime globals before the server actions load.
import {
  access,
  addDays,
  asUser,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewStatementsAction } from '@/lib/actions/statements/preview-statements';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { findEligibleCustomers } from '@/lib/statements/find-eligible-customers';
import { previewStatements } from '@/lib/statements/preview-statements';
import { resolveStatementCriteria, type StatementCriteriaInput } from '@/lib/statements/statement-criteria';

// Who a statement run would cover, read through previewStatements (the modal's count) and, for the names behind
// the count, the same eligibility query Generate uses. The as-of date and the clock are pinned.

const AS_OF = '2026-06-30';
const NOW = new Date('2026-07-01T12:00:00.000Z');

let company: TestCompany;
let admin: CompanyAccess;
let adminUserId: string;
let c: Record<string, TestCustomer>;

async function preview(input: StatementCriteriaInput, acc = admin): Promise<number> {
  return (await previewStatements(acc, { asOf: AS_OF, ...input }, NOW)).eligible;
}

/** The eligible customers' names, in the order Generate would take them. */
async function eligibleNames(input: StatementCriteriaInput, acc = admin): Promise<string[]> {
  const found = await findEligibleCustomers(resolveStatementCriteria(acc, { asOf: AS_OF, ...input }, NOW), 1000);
  expect(found.count).toBe(found.customers.length);
  expect(await preview(input, acc)).toBe(found.count);
  return found.customers.map((x) => x.name);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const [north, south] = company.locations.map((l) => l.id) as [string, string];
  const user = await createMember(company, 'admin');
  adminUserId = user.id;
  admin = await access(user.id, company.slug);
  const names = ['Future Fay', 'Late Lou', 'Today Tom', 'Exact Ed', 'Above Al', 'Paid Paula', 'Euro Eve', 'South Sam', 'Partly Pete'];
  const list = await createCustomers(company.id, names);
  c = Object.fromEntries(list.map((x) => [x.name.split(' ')[0]!, x]));
  const inv = (customer: TestCustomer, dueDate: string, amount: number, more: Partial<Parameters<typeof createInvoices>[1][number]> = {}) => ({
    customerId: customer.id,
    locationId: north,
    invoiceDate: addDays(dueDate, -30),
    dueDate,
    amount,
    ...more,
  });
  await createInvoices(company.id, [
    // Not yet due: open, but nothing past due.
    inv(c.Future!, '2026-07-15', 10_000),
    // One day past due.
    inv(c.Late!, '2026-06-29', 5_000),
    // Due on the as-of date: not past due.
    inv(c.Today!, AS_OF, 7_000),
    // Exactly 500.00 in two invoices, and 500.01.
    inv(c.Exact!, '2026-07-20', 30_000),
    inv(c.Exact!, '2026-07-21', 20_000),
    inv(c.Above!, '2026-07-20', 50_001),
    // Owes nothing that counts: paid, void, draft and an open invoice with no balance left, all long past due.
    inv(c.Paid!, '2026-01-31', 90_000, { status: 'paid', balance: 0 }),
    inv(c.Paid!, '2026-01-31', 80_000, { status: 'void' }),
    inv(c.Paid!, '2026-01-31', 70_000, { status: 'draft' }),
    inv(c.Paid!, '2026-01-31', 60_000, { balance: 0 }),
    // Only euros, long past due.
    inv(c.Euro!, '2026-02-28', 99_000, { currency: 'EUR' }),
    // Only in South, past due.
    inv(c.South!, '2026-05-31', 4_000, { locationId: south }),
    // 1,000.00 invoiced, 0.01 still open and past due.
    inv(c.Partly!, '2026-06-01', 100_000, { balance: 1 }),
  ]);
});

describe('eligibility modes', () => {
  it('Open counts every customer with an open balance in the currency, paid/void/draft/zero never', async () => {
    expect(await eligibleNames({ mode: 'open' })).toEqual([
      'Above Al',
      'Exact Ed',
      'Future Fay',
      'Late Lou',
      'Partly Pete',
      'South Sam',
      'Today Tom',
    ]);
  });

  it('Past Due counts only customers with an amount due before the as-of date', async () => {
    expect(await eligibleNames({ mode: 'past_due' })).toEqual(['Late Lou', 'Partly Pete', 'South Sam']);
  });

  it('Past Due follows the as-of date: a day later, what was due on it is past due', async () => {
    expect(await eligibleNames({ mode: 'past_due', asOf: '2026-07-01' })).toEqual(['Late Lou', 'Partly Pete', 'South Sam', 'Today Tom']);
    expect(await preview({ mode: 'past_due', asOf: '2026-06-01' })).toBe(1);
  });

  it('Threshold counts totals strictly above the amount: equal is not eligible', async () => {
    expect(await eligibleNames({ mode: 'threshold', threshold: '500' })).toEqual(['Above Al']);
    expect(await eligibleNames({ mode: 'threshold', threshold: '500.00' })).toEqual(['Above Al']);
    expect(await eligibleNames({ mode: 'threshold', threshold: '499.99' })).toEqual(['Above Al', 'Exact Ed']);
    expect(await preview({ mode: 'threshold', threshold: '500.01' })).toBe(0);
    expect(await preview({ mode: 'threshold', threshold: '1,000' })).toBe(0);
    expect(await eligibleNames({ mode: 'threshold', threshold: '0' })).toHaveLength(7);
  });

  it("the threshold is read in the criteria's currency", async () => {
    expect(await eligibleNames({ mode: 'threshold', threshold: '989.99', currency: 'EUR' })).toEqual(['Euro Eve']);
    expect(await preview({ mode: 'threshold', threshold: '990', currency: 'EUR' })).toBe(0);
  });

  it.each([
    ['10.999', 'Use at most 2 decimals.'],
    ['-5', 'The amount cannot be negative.'],
    ['abc', '"abc" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['', 'Enter an amount.'],
    [undefined, 'Enter an amount.'],
  ])('threshold %j is a BAD_REQUEST naming the threshold', async (threshold, message) => {
    const error = await rejection(previewStatements(admin, { mode: 'threshold', threshold, asOf: AS_OF }, NOW));
    expect({ code: error.code, message: error.message, issues: error.issues }).toEqual({
      code: 'BAD_REQUEST',
      message: `Threshold: ${message}`,
      issues: [{ path: 'threshold', message }],
    });
  });

  it('the server action returns the threshold error as a field error', async () => {
    const result = await asUser(adminUserId, () => previewStatementsAction(company.slug, { mode: 'threshold', threshold: '10.999' }));
    expect(result).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
      message: 'Threshold: Use at most 2 decimals.',
      fieldErrors: { threshold: 'Use at most 2 decimals.' },
    });
  });

  it('a JPY threshold may not have decimals', async () => {
    const error = await rejection(previewStatements(admin, { mode: 'threshold', threshold: '1.5', currency: 'JPY', asOf: AS_OF }, NOW));
    expect(error.message).toBe('Threshold: JPY amounts have no decimals.');
  });

  it('another currency is not counted; asked for, only it is', async () => {
    expect(await eligibleNames({ mode: 'open', currency: 'EUR' })).toEqual(['Euro Eve']);
    expect(await preview({ mode: 'open', currency: 'CAD' })).toBe(0);
  });

  it('the base currency is the default', async () => {
    expect(await preview({ mode: 'open' })).toBe(await preview({ mode: 'open', currency: 'USD' }));
  });

  it('selected customers narrow the run; a selected customer who is not eligible stays out', async () => {
    expect(await eligibleNames({ mode: 'open', customerIds: [c.Late!.id, c.Paid!.id, c.Euro!.id, c.Future!.id] })).toEqual([
      'Future Fay',
      'Late Lou',
    ]);
    expect(await eligibleNames({ mode: 'past_due', customerIds: [c.Future!.id, c.South!.id] })).toEqual(['South Sam']);
  });

  it('locations narrow the run', async () => {
    const [north, south] = company.locations.map((l) => l.id) as [string, string];
    expect(await eligibleNames({ mode: 'open', locations: [south] })).toEqual(['South Sam']);
    expect(await eligibleNames({ mode: 'open', locations: [north] })).toHaveLength(6);
    expect(await preview({ mode: 'open', locations: [north, south] })).toBe(7);
  });

  it('invalid criteria name the field', async () => {
    const error = await rejection(previewStatements(admin, { mode: 'everything', asOf: '2026-02-30' }, NOW));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues).toEqual([
      { path: 'mode', message: 'Choose Open, Past Due or Threshold' },
      { path: 'asOf', message: 'As-of date must be a real date (YYYY-MM-DD)' },
    ]);
  });

  it("the as-of date defaults to today in the company's time zone at `now`", async () => {
    const criteria = resolveStatementCriteria(admin, { mode: 'open' }, NOW);
    expect(criteria.asOf).toBe('2026-07-01');
  });
});

describe('Skip Recent', () => {
  let sk: TestCompany;
  let acc: CompanyAccess;
  /** Hours before NOW of each customer's last statement (in USD unless named EUR). */
  const AGES: [string, number | null][] = [
    ['A never', null],
    ['B 23h', 23],
    ['C 24h exactly', 24],
    ['D 25h', 25],
    ['E 71h', 71],
    ['F 73h', 73],
    ['G 6 days', 6 * 24],
    ['H 8 days', 8 * 24],
    ['I 31 days', 31 * 24],
    ['J 1h but in EUR', 1],
  ];

  beforeAll(async () => {
    sk = await createCompany();
    const user = await createMember(sk, 'admin');
    acc = await access(user.id, sk.slug);
    const customers = await createCustomers(
      sk.id,
      AGES.map(([name]) => name),
    );
    const locationId = sk.locations[0]!.id;
    await createInvoices(
      sk.id,
      customers.map((cu) => ({ customerId: cu.id, locationId, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 12_300 })),
    );
    await prisma.invoiceStatement.createMany({
      data: AGES.flatMap(([name, hours], i) =>
        hours === null
          ? []
          : [
              {
                companyId: sk.id,
                customerId: customers[i]!.id,
                asOf: new Date(`${AS_OF}T00:00:00Z`),
                currency: name.includes('EUR') ? 'EUR' : 'USD',
                totalMinor: 12_300n,
                invoiceCount: 1,
                snapshot: { customer: { name, email: null, addressLines: [] }, buckets: [], invoices: [] },
                locationIds: [locationId],
                createdAt: new Date(NOW.getTime() - hours * 3_600_000),
              },
            ],
      ),
    });
  });

  const all = AGES.map(([name]) => name);
  it.each([
    ['none', all],
    ['24h', all.filter((n) => !['B 23h', 'C 24h exactly'].includes(n))],
    ['72h', ['A never', 'F 73h', 'G 6 days', 'H 8 days', 'I 31 days', 'J 1h but in EUR']],
    ['1w', ['A never', 'H 8 days', 'I 31 days', 'J 1h but in EUR']],
    // June 1 12:00 to July 1 12:00 is the calendar month: 31 days back is outside it.
    ['1m', ['A never', 'I 31 days', 'J 1h but in EUR']],
  ])('%s leaves %j', async (skipRecent, expected) => {
    const found = await findEligibleCustomers(resolveStatementCriteria(acc, { mode: 'open', asOf: AS_OF, skipRecent }, NOW), 100);
    expect(found.customers.map((x) => x.name)).toEqual(expected);
    expect((await previewStatements(acc, { mode: 'open', asOf: AS_OF, skipRecent }, NOW)).eligible).toBe(expected.length);
  });

  it('an unknown window is a BAD_REQUEST naming skipRecent', async () => {
    const error = await rejection(previewStatements(acc, { mode: 'open', skipRecent: '2w' }, NOW));
    expect(error.issues).toEqual([{ path: 'skipRecent', message: 'Choose a Skip Recent window' }]);
  });
});
