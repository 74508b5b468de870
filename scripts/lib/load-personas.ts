import { prisma } from '../../lib/db/client';
import { getCompanyAccess } from '../../lib/auth/get-company-access';
import { createApiToken } from '../../lib/tokens/create-api-token';
import { getAgingScheme } from '../../lib/receivables/get-aging-scheme';
import { bucketsOf, type Bucket } from '../../lib/aging/scheme';

/** The demo logins (scripts/lib/demo-data.ts) the load test acts as: two companies, five location scopes. */
export const LOAD_PERSONAS = [
  { key: 'acme-admin', email: 'admin@acme.test', slug: 'acme' }, // all 5 locations, view + modify
  { key: 'acme-manager', email: 'manager@acme.test', slug: 'acme' }, // view + modify on Boston, Chicago, Denver
  { key: 'acme-collector', email: 'collector@acme.test', slug: 'acme' }, // view on Boston and Chicago
  { key: 'globex-admin', email: 'admin@globex.test', slug: 'globex' }, // both Globex locations
  { key: 'globex-manager', email: 'manager@acme.test', slug: 'globex' }, // view on London
] as const;

export interface LoadCustomer {
  id: string;
  name: string;
  defaultLocationId: string | null;
}

export interface Persona {
  key: string;
  slug: string;
  companyId: string;
  timeZone: string;
  currency: string;
  isAdmin: boolean;
  /** The company's aging buckets, in order. */
  buckets: Bucket[];
  token: { id: string; secret: string };
  viewLocationIds: Set<string>;
  viewLocationNames: Set<string>;
  modifyLocationNames: Set<string>;
  /** Customers the API may show this user (the rule of getCustomerAging): default location or an invoice in a viewable location. */
  visible: Map<string, LoadCustomer>;
  /** Customers this user may record money for (the rule of requireCustomerModify); empty for a viewer. */
  modifiable: LoadCustomer[];
  /** Customer ids the API must answer 404 for: the other company's and this company's invisible ones. */
  hidden: string[];
}

/** Customers of a company with their default location or an invoice in one of `locationIds`. */
function customersIn(companyId: string, locationIds: string[]): Promise<LoadCustomer[]> {
  return prisma.customer.findMany({
    where: { companyId, OR: [{ defaultLocationId: { in: locationIds } }, { invoices: { some: { locationId: { in: locationIds } } } }] },
    select: { id: true, name: true, defaultLocationId: true },
    orderBy: { id: 'asc' },
  });
}

/**
 * Resolves each persona's access from the database, the customers it may see and modify, and gives it a new
 * API token named `tokenName` (delete them with deleteLoadTokens).
 */
export async function loadPersonas(tokenName: string): Promise<Persona[]> {
  const slugs = [...new Set(LOAD_PERSONAS.map((p) => p.slug))];
  const companies = await prisma.company.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const missing = slugs.filter((s) => !companies.some((c) => c.slug === s));
  if (missing.length > 0)
    throw new Error(`No demo company ${missing.join(', ')} in this database: load the demo data into an empty database (npm run seed:demo).`);
  const allIds = new Map(
    await Promise.all(
      companies.map(
        async (c) => [c.slug, (await prisma.customer.findMany({ where: { companyId: c.id }, select: { id: true } })).map((x) => x.id)] as const,
      ),
    ),
  );
  const personas: Persona[] = [];
  try {
    for (const p of LOAD_PERSONAS) personas.push(await loadPersona(p, tokenName, allIds));
  } catch (error) {
    await deleteLoadTokens(personas);
    throw error;
  }
  return personas;
}

async function loadPersona(p: (typeof LOAD_PERSONAS)[number], tokenName: string, allIds: Map<string, string[]>): Promise<Persona> {
  const user = await prisma.user.findUnique({ where: { email: p.email }, select: { id: true } });
  const access = user && (await getCompanyAccess(user.id, p.slug));
  if (!access) throw new Error(`${p.email} is not a member of ${p.slug}: is this the demo data?`);
  const viewIds = access.viewLocations.map((l) => l.id);
  const visible = await customersIn(access.company.id, viewIds);
  const modifiable = access.modifyLocationIds.length > 0 ? await customersIn(access.company.id, access.modifyLocationIds) : [];
  const visibleIds = new Set(visible.map((c) => c.id));
  const hidden = [...allIds].flatMap(([slug, ids]) => (slug === p.slug ? ids.filter((id) => !visibleIds.has(id)) : ids));
  const token = await createApiToken(access.company.id, access.userId, { name: tokenName });
  return {
    key: p.key,
    slug: p.slug,
    companyId: access.company.id,
    timeZone: access.company.timeZone,
    currency: access.company.baseCurrency,
    isAdmin: access.role === 'admin',
    buckets: bucketsOf(await getAgingScheme(access.company.id)),
    token: { id: token.id, secret: token.secret },
    viewLocationIds: new Set(viewIds),
    viewLocationNames: new Set(access.viewLocations.map((l) => l.name)),
    modifyLocationNames: new Set(access.viewLocations.filter((l) => access.modifyLocationIds.includes(l.id)).map((l) => l.name)),
    visible: new Map(visible.map((c) => [c.id, c])),
    modifiable,
    hidden,
  };
}

/** Removes the tokens loadPersonas created. */
export async function deleteLoadTokens(personas: Persona[]): Promise<void> {
  await prisma.apiToken.deleteMany({ where: { id: { in: personas.map((p) => p.token.id) } } });
}
