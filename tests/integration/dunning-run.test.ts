// fixtures first: it prepares Next's runtime globals before the server modules load.
import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany, type TestUser } from '../support/fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { decideReminders } from '@/lib/dunning/decide-reminders';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';
import { loadDunningPolicy } from '@/lib/dunning/get-dunning-policy';
import { planDunning } from '@/lib/dunning/plan-dunning';
import { placeHold } from '@/lib/collections/place-hold';
import { recordPayment } from '@/lib/ledger/record-payment';
import { triageDunning, triageSending } from '@/lib/dunning/triage-dunning';
import { previewDunningRun } from '@/lib/dunning/preview-dunning-run';
import { runCollections } from '@/lib/dunning/run-collections';
import { updateDunningPolicy } from '@/lib/dunning/update-dunning-policy';
import { deliverDueEmails } from '@/lib/email/deliver-due-emails';
import { MAX_EMAIL_ATTEMPTS } from '@/lib/email/retry-backoff';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';

const at = (date: string) => new Date(`${date}T06:00:00Z`);
const RUN_ON = '2026-03-20';

let smtp: SmtpTestServer;
let transport: Transporter;
let company: TestCompany;
let admin: TestUser;
let collector: TestUser;
let adminAccess: CompanyAccess;
let ids: Record<string, string>;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  vi.spyOn(console, 'error').mockImplementation(() => {});
  smtp = await startSmtpTestServer();
  transport = nodemailer.createTransport(smtp.url);
  company = await createCompany({ name: 'Harbour Supplies', locations: ['Quay'] });
  await prisma.company.update({ where: { id: company.id }, data: { remitTo: 'Harbour Supplies\nSort code 00-11-22' } });
  const loc = company.locations[0]!.id;
  admin = await createMember(company, 'admin');
  collector = await createMember(company, 'member', { view: [loc], modify: [loc] });
  adminAccess = await access(admin.id, company.slug);
  await updateDunningPolicy(adminAccess, { ...DEFAULT_POLICY, mode: 'automatic', minimums: { USD: 2_500 } });
  const names = ['Plain', 'Disputed', 'Held', 'Promise', 'Credit', 'Small', 'No Mail', 'Opt Out', 'Recent', 'Letter'];
  const customers = await createCustomers(
    company.id,
    names.map((n) => ({
      name: `${n} Co`,
      defaultLocationId: loc,
      ...(n === 'No Mail' ? {} : { email: `ap@${n.replace(' ', '').toLowerCase()}.example` }),
    })),
  );
  const c = Object.fromEntries(names.map((n, i) => [n, customers[i]!.id]));
  const inv = (customer: string, number: string, dueDate: string, amount = 10_000) => ({
    customerId: c[customer]!,
    locationId: loc,
    invoiceDate: '2026-01-01',
    dueDate,
    amount,
    number,
  });
  const invoiceIds = await createInvoices(company.id, [
    inv('Plain', 'P1', '2026-03-19', 10_000),
    inv('Plain', 'P2', '2026-03-05', 20_000),
    inv('Plain', 'P3', '2026-02-18', 30_000),
    inv('Disputed', 'D1', '2026-03-01'),
    inv('Held', 'H1', '2026-03-01'),
    inv('Held', 'H2', '2026-03-10'),
    inv('Promise', 'PR1', '2026-03-01'),
    inv('Credit', 'C1', '2026-03-01', 15_000),
    inv('Small', 'S1', '2026-03-01', 2_000),
    inv('No Mail', 'N1', '2026-03-01'),
    inv('Opt Out', 'O1', '2026-03-01'),
    inv('Recent', 'R1', '2026-02-01'),
    inv('Letter', 'L1', '2026-01-15'),
  ]);
  ids = { ...c, H1: invoiceIds[4]! };
  const cid = company.id;
  await prisma.collectionHold.create({
    data: { companyId: cid, customerId: c.Disputed!, kind: 'dispute', reason: 'Wrong price', startsOn: at('2026-03-01') },
  });
  await prisma.collectionHold.create({
    data: { companyId: cid, customerId: c.Held!, invoiceId: ids.H1, kind: 'hold', reason: 'Awaiting PO', startsOn: at('2026-03-01') },
  });
  await prisma.paymentPromise.create({
    data: { companyId: cid, customerId: c.Promise!, currency: 'USD', amountMinor: 10_000n, promisedOn: at('2026-03-25'), madeOn: at('2026-03-15') },
  });
  await prisma.payment.create({
    data: {
      companyId: cid,
      customerId: c.Credit!,
      currency: 'USD',
      amountMinor: 20_000n,
      unappliedMinor: 20_000n,
      receivedOn: at('2026-03-02'),
      reference: 'ON-ACCOUNT',
    },
  });
  await prisma.customer.update({ where: { companyId_id: { companyId: cid, id: c['Opt Out']! } }, data: { remindersOptOut: true } });
  await prisma.customer.update({ where: { companyId_id: { companyId: cid, id: c['No Mail']! } }, data: { collectorId: collector.id } });
  // Recent Co was reminded on 2026-03-15 (a level it has no invoice at today).
  const prior = await prisma.dunningRun.create({ data: { companyId: cid, runOn: at('2026-03-15'), trigger: 'schedule', status: 'done' } });
  await prisma.dunningReminder.create({
    data: {
      companyId: cid,
      runId: prior.id,
      customerId: c.Recent!,
      level: 2,
      channel: 'email',
      status: 'queued',
      subject: 'Earlier',
      bodyText: 'Earlier',
    },
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  transport?.close();
  await smtp?.stop();
});

