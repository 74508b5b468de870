// Next's request-scope storage needs a global AsyncLocalStorage before any Next module loads (as `next start`
// does): import this module before route handlers.
import 'next/dist/server/node-environment-baseline';
import { randomBytes, randomUUID } from 'node:crypto';
import { workAsyncStorage, type WorkStore } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { createRequestStoreForAPI } from 'next/dist/server/async-storage/request-store';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AgingScheme } from '@/lib/aging/scheme';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { getCompanyAccess, type CompanyAccess } from '@/lib/auth/get-company-access';
import type { CompanyRole } from '@/lib/auth/permissions';
import { createApiToken } from '@/lib/tokens/create-api-token';

// Each test file builds its own tenants with unique slugs and e-mails, so files can share one database and
// run in parallel: the same isolation the product relies on.

export interface TestLocation {
  id: string;
  name: string;
}
export interface TestCompany {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  baseCurrency: string;
  locations: TestLocation[];
}
export interface TestUser {
  id: string;
  email: string;
  name: string;
}
export interface TestCustomer {
  id: string;
  name: string;
}

const suffix = () => randomBytes(5).toString('hex');
let invoiceSeq = 0;

/** A company with a unique slug and the given locations (names, or a count: "Location 1".."Location N"). */
export async function createCompany(
  opts: {
    name?: string;
    timeZone?: string;
    baseCurrency?: string;
    locations?: number | string[];
    /** Explicit location ids, e.g. ones that are valid PostgreSQL uuids but not RFC 4122 version 4. */
    locationIds?: string[];
  } = {},
): Promise<TestCompany> {
  const tag = suffix();
  const names = Array.isArray(opts.locations) ? opts.locations : Array.from({ length: opts.locations ?? 1 }, (_, i) => `Location ${i + 1}`);
  const company = await prisma.company.create({
    data: {
      slug: `t-${tag}`,
      name: opts.name ?? `Test Co ${tag}`,
      timeZone: opts.timeZone ?? 'UTC',
      baseCurrency: opts.baseCurrency ?? 'USD',
    },
    select: { id: true, slug: true, name: true, timeZone: true, baseCurrency: true },
  });
  const locations = names.map((name, i) => ({ id: opts.locationIds?.[i] ?? randomUUID(), name }));
  if (locations.length > 0) {
    await prisma.location.createMany({ data: locations.map((l) => ({ companyId: company.id, ...l })) });
  }
  return { ...company, locations };
}

export async function createUser(name = 'Test User'): Promise<TestUser> {
  const email = `user-${suffix()}@example.test`;
  return prisma.user.create({ data: { email, name, passwordHash: 'not-a-real-hash' }, select: { id: true, email: true, name: true } });
}

export interface Grants {
  /** Location ids with invoices.view. */
  view?: string[];
  /** Location ids with invoices.modify. */
  modify?: string[];
}

/** Makes an existing user a member of the company with per-location grants. */
export async function addMembership(companyId: string, userId: string, role: CompanyRole, grants: Grants = {}): Promise<void> {
  await prisma.membership.create({ data: { companyId, userId, role } });
  const rows = [
    ...(grants.view ?? []).map((locationId) => ({ locationId, permission: 'invoices.view' })),
    ...(grants.modify ?? []).map((locationId) => ({ locationId, permission: 'invoices.modify' })),
  ];
  if (rows.length > 0) {
    await prisma.locationPermission.createMany({ data: rows.map((r) => ({ companyId, userId, ...r })) });
  }
}

/** A new user who is a member (or admin) of the company. */
export async function createMember(company: { id: string }, role: CompanyRole, grants: Grants = {}, name?: string): Promise<TestUser> {
  const user = await createUser(name ?? (role === 'admin' ? 'Test Admin' : 'Test Collector'));
  await addMembership(company.id, user.id, role, grants);
  return user;
}

