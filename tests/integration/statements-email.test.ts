// fixtures first: it prepares Next's runtime globals before the server actions load.
import {
  access,
  asUser,
  createCompany,
  runServerAction,
  createCustomers,
  createInvoices,
  createMember,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailStatementAction } from '@/lib/actions/statements/email-statement';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { emailStatement } from '@/lib/statements/email-statement';
import { generateStatements, type GenerateResult } from '@/lib/statements/generate-statements';

// Generate with "email" queues one message per statement in the statement's own transaction; a stored statement
// can be queued again later. Nothing is delivered here (no SMTP_URL): the outbox rows are what we read.

const AS_OF = '2026-06-30';

let company: TestCompany;
let admin: { id: string; acc: CompanyAccess };
let c: Record<'has' | 'none' | 'bad' | 'second', TestCustomer>;
let result: GenerateResult;
let statementOf: Record<string, string>;

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  delete process.env.SMTP_URL;
  company = await createCompany({ name: 'Harbour Supplies Ltd', locations: ['Quay'] });
  await prisma.company.update({ where: { id: company.id }, data: { remitTo: 'Harbour Supplies Ltd\nSort code 00-11-22' } });
  const adminUser = await createMember(company, 'admin');
  admin = { id: adminUser.id, acc: await access(adminUser.id, company.slug) };
  const [has, none, bad, second] = (await createCustomers(company.id, [
    { name: 'Has Mail Co', email: 'ap@hasmail.example' },
    { name: 'No Mail Co' },
    { name: 'Bad Mail Co', email: 'accounts at badmail' },
    { name: 'Second Mail Co', email: 'billing@second.example' },
  ])) as [TestCustomer, TestCustomer, TestCustomer, TestCustomer];
  c = { has, none, bad, second };
  await createInvoices(
    company.id,
    [has, none, bad, second].map((cu, i) => ({
      customerId: cu.id,
      locationId: company.locations[0]!.id,
      invoiceDate: '2026-05-01',
      dueDate: '2026-05-31',
      amount: 10_000 * (i + 1) + 50,
    })),
  );
  result = await generateStatements(admin.acc, { mode: 'open', asOf: AS_OF, email: true });
  const rows = await prisma.invoiceStatement.findMany({ where: { companyId: company.id } });
  statementOf = Object.fromEntries(rows.map((r) => [r.customerId, r.id]));
});

afterAll(() => {
  vi.restoreAllMocks();
});

const outbox = () => prisma.emailOutbox.findMany({ where: { companyId: company.id }, orderBy: { toAddress: 'asc' } });

describe('Generate with email', () => {
  it('queues one email per emailed statement and warns about the customer without an address', () => {
    expect({ created: result.created, emailed: result.emailed, warnings: result.warnings }).toEqual({
      created: 3,
      emailed: 2,
      warnings: [
        { customerId: c.none.id, customerName: 'No Mail Co', reason: 'Statement created but not emailed: the customer has no email address.' },
      ],
    });
  });

  it("each email goes to the customer's address, is queued, and points at that customer's statement", async () => {
    const rows = await outbox();
    expect(
      rows.map((r) => ({
        to: r.toAddress,
        status: r.status,
        attempts: r.attempts,
        statementId: r.statementId,
        createdBy: r.createdBy,
        subject: r.subject,
      })),
    ).toEqual([
      {
        to: 'ap@hasmail.example',
        status: 'queued',
        attempts: 0,
        statementId: statementOf[c.has.id],
        createdBy: admin.id,
        subject: 'Statement from Harbour Supplies Ltd as of June 30, 2026',
      },
      {
        to: 'billing@second.example',
        status: 'queued',
        attempts: 0,
        statementId: statementOf[c.second.id],
        createdBy: admin.id,
        subject: 'Statement from Harbour Supplies Ltd as of June 30, 2026',
      },
    ]);
    expect(rows[0]!.bodyText).toBe(
      [
        'Dear Has Mail Co,',
        '',
        'Please find attached your statement from Harbour Supplies Ltd as of June 30, 2026.',
        'Total due: $100.50.',
        '',
        'Please remit payment to:',
        'Harbour Supplies Ltd\nSort code 00-11-22',
        '',
        'If you have already paid, thank you, and please disregard this message.',
        '',
        'Harbour Supplies Ltd',
      ].join('\n'),
    );
    expect(rows[1]!.bodyText).toContain('Total due: $400.50.');
  });

  it('the customer without an address has a statement and no email', async () => {
    expect(statementOf[c.none.id]).toBeDefined();
    expect(await prisma.emailOutbox.count({ where: { companyId: company.id, statementId: statementOf[c.none.id] } })).toBe(0);
  });

  it("the email is part of the statement's transaction: an address that cannot be queued leaves no statement behind", async () => {
    expect(result.failures).toEqual([
      { customerId: c.bad.id, customerName: 'Bad Mail Co', reason: 'Invalid parameters: to: Must be a valid email address' },
    ]);
    expect(statementOf[c.bad.id]).toBeUndefined();
    expect(await prisma.emailOutbox.count({ where: { companyId: company.id, toAddress: 'accounts at badmail' } })).toBe(0);
    // Listed as a failure; not "remaining" (nothing comes after the batch), a rerun without `after` retries it.
    expect(result.remaining).toBe(0);
  });

  it("the audit log records the queued emails and the run's email count", async () => {
    const queued = await prisma.auditLog.findMany({ where: { companyId: company.id, action: 'email.queued' } });
    expect(queued.map((l) => (l.details as { to: string }).to).sort()).toEqual(['ap@hasmail.example', 'billing@second.example']);
    const run = await prisma.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'statements.generate' } });
    expect(run.details).toMatchObject({ created: 3, emailed: 2, failed: 1, criteria: { email: true } });
  });
});

