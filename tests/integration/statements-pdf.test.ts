// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  access,
  callFileRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  sessionCookie,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as statementPdfGET } from '@/app/api/v1/companies/[company]/statements/[id]/pdf/route';
import { GET as batchPdfGET } from '@/app/api/v1/companies/[company]/statement-batches/[id]/pdf/route';
import { prisma } from '@/lib/db/client';
import { generateStatements } from '@/lib/statements/generate-statements';
import { pdfText } from '../support/pdf-text';

// What a customer and a collector read in the statement PDFs, parsed back from the bytes the routes send.

const AS_OF = '2026-06-30';
// Name order holds both in the C collation and in linguistic ones (A-C, then Ł, then Cyrillic).
const NAMES = ['Acme Ltd', 'Birch Co', 'Cedar plc', 'Łódź Sp. z o.o.', 'Ёлка ООО'];

let company: TestCompany;
let adminId: string;
let batchId: string;
let byName: Record<string, TestCustomer & { statementId: string; number: string; total: string }>;

const statementPdf = async (id: string) =>
  callFileRoute(
    statementPdfGET,
    `/api/v1/companies/${company.slug}/statements/${id}/pdf`,
    { company: company.slug, id },
    { cookie: await sessionCookie(adminId) },
  );

beforeAll(async () => {
  company = await createCompany({ locations: ['Main'] });
  adminId = (await createMember(company, 'admin')).id;
  // Created in reverse name order, so name order is not insertion order.
  const customers = await createCustomers(
    company.id,
    [...NAMES].reverse().map((name) => ({ name, addressLine1: `${name.length} Market Street` })),
  );
  const amounts = [12_345, 23_456, 34_567, 45_678, 56_789];
  await createInvoices(
    company.id,
    customers.map((cu, i) => ({
      number: `ST-${i + 1}`,
      customerId: cu.id,
      locationId: company.locations[0]!.id,
      invoiceDate: '2026-05-01',
      dueDate: '2026-05-31',
      amount: amounts[i]!,
    })),
  );
  const result = await generateStatements(await access(adminId, company.slug), { mode: 'open', asOf: AS_OF });
  expect(result.created).toBe(5);
  batchId = result.batchId;
  const rows = await prisma.invoiceStatement.findMany({ where: { companyId: company.id, batchId } });
  const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
  byName = Object.fromEntries(
    customers.map((cu, i) => [
      cu.name,
      {
        ...cu,
        statementId: rows.find((r) => r.customerId === cu.id)!.id,
        number: `ST-${i + 1}`,
        total: money(amounts[i]!),
      },
    ]),
  );
});

describe('one statement', () => {
  it('is a PDF attachment named after the customer and the as-of date', async () => {
    const res = await statementPdf(byName['Ёлка ООО']!.statementId);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers.entries())).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Statement ____ ___ 2026-06-30.pdf"; filename*=UTF-8''${encodeURIComponent('Statement Ёлка ООО 2026-06-30.pdf')}`,
      'cache-control': 'private, no-store',
    });
    expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe('%PDF-');
    const polish = await statementPdf(byName['Łódź Sp. z o.o.']!.statementId);
    expect(polish.headers.get('content-disposition')).toBe(
      `attachment; filename="Statement __d_ Sp. z o.o. 2026-06-30.pdf"; filename*=UTF-8''${encodeURIComponent('Statement Łódź Sp. z o.o. 2026-06-30.pdf')}`,
    );
  });

  it('shows the customer, the date, the aging, the invoice and the total due', async () => {
    const c = byName['Ёлка ООО']!;
    const text = await pdfText((await statementPdf(c.statementId)).bytes);
    expect(text.pageCount).toBe(1);
    const lines = text.pages[0]!.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        company.name,
        'STATEMENT',
        'June 30, 2026',
        'USD',
        'Ёлка ООО',
        '8 Market Street',
        c.number,
        'May 1, 2026',
        'May 31, 2026',
        '30',
        c.total,
        'Page 1 of 1',
      ]),
    );
    // Aging summary: the whole amount is 30 days past due, so 1-30 holds it and the other five buckets are zero.
    expect(lines.filter((l) => l === '$0.00')).toHaveLength(5);
    expect(lines.filter((l) => l === c.total).length).toBeGreaterThanOrEqual(4);
  });

  it('prints every column header in full', async () => {
    const text = await pdfText((await statementPdf(byName['Acme Ltd']!.statementId)).bytes);
    expect(text.pages[0]!.split('\n')).toEqual(
      expect.arrayContaining(['Invoice', 'Invoice date', 'Due date', 'Original amount', 'Balance', 'Days past due']),
    );
  });

  it('records the download in the audit log', async () => {
    const id = byName['Birch Co']!.statementId;
    await statementPdf(id);
    const logs = await prisma.auditLog.findMany({ where: { companyId: company.id, action: 'statements.download', targetId: id } });
    expect(logs.map((l) => ({ userId: l.userId, targetType: l.targetType }))).toEqual([{ userId: adminId, targetType: 'statement' }]);
  });
});

describe('the batch PDF', () => {
  it('has one statement per customer, one page each, in name order', async () => {
    const res = await callFileRoute(
      batchPdfGET,
      `/api/v1/companies/${company.slug}/statement-batches/${batchId}/pdf`,
      { company: company.slug, id: batchId },
      { cookie: await sessionCookie(adminId) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Test Co [0-9a-f]+ statements \d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
    );
    const text = await pdfText(res.bytes);
    expect(text.pageCount).toBe(5);
    text.pages.forEach((page, i) => {
      const lines = page.split('\n');
      const own = byName[NAMES[i]!]!;
      expect(lines).toEqual(expect.arrayContaining([own.name, own.number, own.total, 'Page 1 of 1']));
      // No other customer's name or invoice on this statement's page.
      for (const name of NAMES.filter((n) => n !== own.name)) {
        expect(lines).not.toContain(name);
        expect(lines).not.toContain(byName[name]!.number);
      }
    });
    const log = await prisma.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'statements.download', targetId: batchId } });
    expect({ targetType: log.targetType, details: log.details }).toEqual({ targetType: 'statement_batch', details: { statementCount: 5 } });
  });
});

describe('a stored statement', () => {
  it('prints as it was made, after the invoice is paid and the customer renamed', async () => {
    const c = byName['Cedar plc']!;
    await prisma.invoice.updateMany({ where: { companyId: company.id, number: c.number }, data: { balanceMinor: 0, status: 'paid' } });
    await prisma.customer.update({ where: { companyId_id: { companyId: company.id, id: c.id } }, data: { name: 'Cedar Renamed plc' } });
    const lines = (await pdfText((await statementPdf(c.statementId)).bytes)).pages[0]!.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['Cedar plc', c.number, c.total]));
    expect(lines).not.toContain('Cedar Renamed plc');
    // Balance, Total due (twice) and the 1-30 bucket still show the amount that was owed on the as-of date.
    expect(lines.filter((l) => l === c.total).length).toBeGreaterThanOrEqual(4);
  });
});
