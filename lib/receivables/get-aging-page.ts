import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import { bucketsOf, type Bucket } from '@/lib/aging/scheme';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { getAgingScheme } from './get-aging-scheme';
import { bucketSums, openInvoiceFilter, toMinor } from './aging-sql';
import { resolveLocationFilter } from './resolve-location-filter';
import type { AgingParams } from './aging-params';

export interface AgingAmountsRow {
  amounts: Record<string, number>;
  total: number;
}

export interface AgingReport {
  company: string;
  asOf: CalendarDate;
  currency: string;
  buckets: { key: string; label: string }[];
  summary: AgingAmountsRow;
  rows: (AgingAmountsRow & { customer: { id: string; name: string } })[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
  sort: string;
  /** The location filter applied; empty means every location the user may view. */
  locations: string[];
}

type Row = Record<string, bigint | number | string | null>;

/** Sort keys: `name`, `total` or a bucket key; `-` prefix for descending. Unknown keys are a 400. */
function orderBy(sort: string, buckets: Bucket[]): Prisma.Sql {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const dir = Prisma.raw(desc ? 'DESC' : 'ASC');
  if (key === 'name') return Prisma.sql`c.name ${dir}, c.id ${dir}`;
  const column = key === 'total' ? 'total' : buckets.findIndex((b) => b.key === key) >= 0 ? `b${buckets.findIndex((b) => b.key === key)}` : null;
  if (!column) {
    const allowed = ['name', 'total', ...buckets.map((b) => b.key)].join(', ');
    throw new AppError('BAD_REQUEST', `Unknown sort key "${sort}". Use one of: ${allowed} (prefix - for descending).`, [
      { path: 'sort', message: `Unknown sort key "${sort}"` },
    ]);
  }
  return Prisma.sql`a.${Prisma.raw(column)} ${dir}, c.name ASC, c.id ASC`;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * One page of customer rows with the summary over all rows, in a single statement: the aggregate runs once,
 * and the summary always equals the sum of every row on every page.
 */
export async function getAgingPage(access: CompanyAccess, params: AgingParams): Promise<AgingReport> {
  const locationIds = resolveLocationFilter(access, params.locations);
  const asOf = params.asOf ?? todayInTimeZone(access.company.timeZone);
  const currency = params.currency ?? access.company.baseCurrency;
  const buckets = bucketsOf(await getAgingScheme(access.company.id));
  const sort = params.sort ?? 'name';
  const order = orderBy(sort, buckets);
  const companyId = access.company.id;
  const search = params.q
    ? Prisma.sql`AND i.customer_id IN (SELECT id FROM customers WHERE company_id = ${companyId}::uuid AND name ILIKE ${likePattern(params.q)})`
    : Prisma.empty;
  const summaryCols = Prisma.join(
    [...buckets.map((_, i) => Prisma.raw(`coalesce(sum(b${i}), 0)::bigint AS s${i}`)), Prisma.raw('coalesce(sum(total), 0)::bigint AS stotal')],
    ', ',
  );

  const rows = await prisma.$queryRaw<Row[]>`
    WITH a AS MATERIALIZED (
      SELECT i.customer_id, ${bucketSums(buckets, asOf)}
      FROM invoices i
      WHERE ${openInvoiceFilter(companyId, currency, locationIds)} ${search}
      GROUP BY i.customer_id
    ),
    s AS (SELECT count(*)::int AS n, ${summaryCols} FROM a)
    SELECT s.*, p.* FROM s LEFT JOIN LATERAL (
      SELECT c.id AS customer_id, c.name AS customer_name, a.*
      FROM a JOIN customers c ON c.company_id = ${companyId}::uuid AND c.id = a.customer_id
      ORDER BY ${order}
      LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}
    ) p ON true`;

  const first = rows[0] ?? {};
  const totalRows = Number(first.n ?? 0);
  const amountsOf = (row: Row, prefix: string) =>
    Object.fromEntries(buckets.map((b, i) => [b.key, toMinor(row[`${prefix}${i}`] as bigint)]));
  return {
    company: access.company.slug,
    asOf,
    currency,
    buckets: buckets.map(({ key, label }) => ({ key, label })),
    summary: { amounts: amountsOf(first, 's'), total: toMinor(first.stotal as bigint) },
    rows: rows
      .filter((r) => r.customer_id !== null)
      .map((r) => ({
        customer: { id: String(r.customer_id), name: String(r.customer_name) },
        amounts: amountsOf(r, 'b'),
        total: toMinor(r.total as bigint),
      })),
    page: params.page,
    perPage: params.perPage,
    totalRows,
    totalPages: Math.ceil(totalRows / params.perPage),
    sort,
    locations: params.locations,
  };
}
