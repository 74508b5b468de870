import 'server-only';
import { deliverDueEmails } from './deliver-due-emails';

const INTERVAL_MS = 10_000;
const KICK_DELAY_MS = 250;
const BATCH = 10;

interface SenderState {
  timer: NodeJS.Timeout | null;
  kickTimer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  /** Another pass was asked for while one was running. */
  again: boolean;
}

// On globalThis: Next loads instrumentation and each route bundle as separate module instances in one process.
const globalForSender = globalThis as unknown as { agewiseOutboxSender?: SenderState };
const state = (): SenderState => (globalForSender.agewiseOutboxSender ??= { timer: null, kickTimer: null, running: null, again: false });

/**
 * Delivers due emails every 10 seconds in this process, when SMTP_URL is set; without it emails stay queued
 * (visible in the Outbox). Idempotent: a second call does nothing. Several processes may each run one, since
 * claims never overlap. Returns whether the sender runs.
 */
export function startOutboxSender(): boolean {
  if (!process.env.SMTP_URL?.trim()) {
    console.warn('SMTP_URL is not set: emails stay queued in the outbox until it is.');
    return false;
  }
  const s = state();
  if (s.timer) return true;
  s.timer = setInterval(() => void runPass(), INTERVAL_MS);
  s.timer.unref();
  kickOutbox();
  return true;
}

/**
 * Runs one pass soon (debounced: many kicks within 250 ms make one pass), fire-and-forget. Call it after the
 * transaction that queued emails has committed. Does nothing without SMTP_URL.
 */
export function kickOutbox(): void {
  if (!process.env.SMTP_URL?.trim()) return;
  const s = state();
  if (s.kickTimer) return;
  s.kickTimer = setTimeout(() => {
    s.kickTimer = null;
    void runPass();
  }, KICK_DELAY_MS);
  s.kickTimer.unref();
}

/** One pass at a time: a pass asked for while one runs happens right after it, and full batches drain the backlog. */
function runPass(): Promise<void> {
  const s = state();
  if (s.running) {
    s.again = true;
    return s.running;
  }
  s.running = (async () => {
    try {
      do {
        s.again = false;
        const { sent, retried, failed } = await deliverDueEmails({ limit: BATCH });
        if (sent + retried + failed > 0) console.info(`Outbox: ${sent} sent, ${retried} to retry, ${failed} failed.`);
        if (sent + retried + failed >= BATCH) s.again = true;
      } while (s.again);
    } catch (error) {
      console.error('Outbox sender pass failed:', error);
    } finally {
      s.running = null;
    }
  })();
  return s.running;
}
