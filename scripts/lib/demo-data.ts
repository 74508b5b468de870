import pg from 'pg';
import { DEFAULT_AGING_SCHEME } from '../../lib/aging/scheme';
import { todayInTimeZone } from '../../lib/aging/calendar-date';
import { hashPassword } from '../../lib/auth/password';
import { makeCustomerProfiles } from './demo-names';
import { readFileSync } from 'node:fs';
import { makeDemoInvoices, RECURRING_FEES, type InvoiceCustomer } from './demo-invoices';
import { BILLING_PERIOD_SCHEME } from './demo-bill-sources';
import { makeDemoLines } from './demo-lines';
import { makeDemoLedger } from './demo-ledger';
import { seedDemoCollections } from './demo-collections';
import { insertDemoLedger } from './demo-ledger-book';
import { Prng } from './prng';
import { insertRows } from './sql-insert';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
  company: string;
}

interface CompanySpec {
  name: string;
  remitTo: string;
  logo: string;
  slug: string;
  timeZone: string;
  currency: 'USD' | 'GBP';
  market: 'us' | 'uk';
  locations: string[];
  customers: number;
  invoices: number;
}

const ACME: CompanySpec = {
  name: 'Acme Security',
  remitTo: 'Acme Security, Inc.\nAttn: Accounts Receivable\nPO Box 4410\nBoston, MA 02101\nACH: routing 011000138, account 2245 8830 11',
  logo: 'acme-logo.png',
  slug: 'acme',
  timeZone: 'America/New_York',
  currency: 'USD',
  market: 'us',
  locations: ['Boston', 'Chicago', 'Denver', 'Miami', 'Seattle'],
  customers: 300,
  invoices: 3000,
};
const GLOBEX: CompanySpec = {
  name: 'Globex Alarms',
  remitTo: 'Globex Alarms Ltd\n14 Wharf Road\nLondon N1 7GR\nSort code 20-00-00, account 55779911',
  logo: 'globex-logo.png',
  slug: 'globex',
  timeZone: 'Europe/London',
  currency: 'GBP',
  market: 'uk',
  locations: ['London', 'Manchester'],
  customers: 20,
  invoices: 150,
};

type Permission = 'invoices.view' | 'invoices.modify';
interface DemoUser {
  email: string;
  name: string;
  password: string;
  /** Company slug -> role and, for members, permissions per location name. Admins get no permission rows. */
  memberships: { slug: string; role: 'admin' | 'member'; grants: [string, Permission[]][] }[];
}

const VIEW: Permission[] = ['invoices.view'];
const VIEW_MODIFY: Permission[] = ['invoices.view', 'invoices.modify'];

const USERS: DemoUser[] = [
  { email: 'admin@acme.test', name: 'Avery Admin', password: 'demo-admin-2026', memberships: [{ slug: 'acme', role: 'admin', grants: [] }] },
  {
    email: 'manager@acme.test',
    name: 'Morgan Manager',
    password: 'demo-manager-2026',
    memberships: [
      {
        slug: 'acme',
        role: 'member',
        grants: [
          ['Boston', VIEW_MODIFY],
          ['Chicago', VIEW_MODIFY],
          ['Denver', VIEW_MODIFY],
        ],
      },
      { slug: 'globex', role: 'member', grants: [['London', VIEW]] },
    ],
  },
  {
    email: 'collector@acme.test',
    name: 'Casey Collector',
    password: 'demo-collector-2026',
    memberships: [
      {
        slug: 'acme',
        role: 'member',
        grants: [
          ['Boston', VIEW],
          ['Chicago', VIEW],
        ],
      },
    ],
  },
  {
    email: 'nolocations@acme.test',
    name: 'Noel Nolocations',
    password: 'demo-nolocations-2026',
    memberships: [{ slug: 'acme', role: 'member', grants: [] }],
  },
  { email: 'admin@globex.test', name: 'Gale Globex', password: 'demo-globex-2026', memberships: [{ slug: 'globex', role: 'admin', grants: [] }] },
];

const COMPANY_NAMES = new Map([ACME, GLOBEX].map((c) => [c.slug, c.name]));

