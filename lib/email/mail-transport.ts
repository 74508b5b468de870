import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

/** The From address when MAIL_FROM is unset: `.invalid` is reserved, so nothing pretends to be a real mailbox. */
export const DEFAULT_MAIL_FROM = 'Agewise <statements@agewise.invalid>';

const globalForMail = globalThis as unknown as { agewiseMailTransport?: { url: string; transport: Transporter } };

/**
 * The SMTP transport from SMTP_URL (`smtp://user:pass@host:2525`, or `smtps://` for TLS from the first byte),
 * created once per process and URL; null when SMTP_URL is unset, so emails stay queued.
 */
export function mailTransport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (globalForMail.agewiseMailTransport?.url !== url) {
    globalForMail.agewiseMailTransport = {
      url,
      // Bounded waits: an attempt must end well inside the sender's 5-minute lease (nodemailer's default
      // socket timeout is 10 minutes).
      transport: nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }),
    };
  }
  return globalForMail.agewiseMailTransport.transport;
}

/** The From header of every email: MAIL_FROM, e.g. `Acme Receivables <ar@acme.example>`. */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}
