import { access, createCompany, createCustomers, createMember, type TestCompany, type TestUser } from '../support/fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { PDFDocument } from 'pdf-lib';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { deliverDueEmails, type DeliverOptions } from '@/lib/email/deliver-due-emails';
import { enqueueEmail, type EnqueueEmailInput } from '@/lib/email/enqueue-email';
import { getOutboxEmail, listOutbox } from '@/lib/email/list-outbox';
import { DEFAULT_MAIL_FROM } from '@/lib/email/mail-transport';
import type { StatementSnapshot } from '@/lib/statements/statement-snapshot';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';

// A pinned clock far ahead of the wall clock: emails are made due at T0 and every pass is told `now`, and passes
// in other test files (on the real clock) never find these emails due. Every pass here is also scoped to its
// test's company.
const T0 = new Date('2090-01-15T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let smtp: SmtpTestServer;
let transport: Transporter;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  transport = nodemailer.createTransport(smtp.url);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterAll(async () => {
  transport?.close();
  await smtp?.stop();
  vi.restoreAllMocks();
});

interface Tenant {
  company: TestCompany;
  admin: TestUser;
  customerId: string;
}

async function tenant(locations: string[] = ['North', 'South']): Promise<Tenant> {
  const company = await createCompany({ locations });
  const [customer] = await createCustomers(company.id, [{ name: 'Zephyr Traders', email: 'ap@zephyr.example' }]);
  return { company, admin: await createMember(company, 'admin'), customerId: customer!.id };
}

/** A stored statement of the tenant's customer drawn from the given locations (all of them by default). */
async function statement(t: Tenant, locationIds = t.company.locations.map((l) => l.id)): Promise<string> {
  const snapshot: StatementSnapshot = {
    unapplied: [],
    customer: { name: 'Zephyr Traders', email: 'ap@zephyr.example', addressLines: ['1 Harbour Road', 'Portsmouth'] },
    buckets: [
      { key: 'current', label: 'Current', amountMinor: 10_000 },
      { key: 'days_1_30', label: '1-30', amountMinor: 2_345 },
    ],
    invoices: [
      {
        id: crypto.randomUUID(),
        number: 'INV-1',
        invoiceDate: '2026-04-01',
        dueDate: '2026-05-01',
        amountMinor: 2_345,
        balanceMinor: 2_345,
        daysPastDue: 19,
      },
      {
        id: crypto.randomUUID(),
        number: 'INV-2',
        invoiceDate: '2026-05-01',
        dueDate: '2026-05-31',
        amountMinor: 10_000,
        balanceMinor: 10_000,
        daysPastDue: -11,
      },
    ],
  };
  const row = await prisma.invoiceStatement.create({
    data: {
      companyId: t.company.id,
      customerId: t.customerId,
      asOf: new Date('2026-05-20T00:00:00Z'),
      currency: 'USD',
      totalMinor: 12_345n,
      invoiceCount: 2,
      snapshot,
      locationIds,
      createdBy: t.admin.id,
    },
    select: { id: true },
  });
  return row.id;
}

let seq = 0;
/**
 * Queues an email (in its own transaction) due at T0; the subject is unique in this file, and each email is
 * created a second after the one before (the outbox lists newest first).
 */
async function queue(t: Tenant, input: Partial<EnqueueEmailInput> = {}): Promise<{ id: string; subject: string }> {
  seq += 1;
  const subject = input.subject ?? `Statement ${seq} from ${t.company.name}`;
  const { id } = await prisma.$transaction((tx) =>
    enqueueEmail(tx, {
      companyId: t.company.id,
      to: `ap-${seq}@zephyr.example`,
      subject,
      bodyText: 'Please find your statement attached.',
      createdBy: t.admin.id,
      ...input,
    }),
  );
  await prisma.emailOutbox.update({
    where: { companyId_id: { companyId: t.company.id, id } },
    data: { nextAttemptAt: T0, createdAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000) },
  });
  return { id, subject };
}

const deliver = (t: Tenant, now: Date, opts: DeliverOptions = {}) => deliverDueEmails({ now, transport, companyId: t.company.id, ...opts });
const email = (t: Tenant, id: string) => prisma.emailOutbox.findUniqueOrThrow({ where: { companyId_id: { companyId: t.company.id, id } } });
const received = (subject: string) => smtp.messages.filter((m) => m.subject === subject);
const audits = (t: Tenant, action: string, targetId: string) => prisma.auditLog.findMany({ where: { companyId: t.company.id, action, targetId } });