/** One entry per membership (manager@acme.test appears for both companies). */
export const DEMO_LOGINS: DemoLogin[] = USERS.flatMap((u) =>
  u.memberships.map((m) => ({ email: u.email, password: u.password, role: m.role, company: COMPANY_NAMES.get(m.slug) ?? m.slug })),
);

async function seedCompany(client: pg.ClientBase, rng: Prng, spec: CompanySpec, today: string) {
  const companyId = rng.uuid();
  await client.query(
    `INSERT INTO companies (id, slug, name, time_zone, base_currency, settings, remit_to, logo_png)
     VALUES ($1, $2, $3, $4, $5, '{}', $6, $7)`,
    [
      companyId,
      spec.slug,
      spec.name,
      spec.timeZone,
      spec.currency,
      spec.remitTo,
      readFileSync(new URL(`../../public/demo/${spec.logo}`, import.meta.url)),
    ],
  );
  await client.query(`INSERT INTO aging_schemes (company_id, id, name, is_active, definition) VALUES ($1, $2, 'Standard', true, $3::jsonb)`, [
    companyId,
    rng.uuid(),
    JSON.stringify(DEFAULT_AGING_SCHEME),
  ]);
  const locationIds = new Map(spec.locations.map((name) => [name, rng.uuid()]));
  await insertRows(
    client,
    'locations',
    ['company_id', 'id', 'name'],
    [...locationIds].map(([name, id]) => [companyId, id, name]),
  );

  const ids = [...locationIds.values()];
  // Bill sources take database ids (not the generator's), so adding them left the rest of the data as it was.
  const { rows: sourceRows } = await client.query<{ id: string; name: string }>(
    `INSERT INTO bill_sources (company_id, name, frequency) VALUES ($1, 'Installation', 'quarterly'), ($1, 'Monitoring', 'monthly'), ($1, 'Service', 'weekly')
     RETURNING id, name`,
    [companyId],
  );
  const source = (name: string) => sourceRows.find((r) => r.name === name)?.id ?? null;
  await client.query(
    `INSERT INTO aging_schemes (company_id, name, is_active, definition, bill_source_id) VALUES ($1, 'Monthly cycles', true, $2::jsonb, $3)`,
    [companyId, JSON.stringify(BILLING_PERIOD_SCHEME), source('Monitoring')],
  );
  const profiles = makeCustomerProfiles(rng, spec.customers, spec.market, spec.slug === 'acme');
  const customers: InvoiceCustomer[] = profiles.map((p) => ({ id: rng.uuid(), defaultLocationId: rng.pick(ids), currency: p.currency }));
  await insertRows(
    client,
    'customers',
    [
      'company_id',
      'id',
      'name',
      'email',
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
      'country',
      'default_location_id',
      'terms_kind',
      'terms_days',
    ],
    profiles.map((p, i) => {
      const c = customers[i] as InvoiceCustomer;
      // Net 30, net 15, end of month + 10, or none (their invoices bring a due date).
      const [termsKind, termsDays] = (
        [
          ['net', 30],
          ['net', 15],
          ['end_of_month', 10],
          [null, null],
        ] as const
      )[i % 4]!;
      return [
        companyId,
        c.id,
        p.name,
        p.email,
        p.addressLine1,
        p.addressLine2,
        p.city,
        p.region,
        p.postalCode,
        p.country,
        c.defaultLocationId,
        termsKind,
        termsDays,
      ];
    }),
  );

  const invoices = makeDemoInvoices(rng, {
    customers,
    locationIds: ids,
    count: spec.invoices,
    today,
    baseCurrency: spec.currency,
    perForeignCustomer: 5,
  });
  // Payments, credits and write-offs leave each invoice owing what it does; their own generator keeps the rest as it was.
  const ledger = makeDemoLedger(new Prng(20_261_201 + spec.invoices), invoices, today);
  await insertRows(
    client,
    'invoices',
    [
      'company_id',
      'id',
      'number',
      'customer_id',
      'location_id',
      'invoice_date',
      'due_date',
      'currency',
      'amount_minor',
      'balance_minor',
      'status',
      'bill_source_id',
    ],
    invoices.map((v, i) => [
      companyId,
      v.id,
      v.number,
      v.customerId,
      v.locationId,
      v.invoiceDate,
      v.dueDate,
      v.currency,
      v.amountMinor,
      v.balanceMinor,
      v.status,
      // Monthly fees are Monitoring; the rest alternate between installation and service work.
      RECURRING_FEES.includes(v.amountMinor) ? source('Monitoring') : source(i % 2 === 0 ? 'Installation' : 'Service'),
    ]),
    { invoice_date: 'date', due_date: 'date' },
  );
  // Lines from their own generator, so adding them left the invoices above exactly as they were.
  const lineRng = new Prng(spec.invoices);
  await insertRows(
    client,
    'invoice_lines',
    ['company_id', 'invoice_id', 'position', 'description', 'quantity', 'unit_price_minor', 'line_total_minor'],
    invoices.flatMap((v) =>
      makeDemoLines(lineRng, v.amountMinor, RECURRING_FEES.includes(v.amountMinor)).map((l) => [
        companyId,
        v.id,
        l.position,
        l.description,
        l.quantity,
        l.unitPriceMinor,
        l.lineTotalMinor,
      ]),
    ),
  );
  await insertDemoLedger(client, companyId, ledger);
  return { companyId, locationIds };
}

