// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  addDays,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  inRequestScope,
  type TestCompany,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import PgBoss from 'pg-boss';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';
import { runDueCompanies } from '@/lib/dunning/run-due-companies';
import { COLLECTIONS_CRON, COLLECTIONS_QUEUE, registerCollectionsJobs } from '@/lib/jobs/collections-jobs';
import * as policyRoute from '@/app/api/v1/companies/[company]/dunning-policy/route';
import * as runsRoute from '@/app/api/v1/companies/[company]/dunning-runs/route';
import * as previewRoute from '@/app/api/v1/companies/[company]/dunning-runs/preview/route';
import * as decideRoute from '@/app/api/v1/companies/[company]/dunning-reminders/decide/route';
import * as approveRoute from '@/app/api/v1/companies/[company]/dunning-reminders/[id]/approve/route';
import * as cancelRoute from '@/app/api/v1/companies/[company]/dunning-reminders/[id]/cancel/route';

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

async function send<P>(handler: Handler<P>, method: string, path: string, params: P, token: string, body?: unknown, idempotencyKey?: string) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
  const req = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(params) }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; issues?: unknown[] } } };
}

let a: TestCompany;
let b: TestCompany;
let tokens: { admin: string; viewer: string; nobody: string; adminB: string };

beforeAll(async () => {
  delete process.env.SMTP_URL;
  a = await createCompany({ locations: ['Main'] });
  b = await createCompany({ locations: ['Main'] });
  const loc = a.locations[0]!.id;
  const admin = await createMember(a, 'admin');
  const viewer = await createMember(a, 'member', { view: [loc] });
  const nobody = await createMember(a, 'member');
  const adminB = await createMember(b, 'admin');
  tokens = {
    admin: (await createTokenFor(a.id, admin.id)).secret,
    viewer: (await createTokenFor(a.id, viewer.id)).secret,
    nobody: (await createTokenFor(a.id, nobody.id)).secret,
    adminB: (await createTokenFor(b.id, adminB.id)).secret,
  };
  const [c] = await createCustomers(a.id, [{ name: 'Api Co', email: 'ap@api.example', defaultLocationId: loc }]);
  // Five days overdue today (real clock: the API takes none): the friendly level.
  const today = todayInTimeZone('UTC');
  await createInvoices(a.id, [{ customerId: c!.id, locationId: loc, invoiceDate: addDays(today, -35), dueDate: addDays(today, -5), amount: 12_345 }]);
  const [cb] = await createCustomers(b.id, [{ name: 'B Co', email: 'ap@b.example', defaultLocationId: b.locations[0]!.id }]);
  await createInvoices(b.id, [{ customerId: cb!.id, locationId: b.locations[0]!.id, invoiceDate: '2020-01-01', dueDate: '2020-02-01', amount: 500 }]);
});

describe('dunning policy API', () => {
  const path = () => `/api/v1/companies/${a.slug}/dunning-policy`;
  it('reads the default chain for anyone with view; nobody without a location', async () => {
    const r = await send(policyRoute.GET, 'GET', path(), { company: a.slug }, tokens.viewer);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ customized: false, mode: 'approve', minIntervalDays: 14 });
    expect((r.body.levels as { days: number; channel: string }[]).map((l) => [l.days, l.channel])).toEqual([
      [1, 'email'],
      [15, 'email'],
      [30, 'email'],
      [60, 'letter'],
    ]);
    expect((await send(policyRoute.GET, 'GET', path(), { company: a.slug }, tokens.nobody)).status).toBe(403);
    expect((await send(policyRoute.GET, 'GET', path(), { company: a.slug }, tokens.adminB)).status).toBe(404);
  });

  it('admins replace it; an unknown merge field is a 400 naming the field; members are refused', async () => {
    const policy = { ...DEFAULT_POLICY, mode: 'automatic', minimums: { USD: 2_500 } };
    const bad = { ...policy, levels: [{ ...DEFAULT_POLICY.levels[0]!, subject: 'Hi {{nam}}' }] };
    const refused = await send(policyRoute.PUT, 'PUT', path(), { company: a.slug }, tokens.admin, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error!.issues).toEqual([{ path: 'levels.0.subject', message: 'Unknown merge field {{nam}}' }]);
    expect((await send(policyRoute.PUT, 'PUT', path(), { company: a.slug }, tokens.viewer, policy)).status).toBe(403);
    const saved = await send(policyRoute.PUT, 'PUT', path(), { company: a.slug }, tokens.admin, policy);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ customized: true, mode: 'automatic', minimums: { USD: 2_500 } });
    expect(await prisma.auditLog.count({ where: { companyId: a.id, action: 'dunning_policy.update' } })).toBe(1);
    expect(await prisma.dunningPolicy.count({ where: { companyId: b.id } })).toBe(0);
  });
});