describe('delivery over SMTP', () => {
  it('sends a statement email with the statement PDF attached and records it', async () => {
    const t = await tenant();
    const statementId = await statement(t);
    const { id, subject } = await queue(t, { statementId, to: 'payables@zephyr.example' });

    expect(await deliver(t, T0)).toEqual({ sent: 1, retried: 0, failed: 0 });

    const [mail, ...more] = received(subject);
    expect(more).toEqual([]);
    expect(mail!.envelopeTo).toEqual(['payables@zephyr.example']);
    expect(mail!.to).toEqual(['payables@zephyr.example']);
    expect(mail!.from).toBe(DEFAULT_MAIL_FROM.match(/<(.+)>/)![1]);
    expect(mail!.text.trim()).toBe('Please find your statement attached.');
    expect(mail!.attachments).toHaveLength(1);
    const [pdf] = mail!.attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.filename).toMatch(/^Statement Zephyr Traders 2026-05-20\.pdf$/);
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(pdf!.content)).getPageCount()).toBeGreaterThanOrEqual(1);

    const row = await email(t, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: T0, messageId: mail!.messageId });
    expect(await audits(t, 'email.sent', id)).toHaveLength(1);

    // Sent is final: later passes leave it alone.
    expect(await deliver(t, at(60))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received(subject)).toHaveLength(1);
  });

  it('sends an email without a statement with no attachment', async () => {
    const t = await tenant();
    const { id, subject } = await queue(t);
    expect(await deliver(t, T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received(subject)[0]!.attachments).toEqual([]);
    expect((await email(t, id)).status).toBe('sent');
  });

  it('retries a rejected recipient with backoff and gives up after the 5th attempt', async () => {
    const t = await tenant();
    smtp.rejectRecipients((address) => address.startsWith('bounce@'));
    try {
      const { id, subject } = await queue(t, { to: 'bounce@zephyr.example' });

      expect(await deliver(t, T0)).toEqual({ sent: 0, retried: 1, failed: 0 });
      let row = await email(t, id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: at(1), sentAt: null });
      expect(row.lastError).toMatch(/bounce@zephyr\.example unavailable/);
      expect(row.lastError!.length).toBeLessThanOrEqual(500);

      // Not due before its next attempt.
      expect(await deliver(t, at(0.5))).toEqual({ sent: 0, retried: 0, failed: 0 });

      // Attempts 2, 3 and 4 wait 5 min, 30 min and 2 h from the time they failed.
      let now = at(1);
      for (const [attempts, waitMinutes] of [
        [2, 5],
        [3, 30],
        [4, 120],
      ] as const) {
        expect(await deliver(t, now)).toEqual({ sent: 0, retried: 1, failed: 0 });
        row = await email(t, id);
        expect(row).toMatchObject({ status: 'queued', attempts });
        expect(row.nextAttemptAt).toEqual(new Date(now.getTime() + waitMinutes * 60_000));
        now = row.nextAttemptAt;
      }
      expect(await audits(t, 'email.failed', id)).toEqual([]);

      expect(await deliver(t, now)).toEqual({ sent: 0, retried: 0, failed: 1 });
      row = await email(t, id);
      expect(row).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });
      expect(row.lastError).toMatch(/unavailable/);
      const [failed, ...moreFailed] = await audits(t, 'email.failed', id);
      expect(moreFailed).toEqual([]);
      expect(failed!.details).toMatchObject({ to: 'bounce@zephyr.example', subject, attempts: 5 });

      // Failed is final.
      expect(await deliver(t, at(10_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(received(subject)).toEqual([]);
    } finally {
      smtp.rejectRecipients(undefined);
    }
  });

  it('counts an attachment that cannot be rendered as a failed attempt and carries on with the others', async () => {
    const t = await tenant();
    const broken = await queue(t);
    const fine = await queue(t);
    const result = await deliver(t, T0, {
      attachments: async (e) => {
        if (e.id === broken.id) throw new Error(`Renderer exploded: ${'x'.repeat(800)}`);
        return [];
      },
    });
    expect(result).toEqual({ sent: 1, retried: 1, failed: 0 });
    const row = await email(t, broken.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: at(1) });
    expect(row.lastError).toHaveLength(500);
    expect(row.lastError!.startsWith('Renderer exploded: xxx')).toBe(true);
    expect(received(broken.subject)).toEqual([]);
    expect(received(fine.subject)).toHaveLength(1);
  });

  it('holds a claimed email for a 5-minute lease and picks it up again once the lease has expired', async () => {
    const t = await tenant();
    const { id, subject } = await queue(t);

    // While it is being sent, the email is claimed: status sending, one attempt, leased until T0 + 5 min.
    let duringSend: Awaited<ReturnType<typeof email>> | undefined;
    await deliver(t, T0, {
      attachments: async () => {
        duringSend = await email(t, id);
        return [];
      },
    });
    expect(duringSend).toMatchObject({ status: 'sending', attempts: 1, nextAttemptAt: at(5) });

    // A sender that crashed mid-attempt leaves 'sending' rows behind: one with an expired lease, one still held.
    const crashed = await queue(t);
    const held = await queue(t);
    await prisma.emailOutbox.update({
      where: { companyId_id: { companyId: t.company.id, id: crashed.id } },
      data: { status: 'sending', attempts: 1, nextAttemptAt: at(-0.5) },
    });
    await prisma.emailOutbox.update({
      where: { companyId_id: { companyId: t.company.id, id: held.id } },
      data: { status: 'sending', attempts: 1, nextAttemptAt: at(4) },
    });

    expect(await deliver(t, T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await email(t, crashed.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await email(t, held.id)).toMatchObject({ status: 'sending', attempts: 1, nextAttemptAt: at(4) });
    expect(received(held.subject)).toEqual([]);

    expect(await deliver(t, at(4))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await email(t, held.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received(subject)).toHaveLength(1);
    expect(received(crashed.subject)).toHaveLength(1);
    expect(received(held.subject)).toHaveLength(1);
  });

  it('sends each email exactly once when senders run at the same time', async () => {
    const t = await tenant();
    const queued = [];
    for (let i = 0; i < 7; i++) queued.push(await queue(t));

    const results = await Promise.all([2, 2, 2, 10].map((limit) => deliver(t, T0, { limit })));

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(7);
    expect(results.every((r) => r.retried === 0 && r.failed === 0)).toBe(true);
    for (const q of queued) {
      expect(received(q.subject)).toHaveLength(1);
      expect(await email(t, q.id)).toMatchObject({ status: 'sent', attempts: 1 });
    }
  });

  it('does nothing without a transport: emails stay queued', async () => {
    const t = await tenant();
    const { id, subject } = await queue(t);
    const before = await email(t, id);
    const smtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await deliverDueEmails({ now: T0, transport: null, companyId: t.company.id })).toEqual({ sent: 0, retried: 0, failed: 0 });
      // Unset SMTP_URL means no default transport either.
      expect(await deliverDueEmails({ now: T0, companyId: t.company.id })).toEqual({ sent: 0, retried: 0, failed: 0 });
    } finally {
      if (smtpUrl !== undefined) process.env.SMTP_URL = smtpUrl;
    }
    expect(await email(t, id)).toEqual(before);
    expect(before).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    expect(received(subject)).toEqual([]);
  });
});

