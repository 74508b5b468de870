// fixtures first: it prepares Next's runtime globals before the route modules and server actions load.
import {
  access,
  asUser,
  callFileRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  inRequestScope,
  sessionCookie,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStatementsAction } from '@/lib/actions/statements/generate-statements';
import { previewStatementsAction } from '@/lib/actions/statements/preview-statements';
import { GET as statementPdfGET } from '@/app/api/v1/companies/[company]/statements/[id]/pdf/route';
import { GET as batchPdfGET } from '@/app/api/v1/companies/[company]/statement-batches/[id]/pdf/route';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { emailStatement } from '@/lib/statements/email-statement';
import { generateStatements } from '@/lib/statements/generate-statements';
import { listStatements } from '@/lib/statements/list-statements';
import { previewStatements } from '@/lib/statements/preview-statements';
import { statementSnapshotSchema } from '@/lib/statements/statement-snapshot';
import { pdfText } from '../support/pdf-text';

// Statements need invoices.modify to make, and show only to users who may view every location they drew from.

const AS_OF = '2026-06-30';
const NO_MODIFY = 'Generating statements needs the invoices.view and invoices.modify permissions on at least one location.';
const DENIED_LOCATION = 'You may not generate statements for a location where you cannot both view and modify invoices.';
const DENIED_ISSUE = 'Includes a location where you cannot both view and modify invoices';

let company: TestCompany;
let a: string;
let b: string;
let users: Record<'admin' | 'viewer' | 'manager' | 'viewerA' | 'blindB', { id: string; acc: CompanyAccess }>;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const pdfPath = (slug: string, id: string) => `/api/v1/companies/${slug}/statements/${id}/pdf`;
const batchPath = (slug: string, id: string) => `/api/v1/companies/${slug}/statement-batches/${id}/pdf`;

async function statementPdf(userId: string, id: string, slug = company.slug) {
  return callFileRoute(statementPdfGET, pdfPath(slug, id), { company: slug, id }, { cookie: await sessionCookie(userId) });
}
async function batchPdf(userId: string, id: string, slug = company.slug) {
  return callFileRoute(batchPdfGET, batchPath(slug, id), { company: slug, id }, { cookie: await sessionCookie(userId) });
}

const member = async (role: 'admin' | 'member', grants: { view?: string[]; modify?: string[] }) => {
  const user = await createMember(company, role, grants);
  return { id: user.id, acc: await access(user.id, company.slug) };
};

beforeAll(async () => {
  company = await createCompany({ locations: ['Alpha Depot', 'Bravo Depot'] });
  [a, b] = company.locations.map((l) => l.id) as [string, string];
  users = {
    admin: await member('admin', {}),
    viewer: await member('member', { view: [a, b] }),
    manager: await member('member', { view: [a, b], modify: [a] }),
    viewerA: await member('member', { view: [a], modify: [a] }),
    // May modify B without viewing it: must not make statements out of B's invoices.
    blindB: await member('member', { view: [a], modify: [a, b] }),
  };
  const [mixed, onlyA, onlyB] = (await createCustomers(company.id, [
    { name: 'Mixed Co', email: 'ap@mixed.example' },
    { name: 'Only A Co', email: 'ap@only-a.example' },
    { name: 'Only B Co', email: 'ap@only-b.example' },
  ])) as [TestCustomer, TestCustomer, TestCustomer];
  await createInvoices(company.id, [
    { number: 'M-A', customerId: mixed.id, locationId: a, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 3_000 },
    { number: 'M-B', customerId: mixed.id, locationId: b, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 4_000 },
    { number: 'OA-1', customerId: onlyA.id, locationId: a, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 1_500 },
    { number: 'OB-1', customerId: onlyB.id, locationId: b, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 2_500 },
  ]);
});

