import 'server-only';
import { foldAgingChanges } from './fold-aging-changes';

const INTERVAL_MS = 5_000;

const globalForFolder = globalThis as unknown as { agewiseAgingFolder?: { timer: NodeJS.Timeout; running: boolean } };

/**
 * Folds invoice changes into the aging running totals every 5 seconds in this process. Idempotent: a second
 * call does nothing; several processes may each run one (folds take turns in the database). PostgreSQL's
 * autovacuum reclaims the folded change rows.
 */
export function startAgingTotalsFolder(): void {
  if (globalForFolder.agewiseAgingFolder) return;
  const state = { timer: setInterval(() => void pass(), INTERVAL_MS), running: false };
  state.timer.unref();
  globalForFolder.agewiseAgingFolder = state;

  async function pass() {
    if (state.running) return;
    state.running = true;
    try {
      await foldAgingChanges();
    } catch (error) {
      console.error('Folding aging totals failed:', error);
    } finally {
      state.running = false;
    }
  }
}