describe('enqueueEmail', () => {
  it("writes the outbox row and an email.queued audit entry in the caller's transaction", async () => {
    const t = await tenant();
    const statementId = await statement(t);
    const { id, subject } = await queue(t, { statementId, to: '  ap@zephyr.example ' });
    expect(await email(t, id)).toMatchObject({
      toAddress: 'ap@zephyr.example',
      subject,
      bodyText: 'Please find your statement attached.',
      statementId,
      createdBy: t.admin.id,
      status: 'queued',
      attempts: 0,
    });
    const [audit, ...more] = await audits(t, 'email.queued', id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ userId: t.admin.id, targetType: 'email', details: { to: 'ap@zephyr.example', subject, statementId } });
  });

  it('queues nothing when the transaction rolls back', async () => {
    const t = await tenant();
    const failure = await prisma
      .$transaction(async (tx) => {
        await enqueueEmail(tx, { companyId: t.company.id, to: 'ap@zephyr.example', subject: 'Rolled back', bodyText: 'x', createdBy: null });
        throw new Error('statement generation failed');
      })
      .catch((e: unknown) => e);
    expect((failure as Error).message).toBe('statement generation failed');
    expect(await prisma.emailOutbox.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { companyId: t.company.id, action: 'email.queued' } })).toBe(0);
  });

  it('rejects an invalid address with a BAD_REQUEST naming the field', async () => {
    const t = await tenant();
    for (const to of ['not-an-address', 'a@b@c.example', 'ap@zephyr.example\r\nBcc: x@evil.example', '']) {
      const error = await prisma
        .$transaction((tx) => enqueueEmail(tx, { companyId: t.company.id, to, subject: 'Hello', bodyText: 'x', createdBy: null }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_REQUEST');
      expect((error as AppError).message).toMatch(/\bto: /);
      expect((error as AppError).issues?.map((i) => i.path)).toEqual(['to']);
    }
    const error = await prisma
      .$transaction((tx) =>
        enqueueEmail(tx, { companyId: t.company.id, to: 'ap@zephyr.example', subject: 'Two\nlines', bodyText: 'x', createdBy: null }),
      )
      .catch((e: unknown) => e);
    expect((error as AppError).issues?.map((i) => i.path)).toEqual(['subject']);
    expect(await prisma.emailOutbox.count({ where: { companyId: t.company.id } })).toBe(0);
  });
});

