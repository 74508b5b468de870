import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { notFound } from '@/lib/errors/app-error';
import type { OutboxStatus } from './outbox-params';
import { seesEveryLocation } from '@/lib/auth/can';

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  bodyText: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** The next attempt while queued; the end of the lease while sending. */
  nextAttemptAt: Date;
  statementId: string | null;
  /** The statement's customer; null for an email without a statement. */
  customerName: string | null;
}

export interface OutboxPage {
  rows: OutboxEmail[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}

interface Row {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date;
  statement_id: string | null;
  customer_name: string | null;
}

/**
 * The emails the user may see, as a FROM ... WHERE fragment: this company's only; an email of a statement only
 * with view on every location the statement drew from; an email without a statement only for admins.
 */
function visibleEmails(access: CompanyAccess): Prisma.Sql {
  const scope = seesEveryLocation(access)
    ? Prisma.empty
    : Prisma.sql`AND s.id IS NOT NULL AND s.location_ids <@ ${access.viewLocations.map((l) => l.id)}::uuid[]`;
  return Prisma.sql`
    FROM email_outbox o
    LEFT JOIN invoice_statements s ON s.company_id = o.company_id AND s.id = o.statement_id
    LEFT JOIN customers c ON c.company_id = s.company_id AND c.id = s.customer_id
    WHERE o.company_id = ${access.company.id}::uuid ${scope}`;
}

const columns = Prisma.sql`
  o.id, o.to_address, o.subject, o.body_text, o.status, o.attempts, o.last_error, o.created_at, o.sent_at,
  o.next_attempt_at, o.statement_id, c.name AS customer_name`;

const toEmail = (r: Row): OutboxEmail => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  bodyText: r.body_text,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  nextAttemptAt: r.next_attempt_at,
  statementId: r.statement_id,
  customerName: r.customer_name,
});

/** One page of the outbox, newest first, optionally one status. */
export async function listOutbox(access: CompanyAccess, params: { page: number; perPage: number; status?: OutboxStatus }): Promise<OutboxPage> {
  const page = Math.max(1, Math.trunc(params.page));
  const perPage = Math.min(200, Math.max(1, Math.trunc(params.perPage)));
  const from = visibleEmails(access);
  const status = params.status ? Prisma.sql`AND o.status = ${params.status}` : Prisma.empty;
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT ${columns} ${from} ${status}
      ORDER BY o.created_at DESC, o.id DESC
      LIMIT ${perPage}::int OFFSET ${(page - 1) * perPage}::bigint`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from} ${status}`,
  ]);
  const totalRows = Number(count?.n ?? 0);
  return { rows: rows.map(toEmail), page, perPage, totalRows, totalPages: Math.ceil(totalRows / perPage) };
}

/** One email the user may see; NOT_FOUND otherwise, including another company's. */
export async function getOutboxEmail(access: CompanyAccess, id: string): Promise<OutboxEmail> {
  if (!z.guid().safeParse(id).success) throw notFound('Email');
  const [row] = await prisma.$queryRaw<Row[]>`SELECT ${columns} ${visibleEmails(access)} AND o.id = ${id}::uuid`;
  if (!row) throw notFound('Email');
  return toEmail(row);
}