export interface CustomerSpec {
  name: string;
  id?: string;
  email?: string;
  defaultLocationId?: string;
  addressLine1?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** Customers in one multi-row insert, returned in the order given. */
export async function createCustomers(companyId: string, specs: (string | CustomerSpec)[]): Promise<TestCustomer[]> {
  const rows = specs.map((s) => (typeof s === 'string' ? { name: s } : s)).map((s) => ({ ...s, id: s.id ?? randomUUID() }));
  if (rows.length > 0) await prisma.customer.createMany({ data: rows.map((r) => ({ companyId, ...r })) });
  return rows.map(({ id, name }) => ({ id, name }));
}

export interface InvoiceSpec {
  customerId: string;
  locationId: string;
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  /** Integer minor units. */
  amount: number;
  /** Integer minor units; the amount when omitted. */
  balance?: number;
  status?: 'draft' | 'open' | 'paid' | 'void';
  currency?: string;
  number?: string;
  billSourceId?: string | null;
}

const dateColumn = (d: CalendarDate) => new Date(`${d}T00:00:00Z`);

/** Invoices in one multi-row insert; ids returned in the order given. */
export async function createInvoices(companyId: string, specs: InvoiceSpec[]): Promise<string[]> {
  const rows = specs.map((s) => ({
    companyId,
    id: randomUUID(),
    number: s.number ?? `T-${process.pid}-${++invoiceSeq}`,
    customerId: s.customerId,
    locationId: s.locationId,
    invoiceDate: dateColumn(s.invoiceDate),
    dueDate: dateColumn(s.dueDate),
    currency: s.currency ?? 'USD',
    amountMinor: BigInt(s.amount),
    balanceMinor: BigInt(s.balance ?? s.amount),
    status: s.status ?? 'open',
    billSourceId: s.billSourceId ?? null,
  }));
  if (rows.length > 0) await prisma.invoice.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** Stores an aging scheme for the company, or a bill source (active by default: at most one active per company or source). */
export async function setAgingScheme(companyId: string, definition: AgingScheme, isActive = true, billSourceId: string | null = null): Promise<void> {
  await prisma.agingScheme.create({
    data: {
      companyId,
      billSourceId,
      name: isActive ? 'Active scheme' : 'Old scheme',
      isActive,
      definition: JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonObject,
    },
  });
}

/** An API token of the user in the company; the secret to send as `Authorization: Bearer <secret>`. */
export async function createTokenFor(companyId: string, userId: string, name = 'test token'): Promise<{ id: string; secret: string }> {
  const { id, secret } = await createApiToken(companyId, userId, { name });
  return { id, secret };
}

/** getCompanyAccess that fails the test instead of returning null. */
export async function access(userId: string, slug: string): Promise<CompanyAccess> {
  const result = await getCompanyAccess(userId, slug);
  if (!result) throw new Error(`User ${userId} has no access to company ${slug}`);
  return result;
}

/** `date` plus `days` calendar days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A browser-session cookie for the user, as next-auth would set it after a login. */
export async function sessionCookie(userId: string): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set (tests/support/setup-env.ts sets it)');
  const jwt = await encode({ token: { sub: userId, name: 'Session User' }, secret });
  return `next-auth.session-token=${jwt}`;
}

/**
 * Runs `fn` inside a Next.js request scope for `req`, as the route runtime does, so that `headers()` and
 * `cookies()` (used by the session fallback of lib/api/with-api-access.ts) read this request.
 */
export function inRequestScope<T>(req: Request, fn: () => Promise<T>): Promise<T> {
  process.env.NEXTAUTH_URL ??= 'http://localhost';
  const url = new URL(req.url);
  const store = createRequestStoreForAPI(
    { headers: req.headers } as unknown as Parameters<typeof createRequestStoreForAPI>[0],
    { pathname: url.pathname, search: url.search },
    { tags: [], expirationsByCacheKind: new Map() },
    undefined,
    undefined,
    undefined,
  );
  const work = { page: url.pathname, route: url.pathname } as unknown as WorkStore;
  return workAsyncStorage.run(work, () => workUnitAsyncStorage.run(store, fn));
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** The JSON error body of every API route (lib/api/error-response.ts). */
export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/**
 * Calls a route handler as Next would: GET `path` (on http://localhost), or `send.method` with `send.body` as
 * JSON, with a bearer token, a raw Authorization header or a session cookie. `B` is the body type the caller
 * expects for the status it asserts.
 */
export async function callRoute<B = ErrorBody, P = { company: string }>(
  handler: RouteHandler<P>,
  path: string,
  params: P,
  auth: { token?: string; authorization?: string; cookie?: string } = {},
  send: { method: string; body?: unknown } = { method: 'GET' },
): Promise<{ status: number; body: B }> {
  const headers = new Headers();
  if (auth.token !== undefined) headers.set('authorization', `Bearer ${auth.token}`);
  if (auth.authorization !== undefined) headers.set('authorization', auth.authorization);
  if (auth.cookie !== undefined) headers.set('cookie', auth.cookie);
  if (send.body !== undefined) headers.set('content-type', 'application/json');
  const req = new Request(`http://localhost${path}`, {
    method: send.method,
    headers,
    body: send.body === undefined ? undefined : JSON.stringify(send.body),
  });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(params) }));
  return { status: res.status, body: (await res.json()) as B };
}

