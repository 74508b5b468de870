import { access, createCompany, createMember, createTokenFor, inRequestScope, runServerAction, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { notifyUsers } from '@/lib/notifications/notify-users';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';
import { getBellNotifications } from '@/lib/notifications/get-bell-notifications';
import { markNotificationsReadAction } from '@/lib/actions/notifications/mark-notifications-read';
import { GET as listGET } from '@/app/api/v1/companies/[company]/notifications/route';
import { POST as readPOST } from '@/app/api/v1/companies/[company]/notifications/read/route';

let co: TestCompany;
let other: TestCompany;
let me: string;
let colleague: string;
let token: string;
let otherToken: string;

async function send(
  handler: (req: Request, ctx: { params: Promise<{ company: string }> }) => Promise<Response>,
  method: string,
  path: string,
  slug: string,
  tok: string,
  body?: unknown,
) {
  const req = new Request(`http://localhost/api/v1/companies/${slug}${path}`, {
    method,
    headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve({ company: slug }) }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items?: { title: string }[]; error?: { code: string } } };
}

beforeAll(async () => {
  co = await createCompany({ locations: 1 });
  other = await createCompany({ locations: 1 });
  me = (await createMember(co, 'member', { view: [co.locations[0]!.id] })).id;
  colleague = (await createMember(co, 'admin')).id;
  await prisma.membership.create({ data: { companyId: other.id, userId: me, role: 'member' } });
  token = (await createTokenFor(co.id, me)).secret;
  otherToken = (await createTokenFor(other.id, (await createMember(other, 'admin')).id)).secret;
  for (const [i, kind] of (['escalation', 'broken_promise', 'delivery_failed'] as const).entries()) {
    await notifyUsers({
      companyId: co.id,
      userIds: [me, colleague],
      kind,
      title: `N${i + 1}`,
      link: `/${co.slug}/collections`,
      dedupeKey: `k${i + 1}`,
    });
    await prisma.$executeRaw`UPDATE notifications SET created_at = ${new Date(Date.UTC(2026, 2, 1 + i))} WHERE company_id = ${co.id}::uuid AND dedupe_key = ${`k${i + 1}`}`;
  }
  // Mine in another company: never listed here.
  await notifyUsers({ companyId: other.id, userIds: [me], kind: 'run', title: 'Elsewhere', dedupeKey: 'x' });
});

describe('notifications', () => {
  it('lists my own, newest first, with the unread count; the bell reads the same', async () => {
    const mine = await listNotifications(await access(me, co.slug));
    expect(mine.items.map((n) => [n.title, n.kind, n.readAt])).toEqual([
      ['N3', 'delivery_failed', null],
      ['N2', 'broken_promise', null],
      ['N1', 'escalation', null],
    ]);
    expect([mine.unread, mine.totalRows]).toEqual([3, 3]);
    expect((await listNotifications(await access(me, co.slug), { perPage: '2', page: '2' })).items.map((n) => n.title)).toEqual(['N1']);
    const bell = await getBellNotifications(me, co.slug, 2);
    expect([bell.unread, bell.items.map((n) => n.title)]).toEqual([3, ['N3', 'N2']]);
    expect(await getBellNotifications(me, 'no-such-company')).toEqual({ unread: 0, items: [], timeZone: 'UTC' });
    await expect(listNotifications(await access(me, co.slug), { perPage: '500' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it("marks read only the caller's own: another user's or company's id is not found and nothing changes", async () => {
    const mineAccess = await access(me, co.slug);
    const [n3, n2] = (await listNotifications(mineAccess)).items;
    const theirs = await prisma.notification.findFirstOrThrow({ where: { companyId: co.id, userId: colleague, dedupeKey: 'k1' } });
    const elsewhere = await prisma.notification.findFirstOrThrow({ where: { companyId: other.id, userId: me } });
    await expect(markNotificationsRead(mineAccess, { ids: [n3!.id, theirs.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markNotificationsRead(mineAccess, { ids: [elsewhere.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markNotificationsRead(mineAccess, {})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await listNotifications(mineAccess)).unread).toBe(3);

    const at = new Date('2026-03-10T08:00:00Z');
    expect(await markNotificationsRead(mineAccess, { ids: [n3!.id] }, at)).toEqual({ marked: 1, unread: 2 });
    expect(await markNotificationsRead(mineAccess, { ids: [n3!.id] }, at)).toEqual({ marked: 0, unread: 2 });
    expect((await listNotifications(mineAccess, { unread: '1' })).items.map((n) => n.title)).toEqual(['N2', 'N1']);
    expect((await listNotifications(mineAccess)).items[0]!.readAt).toBe(at.toISOString());
    // Through the action, all at once; the colleague's stay unread.
    const { result } = await runServerAction(me, () => markNotificationsReadAction(co.slug, { all: true }));
    expect(result).toEqual({ ok: true, data: { marked: 2, unread: 0 } });
    expect(n2).toBeDefined();
    expect((await listNotifications(await access(colleague, co.slug))).unread).toBe(3);
    expect((await listNotifications(await access(me, other.slug))).unread).toBe(1);
  });

  it('API: GET lists, POST read marks; another company is a 404', async () => {
    const list = await send(listGET, 'GET', '/notifications?perPage=2', co.slug, token);
    expect(list.status).toBe(200);
    expect([list.body.items!.map((n) => n.title), list.body.totalRows, list.body.unread]).toEqual([['N3', 'N2'], 3, 0]);
    expect((await send(listGET, 'GET', '/notifications?perPage=x', co.slug, token)).status).toBe(400);
    expect((await send(listGET, 'GET', '/notifications', co.slug, otherToken)).status).toBe(404);
    const colleagueToken = (await createTokenFor(co.id, colleague)).secret;
    const read = await send(readPOST, 'POST', '/notifications/read', co.slug, colleagueToken, { all: true });
    expect([read.status, read.body]).toEqual([200, { marked: 3, unread: 0 }]);
    const foreign = await prisma.notification.findFirstOrThrow({ where: { companyId: other.id } });
    expect((await send(readPOST, 'POST', '/notifications/read', co.slug, token, { ids: [foreign.id] })).status).toBe(404);
  });
});