describe('listOutbox and getOutboxEmail', () => {
  it("show only this company's emails the user may see", async () => {
    const t = await tenant(['North', 'South']);
    const [north, south] = t.company.locations.map((l) => l.id) as [string, string];
    const other = await tenant(['North']);
    const northOnly = await queue(t, { statementId: await statement(t, [north]) });
    const both = await queue(t, { statementId: await statement(t, [north, south]) });
    const noStatement = await queue(t);
    const elsewhere = await queue(other, { statementId: await statement(other) });

    const adminAccess = await access(t.admin.id, t.company.slug);
    const collector = await createMember(t.company, 'member', { view: [north], modify: [north, south] });
    const collectorAccess = await access(collector.id, t.company.slug);

    const all = await listOutbox(adminAccess, { page: 1, perPage: 10 });
    expect(all.rows.map((r) => r.id)).toEqual([noStatement.id, both.id, northOnly.id]);
    expect(all).toMatchObject({ totalRows: 3, totalPages: 1 });
    expect(all.rows[2]).toMatchObject({
      to: expect.stringMatching(/@zephyr\.example$/),
      subject: northOnly.subject,
      status: 'queued',
      attempts: 0,
      lastError: null,
      sentAt: null,
      nextAttemptAt: T0,
      customerName: 'Zephyr Traders',
      bodyText: 'Please find your statement attached.',
    });
    expect(all.rows[0]).toMatchObject({ statementId: null, customerName: null });

    // A collector viewing North sees the email of the North statement only: not the one that also drew from
    // South (modify does not imply view), nor the one without a statement.
    const mine = await listOutbox(collectorAccess, { page: 1, perPage: 10 });
    expect(mine.rows.map((r) => r.id)).toEqual([northOnly.id]);
    expect(mine.totalRows).toBe(1);
    expect((await getOutboxEmail(collectorAccess, northOnly.id)).subject).toBe(northOnly.subject);
    for (const id of [both.id, noStatement.id, elsewhere.id, 'not-a-uuid']) {
      const error = await getOutboxEmail(collectorAccess, id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_FOUND');
    }

    // The admin of one company never sees another's.
    const adminError = await getOutboxEmail(adminAccess, elsewhere.id).catch((e: unknown) => e);
    expect((adminError as AppError).code).toBe('NOT_FOUND');
    expect(JSON.stringify(all)).not.toContain(elsewhere.id);
  });

  it('pages newest first and filters by status', async () => {
    const t = await tenant();
    const emails = [];
    for (let i = 0; i < 5; i++) emails.push(await queue(t));
    const adminAccess = await access(t.admin.id, t.company.slug);
    await prisma.emailOutbox.update({ where: { companyId_id: { companyId: t.company.id, id: emails[0]!.id } }, data: { status: 'failed' } });

    const page1 = await listOutbox(adminAccess, { page: 1, perPage: 2 });
    const page3 = await listOutbox(adminAccess, { page: 3, perPage: 2 });
    expect(page1).toMatchObject({ totalRows: 5, totalPages: 3, page: 1, perPage: 2 });
    expect(page1.rows.map((r) => r.id)).toEqual([emails[4]!.id, emails[3]!.id]);
    expect(page3.rows.map((r) => r.id)).toEqual([emails[0]!.id]);
    expect((await listOutbox(adminAccess, { page: 9, perPage: 2 })).rows).toEqual([]);
    expect((await listOutbox(adminAccess, { page: 9, perPage: 2 })).totalRows).toBe(5);

    const failed = await listOutbox(adminAccess, { page: 1, perPage: 10, status: 'failed' });
    expect(failed.rows.map((r) => r.id)).toEqual([emails[0]!.id]);
    expect(failed.totalRows).toBe(1);
  });
});