describe('emailStatement', () => {
  it("queues a stored statement again, to the customer's current address, and audits it", async () => {
    await prisma.customer.update({ where: { companyId_id: { companyId: company.id, id: c.has.id } }, data: { email: 'new-ap@hasmail.example' } });
    const statementId = statementOf[c.has.id]!;
    const sent = await emailStatement(admin.acc, statementId);
    expect(sent).toEqual({ emailId: expect.any(String), to: 'new-ap@hasmail.example' });
    const rows = await prisma.emailOutbox.findMany({ where: { companyId: company.id, statementId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.toAddress, r.status])).toEqual([
      ['ap@hasmail.example', 'queued'],
      ['new-ap@hasmail.example', 'queued'],
    ]);
    expect(rows[1]!.id).toBe(sent.emailId);
    expect(rows[1]!.bodyText).toContain('Total due: $100.50.');
    const log = await prisma.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'statements.email' } });
    expect({ userId: log.userId, targetType: log.targetType, targetId: log.targetId, details: log.details }).toEqual({
      userId: admin.id,
      targetType: 'statement',
      targetId: statementId,
      details: { to: 'new-ap@hasmail.example', emailId: sent.emailId },
    });
  });

  it('a statement of a customer without an address is a BAD_REQUEST naming the customer', async () => {
    const error = await emailStatement(admin.acc, statementOf[c.none.id]!).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect({ code: (error as AppError).code, message: (error as AppError).message }).toEqual({
      code: 'BAD_REQUEST',
      message: 'No Mail Co has no email address.',
    });
  });

  it('a view-only user may see the statement but not email it', async () => {
    const viewer = await createMember(company, 'member', { view: [company.locations[0]!.id] });
    const statementId = statementOf[c.second.id]!;
    const before = await prisma.emailOutbox.count({ where: { companyId: company.id } });
    const error = await emailStatement(await access(viewer.id, company.slug), statementId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect({ code: (error as AppError).code, message: (error as AppError).message }).toEqual({
      code: 'FORBIDDEN',
      message: 'Emailing this statement needs the invoices.modify permission on its locations.',
    });
    expect(await asUser(viewer.id, () => emailStatementAction(company.slug, statementId))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'Emailing this statement needs the invoices.modify permission on its locations.',
    });
    expect(await prisma.emailOutbox.count({ where: { companyId: company.id } })).toBe(before);
  });

  it('the server action queues it for an admin and says to whom', async () => {
    const statementId = statementOf[c.second.id]!;
    const { result: answer, revalidated } = await runServerAction(admin.id, () => emailStatementAction(company.slug, statementId));
    expect(answer).toEqual({ ok: true, data: { to: 'billing@second.example' } });
    // The statements list (email status) and the outbox page show the new email on their next render.
    expect(revalidated).toEqual([`_N_T_/${company.slug}/accounting/statements`, `_N_T_/${company.slug}/accounting/outbox`]);
    expect(await prisma.emailOutbox.count({ where: { companyId: company.id, statementId } })).toBe(2);
  });

  it('the server action answers a malformed id with NOT_FOUND', async () => {
    expect(await asUser(admin.id, () => emailStatementAction(company.slug, 'not-an-id'))).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: 'Statement not found.',
    });
  });
});