describe("a company's dunning run", () => {
  it('the preview shows who gets what at which level, and each skip with its reason', async () => {
    const preview = await previewDunningRun(adminAccess, {}, at(RUN_ON));
    expect({ runOn: preview.runOn, mode: preview.mode, toFlag: preview.toFlag, totals: preview.totals }).toEqual({
      runOn: RUN_ON,
      mode: 'automatic',
      toFlag: 13,
      totals: { emails: 2, calls: 1, letters: 1, skipped: 6 },
    });
    expect(
      preview.rows.map((p) => [p.customerName, p.action, p.level, p.items.map((i) => `${i.number}@${i.level}`), p.skips.map((s) => s.reason)]),
    ).toEqual([
      ['Held Co', 'email', 1, ['H2@1'], ['on_hold']],
      ['Letter Co', 'letter', 4, ['L1@4'], []],
      ['No Mail Co', 'call', 2, ['N1@2'], []],
      ['Plain Co', 'email', 3, ['P3@3', 'P2@2', 'P1@1'], []],
      ['Credit Co', 'skip', null, [], ['covered_by_credit']],
      ['Disputed Co', 'skip', null, [], ['disputed']],
      ['Opt Out Co', 'skip', null, [], ['opted_out']],
      ['Promise Co', 'skip', null, [], ['promise_pending']],
      ['Recent Co', 'skip', null, [], ['min_interval']],
      ['Small Co', 'skip', null, [], ['under_minimum']],
    ]);
    const why = Object.fromEntries(preview.rows.flatMap((p) => p.skips.map((s) => [p.customerName, s.message])));
    expect(why).toEqual({
      'Held Co': 'On hold: H1.',
      'Credit Co': 'Unapplied payments and credits of $200.00 cover the $150.00 overdue.',
      'Disputed Co': 'Disputed: D1.',
      'Opt Out Co': 'The customer opted out of reminders.',
      'Promise Co': 'A promise to pay is not yet due: PR1.',
      'Recent Co': 'Reminded 5 days ago (2026-03-15); the minimum interval is 14 days.',
      'Small Co': '$20.00 overdue is under the minimum of $25.00.',
    });
    expect(preview.rows.find((p) => p.customerName === 'No Mail Co')!.note).toBe('No email address: a call task for the collector instead.');
    // A preview writes nothing.
    expect(await prisma.dunningRun.count({ where: { companyId: company.id, runOn: at(RUN_ON) } })).toBe(0);
  });

  it('the SQL triage the run relies on agrees with the skip rules, customer by customer, reason by reason', async () => {
    const policy = await loadDunningPolicy(company.id);
    const facts = { id: company.id, name: 'Harbour Supplies', remitTo: null };
    const triaged = await triageDunning(company.id, policy, RUN_ON);
    const plans = await planDunning(facts, policy, RUN_ON);
    expect(triaged.map((t) => t.customerId).sort()).toEqual(plans.map((p) => p.customerId).sort());
    const planOf = new Map(plans.map((p) => [p.customerId, p]));
    for (const t of triaged) {
      const plan = planOf.get(t.customerId)!;
      expect([plan.customerName, t.sends, t.reasons]).toEqual([
        plan.customerName,
        plan.action !== 'skip',
        [...new Set(plan.skips.map((s) => s.reason))],
      ]);
    }
    expect(triaged.filter((t) => t.sends)).toHaveLength(4);
    // The run's cut of it: the same customers send, and the same number have candidates.
    expect(await triageSending(company.id, policy, RUN_ON)).toEqual({
      sending: triaged.filter((t) => t.sends).map((t) => t.customerId),
      candidates: triaged.length,
    });
  });

  it('the run queues one email per customer listing each invoice at its level, with the statement attached, and opens tasks', async () => {
    const summary = await runCollections(company.id, { now: at(RUN_ON), trigger: 'manual', userId: admin.id });
    expect({ flagged: summary.flagged, emails: summary.emails, tasks: summary.tasks, skipped: summary.skipped }).toEqual({
      flagged: 13,
      emails: 2,
      tasks: 2,
      skipped: 6,
    });
    const reminders = await prisma.dunningReminder.findMany({ where: { companyId: company.id, runId: summary.runId }, orderBy: { level: 'asc' } });
    expect(reminders.map((r) => [r.customerId, r.level, r.channel, r.status, r.assigneeId])).toEqual([
      [ids.Held, 1, 'email', 'queued', null],
      [ids['No Mail'], 2, 'call', 'task_open', collector.id],
      [ids.Plain, 3, 'email', 'queued', null],
      [ids.Letter, 4, 'letter', 'task_open', null],
    ]);
    const plain = reminders.find((r) => r.customerId === ids.Plain)!;
    expect(plain.subject).toBe('Final notice: management review pending (Harbour Supplies)');
    expect(plain.bodyText).toContain(
      [
        '- Invoice P3, due Feb 18, 2026, 30 days overdue: $300.00 (Escalation)',
        '- Invoice P2, due Mar 5, 2026, 15 days overdue: $200.00 (Firm reminder)',
        '- Invoice P1, due Mar 19, 2026, 1 day overdue: $100.00 (Friendly reminder)',
      ].join('\n'),
    );
    expect(plain.bodyText).toContain('Amount due: $600.00, up to 30 days overdue.');
    const entry = await prisma.collectionEntry.findFirstOrThrow({ where: { companyId: company.id, reminderId: plain.id } });
    expect({ kind: entry.kind, source: entry.source, userId: entry.userId }).toEqual({ kind: 'email', source: 'reminder', userId: null });
    expect(await prisma.collectionEntryInvoice.count({ where: { companyId: company.id, entryId: entry.id } })).toBe(3);
    const escalations = await prisma.notification.findMany({
      where: { companyId: company.id, userId: admin.id, kind: 'escalation' },
      orderBy: { title: 'asc' },
    });
    // One escalation for the whole run, not one per customer (Plain Co reached Escalation, Letter Co's letter is due).
    expect(escalations.map((n) => [n.title, n.link, n.dedupeKey])).toEqual([
      ['1 customer reached Escalation; 1 formal letter is due', `/${company.slug}/collections/runs`, `escalation:${RUN_ON}`],
    ]);
    // Each assignee hears of the tasks the run opened for them: the collector of the call, the admins of the letter.
    const tasks = async (userId: string) =>
      (await prisma.notification.findMany({ where: { companyId: company.id, userId, kind: 'task' } })).map((n) => [n.title, n.link, n.dedupeKey]);
    const link = `/${company.slug}/collections?type=task`;
    expect(await tasks(collector.id)).toEqual([['1 new reminder task (calls and letters) on your worklist', link, `tasks:${RUN_ON}`]]);
    expect(await tasks(admin.id)).toEqual([['1 new reminder task (calls and letters) on your worklist', link, `tasks:${RUN_ON}`]]);

    expect(await deliverDueEmails({ transport, companyId: company.id })).toEqual({ sent: 2, retried: 0, failed: 0 });
    const mail = smtp.messages.find((m) => m.to.includes('ap@plain.example'))!;
    expect(mail.subject).toBe(plain.subject);
    expect(mail.text).toContain('- Invoice P3, due Feb 18, 2026, 30 days overdue: $300.00 (Escalation)');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`Statement Plain Co ${RUN_ON}.pdf`, 'application/pdf']]);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const statement = await prisma.invoiceStatement.findFirstOrThrow({ where: { companyId: company.id, id: plain.statementId! } });
    expect({ customerId: statement.customerId, totalMinor: statement.totalMinor, invoiceCount: statement.invoiceCount }).toEqual({
      customerId: ids.Plain,
      totalMinor: 60_000n,
      invoiceCount: 3,
    });
  });

  it('the next day sends nothing again; two weeks on, each invoice gets its next level', async () => {
    const next = await runCollections(company.id, { now: at('2026-03-21'), trigger: 'schedule' });
    expect(await prisma.dunningReminder.count({ where: { companyId: company.id, runId: next.runId, channel: 'email' } })).toBe(0);
    const later = await runCollections(company.id, { now: at('2026-04-04'), trigger: 'schedule' });
    const plain = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: company.id, runId: later.runId, customerId: ids.Plain } });
    const items = await prisma.dunningReminderItem.findMany({ where: { companyId: company.id, reminderId: plain.id }, orderBy: { level: 'asc' } });
    expect(items.map((i) => [i.daysOverdue, i.level])).toEqual([
      [16, 2],
      [30, 3],
    ]);
    expect(plain.level).toBe(3);
  });

  it('a reminder email that finally fails notifies the collector and the admins', async () => {
    await prisma.customer.update({ where: { companyId_id: { companyId: company.id, id: ids.Held! } }, data: { collectorId: collector.id } });
    await prisma.emailOutbox.updateMany({ where: { companyId: company.id, status: 'queued' }, data: { attempts: MAX_EMAIL_ATTEMPTS - 1 } });
    smtp.rejectRecipients(() => true);
    try {
      const r = await deliverDueEmails({ transport, companyId: company.id });
      expect(r.failed).toBeGreaterThan(0);
    } finally {
      smtp.rejectRecipients(undefined);
    }
    const failed = await prisma.notification.findMany({
      where: { companyId: company.id, kind: 'delivery_failed', title: 'Reminder to Held Co could not be delivered' },
    });
    expect(failed.map((n) => n.userId).sort()).toEqual([admin.id, collector.id].sort());
  });
});