describe('dunning runs API', () => {
  it('preview (admins), run now (admins, idempotent by key), history, approve and cancel', async () => {
    const base = `/api/v1/companies/${a.slug}/dunning-runs`;
    expect((await send(previewRoute.GET, 'GET', `${base}/preview`, { company: a.slug }, tokens.viewer)).status).toBe(403);
    const preview = await send(previewRoute.GET, 'GET', `${base}/preview`, { company: a.slug }, tokens.admin);
    expect(preview.status).toBe(200);
    expect(preview.body.totals).toEqual({ emails: 1, calls: 0, letters: 0, skipped: 0 });

    expect((await send(runsRoute.POST, 'POST', base, { company: a.slug }, tokens.viewer)).status).toBe(403);
    expect((await send(runsRoute.POST, 'POST', base, { company: a.slug }, tokens.adminB)).status).toBe(404);
    await prisma.dunningPolicy.update({ where: { companyId: a.id }, data: { mode: 'approve' } });
    const run = await send(runsRoute.POST, 'POST', base, { company: a.slug }, tokens.admin, undefined, 'run-1');
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ flagged: 1, emails: 0, awaitingApproval: 1, tasks: 0, skipped: 0 });
    const replay = await send(runsRoute.POST, 'POST', base, { company: a.slug }, tokens.admin, undefined, 'run-1');
    expect(replay.body).toEqual(run.body);

    const history = await send(runsRoute.GET, 'GET', base, { company: a.slug }, tokens.admin);
    expect((history.body.runs as { trigger: string; status: string; flagged: number }[]).map((r) => [r.trigger, r.status, r.flagged])).toEqual([
      ['api', 'done', 1],
    ]);

    const reminder = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: a.id } });
    const reminderPath = (action: string) => `/api/v1/companies/${a.slug}/dunning-reminders/${reminder.id}/${action}`;
    // B's admin, with A's reminder under B's slug: not found, and nothing changes.
    expect((await send(approveRoute.POST, 'POST', reminderPath('approve'), { company: b.slug, id: reminder.id }, tokens.adminB)).status).toBe(404);
    expect((await send(cancelRoute.POST, 'POST', reminderPath('cancel'), { company: a.slug, id: reminder.id }, tokens.viewer)).status).toBe(403);
    const approved = await send(approveRoute.POST, 'POST', reminderPath('approve'), { company: a.slug, id: reminder.id }, tokens.admin);
    expect(approved).toEqual({ status: 200, body: { changed: 1, withdrawn: 0, unchanged: 0 } });
    const again = await send(cancelRoute.POST, 'POST', reminderPath('cancel'), { company: a.slug, id: reminder.id }, tokens.admin);
    expect(again).toEqual({ status: 200, body: { changed: 0, withdrawn: 0, unchanged: 1 } });
    expect(await prisma.emailOutbox.count({ where: { companyId: a.id, reminderId: reminder.id } })).toBe(1);
  });

  it('decides reminders in bulk (admins): by ids or all, a bad body is a 400 naming the field; the preview pages', async () => {
    const path = `/api/v1/companies/${a.slug}/dunning-reminders/decide`;
    const reminder = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: a.id } });
    expect((await send(decideRoute.POST, 'POST', path, { company: a.slug }, tokens.viewer, { all: true, decision: 'cancel' })).status).toBe(403);
    expect((await send(decideRoute.POST, 'POST', path, { company: a.slug }, tokens.adminB, { all: true, decision: 'cancel' })).status).toBe(404);
    const bad = await send(decideRoute.POST, 'POST', path, { company: a.slug }, tokens.admin, { decision: 'send' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Decision must be approve or cancel');
    // Already approved above: nothing changes, by id or all.
    expect(await send(decideRoute.POST, 'POST', path, { company: a.slug }, tokens.admin, { ids: [reminder.id], decision: 'cancel' })).toEqual({
      status: 200,
      body: { changed: 0, withdrawn: 0, unchanged: 1 },
    });
    expect(await send(decideRoute.POST, 'POST', path, { company: a.slug }, tokens.admin, { all: true, decision: 'approve' })).toEqual({
      status: 200,
      body: { changed: 0, withdrawn: 0, unchanged: 0 },
    });
    const base = `/api/v1/companies/${a.slug}/dunning-runs/preview`;
    const tooMany = await send(previewRoute.GET, 'GET', `${base}?perPage=500`, { company: a.slug }, tokens.admin);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('perPage');
    const paged = await send(previewRoute.GET, 'GET', `${base}?page=2&perPage=1`, { company: a.slug }, tokens.admin);
    expect(paged.body).toMatchObject({ page: 2, perPage: 1 });
  });
});

describe('the scheduler', () => {
  it('registers a 15-minute pg-boss schedule whose job runs every company that is due', { timeout: 120_000 }, async () => {
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: 'pgboss_test', supervise: false, schedule: false });
    await boss.start();
    try {
      // 02:30 on 2030-06-10 in UTC: both test companies (UTC) are due.
      await registerCollectionsJobs(boss, { clock: () => new Date('2030-06-10T02:30:00Z'), pollingIntervalSeconds: 0.5 });
      const schedules = await boss.getSchedules();
      expect(schedules.filter((s) => s.name === COLLECTIONS_QUEUE).map((s) => [s.cron, s.options?.tz])).toEqual([[COLLECTIONS_CRON, 'UTC']]);
      await boss.send(COLLECTIONS_QUEUE, {});
      const deadline = Date.now() + 60_000;
      let runs = 0;
      while (Date.now() < deadline) {
        runs = await prisma.dunningRun.count({ where: { companyId: { in: [a.id, b.id] }, runOn: new Date('2030-06-10T00:00:00Z'), status: 'done' } });
        if (runs === 2) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(runs).toBe(2);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    // The same day again: nothing is due any more (before 02:00 neither).
    const again = await runDueCompanies(new Date('2030-06-10T23:00:00Z'));
    expect(again.ran.filter((r) => [a.id, b.id].includes(r.companyId))).toEqual([]);
    const early = await runDueCompanies(new Date('2030-06-11T01:59:00Z'));
    expect(early.ran.filter((r) => [a.id, b.id].includes(r.companyId))).toEqual([]);
  });
});
