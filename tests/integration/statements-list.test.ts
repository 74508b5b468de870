// fixtures first: it prepares Next's runtime globals before the server actions load.
import {
  access,
  asUser,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStatementsAction } from '@/lib/actions/statements/generate-statements';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { listStatements } from '@/lib/statements/list-statements';

// The Statements page: newest first, filtered by customer name and by creation day in the company's time zone.

let company: TestCompany;
let acc: CompanyAccess;
let userId: string;
let customers: TestCustomer[];

/** A stored statement of `customer` created at `createdAt`. */
async function statementAt(customer: TestCustomer, createdAt: string, totalMinor = 100): Promise<string> {
  const row = await prisma.invoiceStatement.create({
    data: {
      companyId: company.id,
      customerId: customer.id,
      asOf: new Date('2026-06-30T00:00:00Z'),
      currency: 'USD',
      totalMinor: BigInt(totalMinor),
      invoiceCount: 1,
      snapshot: { customer: { name: customer.name, email: null, addressLines: [] }, buckets: [], invoices: [] },
      locationIds: [company.locations[0]!.id],
      createdBy: userId,
      createdAt: new Date(createdAt),
    },
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  company = await createCompany({ timeZone: 'America/New_York' });
  userId = (await createMember(company, 'admin', {}, 'Nora Admin')).id;
  acc = await access(userId, company.slug);
  customers = await createCustomers(company.id, ['100% Juice', 'Juicy Fruits', 'Plain Co']);
});

describe('listStatements', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    ids = {
      // 23:30 on June 29 in New York (UTC-4), 03:30 on June 30 in UTC.
      lateJune29: await statementAt(customers[0]!, '2026-06-30T03:30:00Z', 101),
      // 00:30 on June 30 in New York.
      earlyJune30: await statementAt(customers[1]!, '2026-06-30T04:30:00Z', 102),
      // 23:59 on June 30 in New York, already July 1 in UTC.
      lateJune30: await statementAt(customers[2]!, '2026-07-01T03:59:00Z', 103),
      july1: await statementAt(customers[2]!, '2026-07-01T04:00:00Z', 104),
    };
  });

  const totals = async (input: Record<string, string>) => (await listStatements(acc, input)).rows.map((r) => r.totalMinor);

  it('lists newest first with who made it and its amounts', async () => {
    const page = await listStatements(acc, {});
    expect(page.rows.map((r) => [r.customerName, r.totalMinor, r.asOf, r.currency, r.createdByName, r.emailStatus])).toEqual([
      ['Plain Co', 104, '2026-06-30', 'USD', 'Nora Admin', null],
      ['Plain Co', 103, '2026-06-30', 'USD', 'Nora Admin', null],
      ['Juicy Fruits', 102, '2026-06-30', 'USD', 'Nora Admin', null],
      ['100% Juice', 101, '2026-06-30', 'USD', 'Nora Admin', null],
    ]);
    expect({ totalRows: page.totalRows, totalPages: page.totalPages }).toEqual({ totalRows: 4, totalPages: 1 });
  });

  it("filters by creation day in the company's time zone", async () => {
    expect(await totals({ from: '2026-06-30', to: '2026-06-30' })).toEqual([103, 102]);
    expect(await totals({ to: '2026-06-29' })).toEqual([101]);
    expect(await totals({ from: '2026-07-01' })).toEqual([104]);
  });

  it('searches customer names with % and _ taken literally', async () => {
    expect(await totals({ q: 'juic' })).toEqual([102, 101]);
    expect(await totals({ q: '%' })).toEqual([101]);
    expect(await totals({ q: '_' })).toEqual([]);
  });

  it('shows the latest email status of each statement', async () => {
    await prisma.emailOutbox.createMany({
      data: [
        {
          companyId: company.id,
          statementId: ids.july1!,
          toAddress: 'a@example.test',
          subject: 's',
          bodyText: 'b',
          status: 'failed',
          createdAt: new Date('2026-07-01T05:00:00Z'),
        },
        {
          companyId: company.id,
          statementId: ids.july1!,
          toAddress: 'a@example.test',
          subject: 's',
          bodyText: 'b',
          status: 'sent',
          createdAt: new Date('2026-07-01T06:00:00Z'),
        },
      ],
    });
    const rows = (await listStatements(acc, {})).rows;
    expect(rows.map((r) => r.emailStatus)).toEqual(['sent', null, null, null]);
  });

  it('pages by 10, 25 or 50 and refuses other sizes', async () => {
    const more = await createCustomers(
      company.id,
      Array.from({ length: 8 }, (_, i) => `Paged ${i}`),
    );
    for (const [i, cu] of more.entries()) await statementAt(cu, `2026-08-0${i + 1}T12:00:00Z`);
    const second = await listStatements(acc, { perPage: '10', page: '2' });
    expect({ rows: second.rows.length, totalRows: second.totalRows, totalPages: second.totalPages }).toEqual({
      rows: 2,
      totalRows: 12,
      totalPages: 2,
    });
    const error = await listStatements(acc, { perPage: '7' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([{ path: 'perPage', message: 'Per page must be 10, 25 or 50' }]);
  });
});

describe('generateStatementsAction', () => {
  it("returns the run's result to a signed-in admin", async () => {
    const other = await createCompany();
    const admin = await createMember(other, 'admin');
    const [cu] = await createCustomers(other.id, ['Action Co']);
    await createInvoices(other.id, [
      { customerId: cu!.id, locationId: other.locations[0]!.id, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 4_200 },
    ]);
    const result = await asUser(admin.id, () => generateStatementsAction(other.slug, { mode: 'past_due', asOf: '2026-06-30' }));
    expect(result).toEqual({
      ok: true,
      data: {
        batchId: expect.any(String),
        created: 1,
        emailed: 0,
        failures: [],
        warnings: [],
        skipped: 0,
        capHit: false,
        limit: 100,
        remaining: 0,
        next: null,
      },
    });
    expect(await prisma.invoiceStatement.count({ where: { companyId: other.id, customerId: cu!.id } })).toBe(1);
  });
});
