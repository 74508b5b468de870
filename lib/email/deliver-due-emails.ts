import 'server-only';
import type { Transporter } from 'nodemailer';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { getStatementPdf } from '@/lib/statements/get-statement-pdf';
import { notifyDeliveryFailed } from '@/lib/dunning/notify-delivery-failed';
import { mailFrom, mailTransport } from './mail-transport';
import { nextAttemptAfterFailure } from './retry-backoff';

/** How long a claimed email belongs to one sender; after that another sender may pick it up again. */
export const SEND_LEASE_MS = 5 * 60_000;
const DEFAULT_LIMIT = 10;
const MAX_ERROR_LENGTH = 500;

/** An email claimed for one attempt; `attempts` includes this one. */
export interface ClaimedEmail {
  companyId: string;
  id: string;
  statementId: string | null;
  to: string;
  subject: string;
  bodyText: string;
  attempts: number;
}

export interface EmailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface DeliverOptions {
  /** The clock: what is due, the lease and the backoff are measured from it. Default: the current time. */
  now?: Date;
  /** At most this many emails per call (default 10). */
  limit?: number;
  /** Default: the SMTP_URL transport. null (or SMTP_URL unset) sends nothing and claims nothing. */
  transport?: Transporter | null;
  /** Default: the statement's PDF when the email belongs to a statement, else none. */
  attachments?: (email: ClaimedEmail) => Promise<EmailAttachment[]>;
  /** Only this company's emails (tests, or a "send now" for one company). Default: every company. */
  companyId?: string;
}

export interface DeliverResult {
  sent: number;
  retried: number;
  failed: number;
}

interface ClaimedRow {
  company_id: string;
  id: string;
  statement_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/**
 * One pass of the outbox: claims due emails (queued, or sending with an expired lease) in one statement, so
 * concurrent senders never claim the same email, then sends each and records the outcome. A failed attempt is
 * retried with backoff (lib/email/retry-backoff.ts) and marked failed after the last one; one email's failure,
 * including an attachment that cannot be rendered, never stops the others.
 */
export async function deliverDueEmails(opts: DeliverOptions = {}): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, retried: 0, failed: 0 };
  const transport = opts.transport === undefined ? mailTransport() : opts.transport;
  if (!transport) return result;
  const clock = () => opts.now ?? new Date();
  const limit = opts.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number from 1, got ${limit}`);
  const claimed = await claimDueEmails(clock(), limit, opts.companyId);
  const attachmentsOf = opts.attachments ?? statementAttachments;

  for (const email of claimed) {
    const outcome = await deliverOne(email, transport, attachmentsOf, clock);
    if (outcome) result[outcome]++;
  }
  return result;
}

type Outcome = keyof DeliverResult;

/** One attempt; null when its outcome could not be recorded (the lease then runs out and a later pass retries). */
async function deliverOne(
  email: ClaimedEmail,
  transport: Transporter,
  attachmentsOf: (email: ClaimedEmail) => Promise<EmailAttachment[]>,
  clock: () => Date,
): Promise<Outcome | null> {
  let messageId: string | null;
  try {
    const attachments = await attachmentsOf(email);
    const info = (await transport.sendMail({
      from: mailFrom(),
      to: email.to,
      subject: email.subject,
      text: email.bodyText,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      })),
    })) as { messageId?: unknown };
    messageId = typeof info.messageId === 'string' ? info.messageId : null;
  } catch (error) {
    console.error(`Email ${email.id} (company ${email.companyId}) attempt ${email.attempts} failed:`, error);
    try {
      return (await recordFailure(email, error, clock())) ? 'retried' : 'failed';
    } catch (recordError) {
      console.error(`Could not record the failed attempt of email ${email.id}:`, recordError);
      return null;
    }
  }
  try {
    await recordSent(email, messageId, clock());
    return 'sent';
  } catch (recordError) {
    // Sent but not recorded: not a failed attempt (that would send it again in a minute).
    console.error(`Email ${email.id} was sent (message ${messageId ?? 'without id'}) but could not be recorded:`, recordError);
    return null;
  }
}

async function claimDueEmails(now: Date, limit: number, companyId: string | undefined): Promise<ClaimedEmail[]> {
  const leaseUntil = new Date(now.getTime() + SEND_LEASE_MS);
  const onlyCompany = companyId === undefined ? Prisma.empty : Prisma.sql`AND company_id = ${companyId}::uuid`;
  const rows = await prisma.$queryRaw<ClaimedRow[]>`
    UPDATE email_outbox
       SET status = 'sending', attempts = attempts + 1, next_attempt_at = ${leaseUntil}::timestamptz
     WHERE (company_id, id) IN (
       SELECT company_id, id FROM email_outbox
        WHERE status IN ('queued', 'sending') AND next_attempt_at <= ${now}::timestamptz ${onlyCompany}
        ORDER BY next_attempt_at
        LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED)
    RETURNING company_id, id, statement_id, to_address, subject, body_text, attempts`;
  return rows.map((r) => ({
    companyId: r.company_id,
    id: r.id,
    statementId: r.statement_id,
    to: r.to_address,
    subject: r.subject,
    bodyText: r.body_text,
    attempts: r.attempts,
  }));
}

async function statementAttachments(email: ClaimedEmail): Promise<EmailAttachment[]> {
  if (!email.statementId) return [];
  const pdf = await getStatementPdf(email.companyId, email.statementId);
  return [{ filename: pdf.filename, content: pdf.bytes, contentType: 'application/pdf' }];
}

/** Only while this attempt still holds the lease: a sender whose lease ran out must not overwrite a newer one. */
const heldLease = (email: ClaimedEmail) => ({ companyId: email.companyId, id: email.id, status: 'sending', attempts: email.attempts });

async function recordSent(email: ClaimedEmail, messageId: string | null, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.emailOutbox.updateMany({
      where: heldLease(email),
      data: { status: 'sent', sentAt: now, messageId, lastError: null },
    });
    if (count === 0) console.warn(`Email ${email.id} was sent after its lease ran out; another sender may send it again.`);
    await writeAuditLog(
      {
        companyId: email.companyId,
        userId: null,
        action: 'email.sent',
        targetType: 'email',
        targetId: email.id,
        details: { to: email.to, subject: email.subject, statementId: email.statementId, messageId, attempts: email.attempts },
      },
      tx,
    );
  });
}

/** Queues the next attempt (true), or marks the email failed after its last attempt (false). */
async function recordFailure(email: ClaimedEmail, error: unknown, now: Date): Promise<boolean> {
  const lastError = errorMessage(error).slice(0, MAX_ERROR_LENGTH);
  const retryAt = nextAttemptAfterFailure(email.attempts, now);
  if (retryAt) {
    await prisma.emailOutbox.updateMany({ where: heldLease(email), data: { status: 'queued', nextAttemptAt: retryAt, lastError } });
    return true;
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.emailOutbox.updateMany({ where: heldLease(email), data: { status: 'failed', nextAttemptAt: now, lastError } });
    if (count === 0) return;
    await writeAuditLog(
      {
        companyId: email.companyId,
        userId: null,
        action: 'email.failed',
        targetType: 'email',
        targetId: email.id,
        details: { to: email.to, subject: email.subject, statementId: email.statementId, attempts: email.attempts, error: lastError },
      },
      tx,
    );
    await notifyDeliveryFailed(tx, email.companyId, email.id, lastError);
  });
  return false;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
