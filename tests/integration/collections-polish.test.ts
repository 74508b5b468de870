// fixtures first: it prepares Next's runtime globals before the server modules load.
import {
  access,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  runServerAction,
  type TestCompany,
  type TestUser,
} from '../support/fixtures';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { decideRemindersAction } from '@/lib/actions/dunning/decide-reminders';
import { decideReminders } from '@/lib/dunning/decide-reminders';
import { previewDunningRun } from '@/lib/dunning/preview-dunning-run';
import { listAwaitingReminders } from '@/lib/dunning/list-awaiting-reminders';
import { runCollections } from '@/lib/dunning/run-collections';
import { getBellNotifications } from '@/lib/notifications/get-bell-notifications';

// Issue 11 polish: one escalation notification per run, the runs page's paged lists and skip summary,
// "Approve all" / "Cancel all", and the bell's time zone.
const at = (date: string) => new Date(`${date}T06:00:00Z`);
const RUN_ON = '2026-03-20';
const pad = (i: number) => String(i).padStart(2, '0');

let co: TestCompany;
let boss: TestUser;
let boss2: TestUser;
let member: TestUser;
let bossAccess: CompanyAccess;

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  co = await createCompany({ name: 'Flood Co', timeZone: 'America/New_York', locations: ['Main'] });
  const loc = co.locations[0]!.id;
  boss = await createMember(co, 'admin');
  boss2 = await createMember(co, 'admin');
  member = await createMember(co, 'member', { view: [loc], modify: [loc] });
  bossAccess = await access(boss.id, co.slug);
  // Default policy (approve first): 30 customers at Escalation (30+ days), 20 at the formal letter (60+ days),
  // 5 at the friendly reminder, 2 disputed and 1 on hold.
  const specs = [
    ...Array.from({ length: 30 }, (_, i) => ({ name: `Esc ${pad(i)}`, due: '2026-02-15' })),
    ...Array.from({ length: 20 }, (_, i) => ({ name: `Letter ${pad(i)}`, due: '2026-01-10' })),
    ...Array.from({ length: 5 }, (_, i) => ({ name: `Friendly ${pad(i)}`, due: '2026-03-18' })),
    { name: 'Disputed A', due: '2026-03-01' },
    { name: 'Disputed B', due: '2026-03-01' },
    { name: 'Held', due: '2026-03-01' },
  ];
  const customers = await createCustomers(
    co.id,
    specs.map((s) => ({ name: s.name, email: `ap@${s.name.replace(' ', '').toLowerCase()}.example`, defaultLocationId: loc })),
  );
  await createInvoices(
    co.id,
    specs.map((s, i) => ({ customerId: customers[i]!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: s.due, amount: 100_000 })),
  );
  const byName = new Map(customers.map((c) => [c.name, c.id]));
  for (const [name, kind] of [
    ['Disputed A', 'dispute'],
    ['Disputed B', 'dispute'],
    ['Held', 'hold'],
  ] as const) {
    await prisma.collectionHold.create({
      data: { companyId: co.id, customerId: byName.get(name)!, kind, reason: 'Checking', startsOn: at('2026-03-01') },
    });
  }
});