async function seedUsers(client: pg.ClientBase, rng: Prng, companies: Map<string, { companyId: string; locationIds: Map<string, string> }>) {
  const hashes = await Promise.all(USERS.map((u) => hashPassword(u.password)));
  for (const [i, user] of USERS.entries()) {
    // Upsert: users are global, and a fresh database may already hold one (e.g. created by hand).
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash RETURNING id`,
      [rng.uuid(), user.email, user.name, hashes[i]],
    );
    const userId = (rows[0] as { id: string }).id;
    for (const m of user.memberships) {
      const company = companies.get(m.slug);
      if (!company) throw new Error(`demo user ${user.email}: no company ${m.slug}`);
      await client.query(`INSERT INTO memberships (company_id, user_id, role) VALUES ($1, $2, $3)`, [company.companyId, userId, m.role]);
      const grants = m.grants.flatMap(([location, perms]) => {
        const locationId = company.locationIds.get(location);
        if (!locationId) throw new Error(`demo user ${user.email}: no location ${location} in ${m.slug}`);
        return perms.map((p) => [company.companyId, userId, locationId, p]);
      });
      await insertRows(client, 'location_permissions', ['company_id', 'user_id', 'location_id', 'permission'], grants);
    }
  }
}

/**
 * Seeds the demo companies (Acme Security, Globex Alarms), their customers, invoices, ledger and users, in one
 * transaction, unless the `companies` table already has rows. The data is the same on every run except that
 * dates are relative to `today` (default: today in each company's time zone). Admins get no
 * location_permissions rows: their role grants every permission.
 */
export async function seedDemoIfEmpty(databaseUrl: string, opts: { today?: string } = {}): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const logins = DEMO_LOGINS.map((l) => ({ ...l }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const hasCompanies = async () => (await client.query('SELECT EXISTS (SELECT 1 FROM companies) AS x')).rows[0].x === true;
    if (await hasCompanies()) return { seeded: false, logins };
    await client.query('BEGIN');
    try {
      // Serializes concurrent seeders; the loser sees the winner's rows and backs off.
      await client.query('LOCK TABLE companies IN SHARE ROW EXCLUSIVE MODE');
      if (await hasCompanies()) {
        await client.query('ROLLBACK');
        return { seeded: false, logins };
      }
      const rng = new Prng(20_261_123);
      const companies = new Map<string, { companyId: string; locationIds: Map<string, string> }>();
      for (const spec of [ACME, GLOBEX]) {
        companies.set(spec.slug, await seedCompany(client, rng, spec, opts.today ?? todayInTimeZone(spec.timeZone)));
      }
      await seedUsers(client, rng, companies);
      await seedDemoCollections(client, companies.get(ACME.slug)!, opts.today ?? todayInTimeZone(ACME.timeZone), ACME.timeZone);
      await client.query('COMMIT');
      await client.query('SELECT aging_fold_changes()');
      // Planner statistics now, not at autovacuum's next pass: without them every table looks like one row,
      // and the aging page rescans the company's invoices once per customer on the page (130 ms instead of 5).
      await client.query('ANALYZE');
      return { seeded: true, logins };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  } finally {
    await client.end();
  }
}