describe('approve-first', () => {
  it('reminders wait for a manager; approving twice at once queues one email; cancelled ones are not sent again', async () => {
    const co = await createCompany({ locations: ['Main'] });
    const loc = co.locations[0]!.id;
    const boss = await createMember(co, 'admin');
    const bossAccess = await access(boss.id, co.slug);
    const [a, b] = await createCustomers(co.id, [
      { name: 'Approve Co', email: 'ap@approve.example', defaultLocationId: loc },
      { name: 'Cancel Co', email: 'ap@cancel.example', defaultLocationId: loc },
    ]);
    await createInvoices(co.id, [
      { customerId: a!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-10', amount: 50_000 },
      { customerId: b!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-10', amount: 50_000 },
    ]);
    const run = await runCollections(co.id, { now: at(RUN_ON), trigger: 'schedule' });
    expect({ emails: run.emails, awaitingApproval: run.awaitingApproval }).toEqual({ emails: 0, awaitingApproval: 2 });
    expect(await prisma.emailOutbox.count({ where: { companyId: co.id } })).toBe(0);
    const ra = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, customerId: a!.id } });
    const rb = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, customerId: b!.id } });

    const both = await Promise.all([
      decideReminders(bossAccess, { ids: [ra.id], decision: 'approve' }, at(RUN_ON)),
      decideReminders(bossAccess, { ids: [ra.id], decision: 'approve' }, at(RUN_ON)),
    ]);
    expect(both.map((r) => r.changed).sort()).toEqual([0, 1]);
    const emails = await prisma.emailOutbox.findMany({ where: { companyId: co.id } });
    expect(emails.map((e) => [e.toAddress, e.reminderId, e.statementId !== null])).toEqual([['ap@approve.example', ra.id, true]]);
    expect(await prisma.collectionEntry.count({ where: { companyId: co.id, reminderId: ra.id } })).toBe(1);

    expect(await decideReminders(bossAccess, { ids: [rb.id], decision: 'cancel' }, at(RUN_ON))).toEqual({ changed: 1, withdrawn: 0, unchanged: 0 });
    const cancelled = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, id: rb.id } });
    expect({ status: cancelled.status, decidedBy: cancelled.decidedBy }).toEqual({ status: 'cancelled', decidedBy: boss.id });
    // Its level is not offered again; the next level is, once due.
    const preview = await previewDunningRun(bossAccess, {}, at('2026-03-24'));
    expect(preview.rows).toEqual([]);

    // Another company's reminder is not found; a member may not decide.
    await expect(decideReminders(adminAccess, { ids: [ra.id], decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const member = await createMember(co, 'member', { view: [loc], modify: [loc] });
    await expect(decideReminders(await access(member.id, co.slug), { ids: [ra.id], decision: 'cancel' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('approving later', () => {
  it("sends only what is still owed at today's figures, and withdraws a reminder with nothing left", async () => {
    const co = await createCompany({ name: 'Later Ltd', locations: ['Main'] });
    const loc = co.locations[0]!.id;
    const boss = await createMember(co, 'admin');
    const bossAccess = await access(boss.id, co.slug);
    const [mixed, paid] = await createCustomers(co.id, [
      { name: 'Mixed Co', email: 'ap@mixed.example', defaultLocationId: loc },
      { name: 'Paid Co', email: 'ap@paid.example', defaultLocationId: loc },
    ]);
    const [m1, m2, , p1] = await createInvoices(co.id, [
      { customerId: mixed!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-10', amount: 10_000, number: 'M1' },
      { customerId: mixed!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-05', amount: 20_000, number: 'M2' },
      { customerId: mixed!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-12', amount: 30_000, number: 'M3' },
      { customerId: paid!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-10', amount: 40_000, number: 'P1' },
    ]);
    const run = await runCollections(co.id, { now: at(RUN_ON), trigger: 'schedule' });
    expect(run.awaitingApproval).toBe(2);
    const before = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, customerId: mixed!.id } });
    expect({ level: before.level, firm: before.bodyText.includes('M2, due Mar 5, 2026, 15 days overdue') }).toEqual({ level: 2, firm: true });

    // A week later, before anyone approves: M1 and P1 are paid, M2 is disputed.
    await recordPayment(bossAccess, { invoiceId: m1, amount: '100.00', receivedOn: '2026-03-24', reference: 'LATER-1' });
    await recordPayment(bossAccess, { invoiceId: p1, amount: '400.00', receivedOn: '2026-03-25', reference: 'LATER-2' });
    await placeHold(bossAccess, { kind: 'dispute', invoiceId: m2, reason: 'Damaged goods' }, { now: at('2026-03-26') });

    const decided = await decideReminders(bossAccess, { all: true, decision: 'approve' }, at('2026-03-27'));
    expect(decided).toEqual({ changed: 1, withdrawn: 1, unchanged: 0 });

    const sent = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, id: before.id } });
    expect({ status: sent.status, level: sent.level, subject: sent.subject }).toEqual({
      status: 'queued',
      level: 1,
      subject: 'Payment reminder from Later Ltd',
    });
    expect(sent.bodyText).toContain('- Invoice M3, due Mar 12, 2026, 15 days overdue: $300.00 (Friendly reminder)');
    expect(sent.bodyText).toContain('Amount due: $300.00.');
    expect(sent.bodyText).toContain('please pay by April 3, 2026');
    expect(sent.bodyText).not.toMatch(/M1|M2/);
    const items = await prisma.dunningReminderItem.findMany({ where: { companyId: co.id, reminderId: sent.id } });
    expect(items.map((i) => [i.daysOverdue, i.balanceMinor, i.level])).toEqual([[15, 30_000n, 1]]);
    const statement = await prisma.invoiceStatement.findFirstOrThrow({ where: { companyId: co.id, id: sent.statementId! } });
    // The statement is the customer's account today: the disputed invoice is still owed, so it is on it.
    expect({ asOf: statement.asOf.toISOString().slice(0, 10), total: statement.totalMinor }).toEqual({ asOf: '2026-03-27', total: 50_000n });

    const withdrawn = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, customerId: paid!.id } });
    expect({ status: withdrawn.status, decidedBy: withdrawn.decidedBy, emailId: withdrawn.emailId }).toEqual({
      status: 'cancelled',
      decidedBy: boss.id,
      emailId: null,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { companyId: co.id, action: 'dunning_reminder.withdraw' } });
    expect(audit.details).toEqual({ reminders: [{ id: withdrawn.id, reason: 'Paid or no longer overdue' }] });
    expect(await prisma.emailOutbox.findMany({ where: { companyId: co.id }, select: { toAddress: true } })).toEqual([
      { toAddress: 'ap@mixed.example' },
    ]);

    // The disputed invoice's level was not used: once the dispute ends, the next run may remind it at its level.
    expect(await prisma.dunningReminderItem.count({ where: { companyId: co.id, invoiceId: m2 } })).toBe(0);
  });
});

describe('a customer owing more than 2^53 minor units in all', () => {
  it('is reminded with exact amounts, and without a statement rather than one with rounded totals', async () => {
    const co = await createCompany({ name: 'Giant Holdings', locations: ['Vault'] });
    const loc = co.locations[0]!.id;
    const boss = await createMember(co, 'admin');
    await updateDunningPolicy(await access(boss.id, co.slug), { ...DEFAULT_POLICY, mode: 'automatic', minimums: { USD: 2_500 } });
    const [giant] = await createCustomers(co.id, [{ name: 'Giant Co', email: 'ap@giant.example', defaultLocationId: loc }]);
    // Each balance is a safe integer; their sum (12,000,000,000,000,001) is not.
    await createInvoices(co.id, [
      { customerId: giant!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-19', amount: 6_000_000_000_000_000, number: 'G1' },
      { customerId: giant!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-18', amount: 6_000_000_000_000_001, number: 'G2' },
    ]);
    const run = await runCollections(co.id, { now: at(RUN_ON), trigger: 'schedule' });
    expect({ flagged: run.flagged, emails: run.emails }).toEqual({ flagged: 2, emails: 1 });
    const reminder = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, customerId: giant!.id } });
    expect(reminder.bodyText).toContain('Amount due: $120,000,000,000,000.01');
    expect(reminder.statementId).toBeNull();
    expect(await deliverDueEmails({ transport, companyId: co.id })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = smtp.messages.find((m) => m.to.includes('ap@giant.example'))!;
    expect(mail.text).toContain('- Invoice G2, due Mar 18, 2026, 2 days overdue: $60,000,000,000,000.01 (Friendly reminder)');
    expect(mail.attachments).toEqual([]);
  });
});