describe('the runs page, paged on the server', () => {
  it('the preview: one page of customers, the totals and the skip summary over every page', async () => {
    const first = await previewDunningRun(bossAccess, {}, at(RUN_ON));
    expect({ ...first, rows: first.rows.length }).toEqual({
      runOn: RUN_ON,
      enabled: true,
      mode: 'approve',
      toFlag: 58,
      totals: { emails: 35, calls: 0, letters: 20, skipped: 3 },
      skipSummary: [
        { reason: 'disputed', customers: 2 },
        { reason: 'on_hold', customers: 1 },
      ],
      rows: 50,
      page: 1,
      perPage: 50,
      totalRows: 58,
      totalPages: 2,
    });
    const second = await previewDunningRun(bossAccess, { page: '2' }, at(RUN_ON));
    // Customers with something to send first, the skipped ones last.
    expect(second.rows.map((r) => r.action)).toEqual(['letter', 'letter', 'letter', 'letter', 'letter', 'skip', 'skip', 'skip']);
    expect(second.rows.slice(5).map((r) => r.customerName)).toEqual(['Disputed A', 'Disputed B', 'Held']);
    // The reminder text stays on the server.
    expect(Object.keys(second.rows[0]!).sort()).toEqual(['action', 'customerId', 'customerName', 'items', 'level', 'levelName', 'note', 'skips']);
    expect((await previewDunningRun(bossAccess, { page: 3 }, at(RUN_ON))).rows).toEqual([]);
    await expect(previewDunningRun(bossAccess, { perPage: '500' }, at(RUN_ON))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'perPage', message: 'Must be a whole number from 1 to 200' }],
    });
    await expect(previewDunningRun(await access(member.id, co.slug), {}, at(RUN_ON))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the run notifies each admin once, not once per customer, and a rerun that day adds nothing', async () => {
    await runCollections(co.id, { now: at(RUN_ON), trigger: 'schedule' });
    await runCollections(co.id, { now: new Date(`${RUN_ON}T15:00:00Z`), trigger: 'manual', userId: boss.id });
    const escalations = await prisma.notification.findMany({ where: { companyId: co.id, kind: 'escalation' }, orderBy: { userId: 'asc' } });
    expect(escalations.map((n) => [n.userId, n.title, n.link, n.dedupeKey])).toEqual(
      [boss.id, boss2.id]
        .sort()
        .map((id) => [id, '30 customers reached Escalation; 20 formal letters are due', `/${co.slug}/collections/runs`, `escalation:${RUN_ON}`]),
    );
    // Collectors (members) get none.
    expect(await prisma.notification.count({ where: { companyId: co.id, userId: member.id, kind: 'escalation' } })).toBe(0);
  });

  it('awaiting approval: LIMIT/OFFSET pages with the total', async () => {
    const page1 = await listAwaitingReminders(bossAccess, { perPage: 10 });
    expect([page1.rows.length, page1.totalRows, page1.totalPages]).toEqual([10, 35, 4]);
    expect(page1.rows.slice(0, 2).map((r) => r.customerName)).toEqual(['Esc 00', 'Esc 01']);
    const page4 = await listAwaitingReminders(bossAccess, { page: '4', perPage: '10' });
    expect(page4.rows.map((r) => r.customerName)).toEqual(['Friendly 00', 'Friendly 01', 'Friendly 02', 'Friendly 03', 'Friendly 04']);
    expect((await listAwaitingReminders(bossAccess)).rows).toHaveLength(35);
    await expect(listAwaitingReminders(bossAccess, { page: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(listAwaitingReminders(await access(member.id, co.slug))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('approve all / cancel all', () => {
  it('refuses a bad input and a member; ids and all are exclusive', async () => {
    await expect(decideReminders(bossAccess, { decision: 'approve' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'ids', message: 'Choose reminders, or all: true' }],
    });
    const [one] = (await listAwaitingReminders(bossAccess, { perPage: 1 })).rows;
    await expect(decideReminders(bossAccess, { ids: [one!.id], all: true, decision: 'approve' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(decideReminders(bossAccess, { all: false, decision: 'approve' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(decideReminders(await access(member.id, co.slug), { all: true, decision: 'cancel' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await prisma.dunningReminder.count({ where: { companyId: co.id, status: 'awaiting_approval' } })).toBe(35);
  });

  it("another company's admin deciding all touches only its own company", async () => {
    const other = await createCompany({ locations: ['Elsewhere'] });
    const otherBoss = await createMember(other, 'admin');
    expect(await decideReminders(await access(otherBoss.id, other.slug), { all: true, decision: 'cancel' }, at(RUN_ON))).toEqual({
      changed: 0,
      withdrawn: 0,
      unchanged: 0,
    });
    expect(await prisma.dunningReminder.count({ where: { companyId: co.id, status: 'awaiting_approval' } })).toBe(35);
  });

  it('two "Approve all" at once queue one email per reminder; a third finds nothing; letter tasks stay open', async () => {
    const both = await Promise.all([
      decideReminders(bossAccess, { all: true, decision: 'approve' }, at(RUN_ON)),
      decideReminders(bossAccess, { all: true, decision: 'approve' }, at(RUN_ON)),
    ]);
    expect(both[0]!.changed + both[1]!.changed).toBe(35);
    const emails = await prisma.emailOutbox.findMany({ where: { companyId: co.id }, select: { reminderId: true } });
    expect(emails).toHaveLength(35);
    expect(new Set(emails.map((e) => e.reminderId)).size).toBe(35);
    expect(await decideReminders(bossAccess, { all: true, decision: 'approve' }, at(RUN_ON))).toEqual({ changed: 0, withdrawn: 0, unchanged: 0 });
    const byStatus = await prisma.dunningReminder.groupBy({ by: ['status'], where: { companyId: co.id }, _count: true, orderBy: { status: 'asc' } });
    expect(byStatus.map((s) => [s.status, s._count])).toEqual([
      ['queued', 35],
      ['task_open', 20],
    ]);
    const decided = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, status: 'queued' } });
    expect(decided.decidedBy).toBe(boss.id);
  });

  it('"Cancel all" through the server action cancels every awaiting reminder (not open tasks), once', async () => {
    const small = await createCompany({ locations: ['Main'] });
    const loc = small.locations[0]!.id;
    const admin = await createMember(small, 'admin');
    const cs = await createCustomers(small.id, [
      { name: 'A', email: 'a@a.example', defaultLocationId: loc },
      { name: 'B', email: 'b@b.example', defaultLocationId: loc },
      { name: 'Letter', email: 'l@l.example', defaultLocationId: loc },
    ]);
    await createInvoices(small.id, [
      { customerId: cs[0]!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-10', amount: 50_000 },
      { customerId: cs[1]!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-10', amount: 50_000 },
      { customerId: cs[2]!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-01-10', amount: 50_000 },
    ]);
    await runCollections(small.id, { now: at(RUN_ON), trigger: 'schedule' });
    const { result, revalidated } = await runServerAction(admin.id, () => decideRemindersAction(small.slug, { all: true, decision: 'cancel' }));
    expect(result).toEqual({ ok: true, data: { changed: 2, withdrawn: 0, unchanged: 0 } });
    expect(revalidated).toEqual([`_N_T_/${small.slug}/collections/runs`]);
    const rows = await prisma.dunningReminder.findMany({ where: { companyId: small.id }, orderBy: { channel: 'asc' } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'cancelled'],
      ['email', 'cancelled'],
      ['letter', 'task_open'],
    ]);
    expect((await runServerAction(admin.id, () => decideRemindersAction(small.slug, { all: true, decision: 'cancel' }))).result).toEqual({
      ok: true,
      data: { changed: 0, withdrawn: 0, unchanged: 0 },
    });
    // The first company's reminders were not touched.
    expect(await prisma.dunningReminder.count({ where: { companyId: co.id, status: 'cancelled' } })).toBe(0);
  });
});

describe('cancel all, in bounded batches', () => {
  it('1,100 awaiting reminders are cancelled in three transactions of at most 500', async () => {
    const big = await createCompany({ locations: ['Main'] });
    const admin = await createMember(big, 'admin');
    const customers = await createCustomers(
      big.id,
      Array.from({ length: 1_100 }, (_, i) => `Big ${i}`),
    );
    const run = await prisma.dunningRun.create({ data: { companyId: big.id, runOn: at(RUN_ON), trigger: 'schedule', status: 'done' } });
    await prisma.dunningReminder.createMany({
      data: customers.map((c) => ({
        companyId: big.id,
        runId: run.id,
        customerId: c.id,
        level: 1,
        channel: 'email',
        status: 'awaiting_approval',
        toAddress: 'ap@big.example',
        subject: 'Reminder',
        bodyText: 'Reminder',
        createdAt: at(RUN_ON),
      })),
    });
    expect(await decideReminders(await access(admin.id, big.slug), { all: true, decision: 'cancel' }, at(RUN_ON))).toEqual({
      changed: 1_100,
      withdrawn: 0,
      unchanged: 0,
    });
    const audits = await prisma.auditLog.findMany({ where: { companyId: big.id, action: 'dunning_reminder.cancel' } });
    expect(audits.map((a) => (a.details as { ids: string[] }).ids.length).sort((x, y) => y - x)).toEqual([500, 500, 100]);
    expect(await prisma.dunningReminder.count({ where: { companyId: big.id, status: 'cancelled' } })).toBe(1_100);
  });
});

describe("the bell's time zone", () => {
  it("is the company's, for a member; a stranger gets nothing", async () => {
    const bell = await getBellNotifications(boss.id, co.slug);
    // The day's overdue summary, the one escalation and the letters opened as tasks.
    expect([bell.timeZone, bell.unread, bell.items.map((n) => n.kind).sort()]).toEqual(['America/New_York', 3, ['escalation', 'overdue', 'task']]);
    const stranger = await createMember(await createCompany(), 'admin');
    expect(await getBellNotifications(stranger.id, co.slug)).toEqual({ unread: 0, items: [], timeZone: 'UTC' });
  });
});