describe('who may generate', () => {
  it('a view-only user may neither preview nor generate', async () => {
    for (const run of [previewStatements, generateStatements]) {
      const error = await rejection(run(users.viewer.acc, { mode: 'open', asOf: AS_OF }));
      expect({ code: error.code, message: error.message }).toEqual({ code: 'FORBIDDEN', message: NO_MODIFY });
    }
    expect(await prisma.statementBatch.count({ where: { companyId: company.id, createdBy: users.viewer.id } })).toBe(0);
  });

  it('the server actions answer a view-only user with FORBIDDEN', async () => {
    const preview = await asUser(users.viewer.id, () => previewStatementsAction(company.slug, { mode: 'open' }));
    const generate = await asUser(users.viewer.id, () => generateStatementsAction(company.slug, { mode: 'open' }));
    for (const result of [preview, generate]) expect(result).toEqual({ ok: false, code: 'FORBIDDEN', message: NO_MODIFY });
    expect(await prisma.invoiceStatement.count({ where: { companyId: company.id } })).toBe(0);
  });

  it('the server action answers a signed-out caller with UNAUTHORIZED', async () => {
    const signedOut = new Request('http://localhost/');
    expect(await inRequestScope(signedOut, () => previewStatementsAction(company.slug, { mode: 'open' }))).toEqual({
      ok: false,
      code: 'UNAUTHORIZED',
      message: 'Your session has ended. Sign in again.',
    });
  });

  it('a manager who may modify only location A is refused location B', async () => {
    for (const locations of [[b], [a, b]]) {
      const error = await rejection(generateStatements(users.manager.acc, { mode: 'open', asOf: AS_OF, locations }));
      expect({ code: error.code, message: error.message, issues: error.issues }).toEqual({
        code: 'FORBIDDEN',
        message: DENIED_LOCATION,
        issues: [{ path: 'locations', message: DENIED_ISSUE }],
      });
    }
    const action = await asUser(users.manager.id, () => previewStatementsAction(company.slug, { mode: 'open', locations: [b] }));
    expect(action).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: DENIED_LOCATION,
      fieldErrors: { locations: DENIED_ISSUE },
    });
  });

  it('modify without view is not enough: blank locations cover only A, and asking for B is refused', async () => {
    expect((await previewStatements(users.blindB.acc, { mode: 'open', asOf: AS_OF })).eligible).toBe(2);
    const error = await rejection(generateStatements(users.blindB.acc, { mode: 'open', asOf: AS_OF, locations: [b] }));
    expect({ code: error.code, message: error.message }).toEqual({ code: 'FORBIDDEN', message: DENIED_LOCATION });
    const onlyModifyB = await member('member', { modify: [b] });
    const none = await rejection(generateStatements(onlyModifyB.acc, { mode: 'open', asOf: AS_OF }));
    expect({ code: none.code, message: none.message }).toEqual({ code: 'FORBIDDEN', message: NO_MODIFY });
    expect(await prisma.invoiceStatement.count({ where: { companyId: company.id, createdBy: { in: [users.blindB.id, onlyModifyB.id] } } })).toBe(0);
  });

  it("without locations, the manager's statements cover only invoices in A", async () => {
    expect((await previewStatements(users.manager.acc, { mode: 'open', asOf: AS_OF })).eligible).toBe(2);
    const result = await generateStatements(users.manager.acc, { mode: 'open', asOf: AS_OF });
    expect({ created: result.created, failures: result.failures }).toEqual({ created: 2, failures: [] });
    const rows = await prisma.invoiceStatement.findMany({ where: { companyId: company.id, batchId: result.batchId }, include: { customer: true } });
    const byName = Object.fromEntries(
      rows.map((r) => [
        r.customer.name,
        {
          locationIds: r.locationIds,
          total: r.totalMinor,
          invoices: statementSnapshotSchema.parse(r.snapshot).invoices.map((i) => i.number),
        },
      ]),
    );
    expect(byName).toEqual({
      'Mixed Co': { locationIds: [a], total: 3_000n, invoices: ['M-A'] },
      'Only A Co': { locationIds: [a], total: 1_500n, invoices: ['OA-1'] },
    });
  });
});