// --- Helpers for statements and invoice downloads (added for tests/integration/statements-*.test.ts) ---

export interface InvoiceLineSpec {
  invoiceId: string;
  description: string;
  /** Decimal string, e.g. "2" or "1.5"; "1" when omitted. */
  quantity?: string;
  /** Integer minor units. */
  unitPrice: number;
  /** Integer minor units; unitPrice when omitted. */
  lineTotal?: number;
}

/** Invoice lines in one multi-row insert, numbered 1, 2, ... per invoice in the order given. */
export async function createInvoiceLines(companyId: string, specs: InvoiceLineSpec[]): Promise<void> {
  const positions = new Map<string, number>();
  const rows = specs.map((s) => {
    const position = (positions.get(s.invoiceId) ?? 0) + 1;
    positions.set(s.invoiceId, position);
    return {
      companyId,
      invoiceId: s.invoiceId,
      position,
      description: s.description,
      quantity: s.quantity ?? '1',
      unitPriceMinor: BigInt(s.unitPrice),
      lineTotalMinor: BigInt(s.lineTotal ?? s.unitPrice),
    };
  });
  if (rows.length > 0) await prisma.invoiceLine.createMany({ data: rows });
}

/** Replaces companies.settings (flat dotted keys, e.g. 'accounting.statements.bulk_generate_limit'). */
export async function setCompanySettings(companyId: string, settings: Record<string, unknown>): Promise<void> {
  await prisma.company.update({ where: { id: companyId }, data: { settings: settings as Prisma.InputJsonObject } });
}

/** Runs a server action as the signed-in user (next-auth session cookie), inside a request scope. */
export async function asUser<T>(userId: string, action: () => Promise<T>, path = '/'): Promise<T> {
  const req = new Request(`http://localhost${path}`, { headers: { cookie: await sessionCookie(userId) } });
  return inRequestScope(req, action);
}

/** A route handler's file answer: status, headers and the raw bytes (a PDF), or the JSON error body. */
export interface FileRouteResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  /** Parsed when the answer is JSON (errors). */
  json?: ErrorBody;
}

/** Like callRoute, for handlers that answer with a file rather than JSON. */
export async function callFileRoute<P = { company: string; id: string }>(
  handler: RouteHandler<P>,
  path: string,
  params: P,
  auth: { token?: string; cookie?: string } = {},
): Promise<FileRouteResponse> {
  const headers = new Headers();
  if (auth.token !== undefined) headers.set('authorization', `Bearer ${auth.token}`);
  if (auth.cookie !== undefined) headers.set('cookie', auth.cookie);
  const req = new Request(`http://localhost${path}`, { headers });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(params) }));
  const bytes = new Uint8Array(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('application/json') ? (JSON.parse(new TextDecoder().decode(bytes)) as ErrorBody) : undefined;
  return { status: res.status, headers: res.headers, bytes, json };
}

/**
 * Runs a server action as the signed-in user the way Next runs one after a form post, including what
 * `revalidatePath` needs (an incremental cache in the work store, stubbed: nothing is cached in tests). Returns
 * the action's result and the cache tags it asked to revalidate (e.g. "_N_T_/acme/accounting/statements").
 */
export async function runServerAction<T>(userId: string, action: () => Promise<T>): Promise<{ result: T; revalidated: string[] }> {
  process.env.NEXTAUTH_URL ??= 'http://localhost';
  const req = new Request('http://localhost/', { method: 'POST', headers: { cookie: await sessionCookie(userId) } });
  const store = createRequestStoreForAPI(
    { headers: req.headers } as unknown as Parameters<typeof createRequestStoreForAPI>[0],
    { pathname: '/', search: '' },
    { tags: [], expirationsByCacheKind: new Map() },
    undefined,
    undefined,
    undefined,
  );
  const work = { page: '/', route: '/', incrementalCache: {}, pendingRevalidatedTags: [] } as unknown as WorkStore & {
    pendingRevalidatedTags: { tag: string }[];
  };
  const result = await workAsyncStorage.run(work, () => workUnitAsyncStorage.run(store, action));
  return { result, revalidated: work.pendingRevalidatedTags.map((t) => t.tag) };
}