describe('who may see, download and email', () => {
  let adminBatch: string;
  let adminStatements: Record<string, string>;
  let other: { company: TestCompany; adminId: string; statementId: string; batchId: string };

  beforeAll(async () => {
    // Runs after the manager's statements: the admin's covers every location.
    const result = await generateStatements(users.admin.acc, { mode: 'open', asOf: AS_OF });
    expect(result.created).toBe(3);
    adminBatch = result.batchId;
    const rows = await prisma.invoiceStatement.findMany({ where: { companyId: company.id, batchId: adminBatch }, include: { customer: true } });
    adminStatements = Object.fromEntries(rows.map((r) => [r.customer.name, r.id]));

    const otherCompany = await createCompany({ locations: ['Alpha Depot'] });
    const otherAdmin = await createMember(otherCompany, 'admin');
    const [stranger] = await createCustomers(otherCompany.id, ['Stranger Co']);
    await createInvoices(otherCompany.id, [
      { customerId: stranger!.id, locationId: otherCompany.locations[0]!.id, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 777 },
    ]);
    const otherRun = await generateStatements(await access(otherAdmin.id, otherCompany.slug), { mode: 'open', asOf: AS_OF });
    const otherStatement = await prisma.invoiceStatement.findFirstOrThrow({ where: { companyId: otherCompany.id } });
    other = { company: otherCompany, adminId: otherAdmin.id, statementId: otherStatement.id, batchId: otherRun.batchId };
  });

  const listed = async (acc: CompanyAccess, input: Record<string, string> = {}) =>
    (await listStatements(acc, input)).rows.map((r) => `${r.customerName} ${r.totalMinor}`).sort();

  it('listStatements hides statements that drew on a location the user cannot view', async () => {
    expect(await listed(users.viewerA.acc)).toEqual(['Mixed Co 3000', 'Only A Co 1500', 'Only A Co 1500']);
    expect(await listed(users.viewerA.acc, { batchId: adminBatch })).toEqual(['Only A Co 1500']);
    expect(await listed(users.viewer.acc)).toEqual(['Mixed Co 3000', 'Mixed Co 7000', 'Only A Co 1500', 'Only A Co 1500', 'Only B Co 2500']);
    expect(await listed(users.admin.acc)).toEqual(['Mixed Co 3000', 'Mixed Co 7000', 'Only A Co 1500', 'Only A Co 1500', 'Only B Co 2500']);
    const page = await listStatements(users.viewerA.acc, {});
    expect({ totalRows: page.totalRows, totalPages: page.totalPages }).toEqual({ totalRows: 3, totalPages: 1 });
  });

  it("listStatements never shows another company's statements", async () => {
    expect(await listed(users.admin.acc, { batchId: other.batchId })).toEqual([]);
    expect(await listed(users.admin.acc, { q: 'Stranger' })).toEqual([]);
  });

  it('the statement PDF route answers 404 for a statement the user may not see, 200 for one they may', async () => {
    for (const name of ['Mixed Co', 'Only B Co']) {
      const res = await statementPdf(users.viewerA.id, adminStatements[name]!);
      expect({ status: res.status, json: res.json }).toEqual({
        status: 404,
        json: { error: { code: 'NOT_FOUND', message: 'Statement not found.' } },
      });
    }
    const ok = await statementPdf(users.viewerA.id, adminStatements['Only A Co']!);
    expect({ status: ok.status, type: ok.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    expect((await pdfText(ok.bytes)).pages.join('\n')).toContain('Only A Co');
  });

  it('the batch PDF holds only the statements of the batch the user may see', async () => {
    const mine = await batchPdf(users.viewerA.id, adminBatch);
    expect(mine.status).toBe(200);
    const text = await pdfText(mine.bytes);
    expect(text.pageCount).toBe(1);
    expect(text.pages[0]).toContain('Only A Co');
    expect(text.pages[0]).not.toContain('Mixed Co');
    expect(text.pages[0]).not.toContain('Only B Co');
    const all = await pdfText((await batchPdf(users.admin.id, adminBatch)).bytes);
    expect(all.pageCount).toBe(3);
    const log = await prisma.auditLog.findFirstOrThrow({
      where: { companyId: company.id, action: 'statements.download', targetId: adminBatch, userId: users.viewerA.id },
    });
    expect(log.details).toEqual({ statementCount: 1 });
  });

  it("another company's statement or batch is 404 through this company, even for its admin", async () => {
    const res = await statementPdf(users.admin.id, other.statementId);
    expect({ status: res.status, json: res.json }).toEqual({ status: 404, json: { error: { code: 'NOT_FOUND', message: 'Statement not found.' } } });
    const batch = await batchPdf(users.admin.id, other.batchId);
    expect({ status: batch.status, json: batch.json }).toEqual({
      status: 404,
      json: { error: { code: 'NOT_FOUND', message: 'Statement batch not found.' } },
    });
    // Its own admin through its own slug gets it (so the 404 above is about the company, not the statement).
    expect((await statementPdf(other.adminId, other.statementId, other.company.slug)).status).toBe(200);
    // And the other admin cannot reach this company's statements through their own slug.
    expect((await statementPdf(other.adminId, adminStatements['Only A Co']!, other.company.slug)).status).toBe(404);
  });

  it('a malformed id is 404 and a signed-out caller is 401', async () => {
    const res = await statementPdf(users.admin.id, 'not-an-id');
    expect({ status: res.status, json: res.json }).toEqual({ status: 404, json: { error: { code: 'NOT_FOUND', message: 'Statement not found.' } } });
    const id = adminStatements['Only A Co']!;
    const anon = await callFileRoute(statementPdfGET, pdfPath(company.slug, id), { company: company.slug, id });
    expect({ status: anon.status, code: anon.json?.error.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it("emailStatement finds neither another company's statement nor one the user may not see", async () => {
    const foreign = await rejection(emailStatement(users.admin.acc, other.statementId));
    expect({ code: foreign.code, message: foreign.message }).toEqual({ code: 'NOT_FOUND', message: 'Statement not found.' });
    const hidden = await rejection(emailStatement(users.viewerA.acc, adminStatements['Mixed Co']!));
    expect({ code: hidden.code, message: hidden.message }).toEqual({ code: 'NOT_FOUND', message: 'Statement not found.' });
    expect(await prisma.emailOutbox.count({ where: { statementId: { in: [other.statementId, adminStatements['Mixed Co']!] } } })).toBe(0);
  });
});
