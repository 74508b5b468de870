import 'server-only';
import { foldAgingChanges, vacuumAgingTotals } from './fold-aging-changes';

const INTERVAL_MS = 5_000;
/** Folded change rows after which the totals are vacuumed (a server's autovacuum may get there first). */
const VACUUM_AFTER = 20_000;

const globalForFolder = globalThis as unknown as { agewiseAgingFolder?: { timer: NodeJS.Timeout; running: boolean; sinceVacuum: number } };

/**
 * Folds invoice changes into the aging running totals every 5 seconds in this process. Idempotent: a second
 * call does nothing; several processes may each run one (folds take turns in the database).
 */
export function startAgingTotalsFolder(): void {
  if (globalForFolder.agewiseAgingFolder) return;
  const state = { timer: setInterval(() => void pass(), INTERVAL_MS), running: false, sinceVacuum: 0 };
  state.timer.unref();
  globalForFolder.agewiseAgingFolder = state;

  async function pass() {
    if (state.running) return;
    state.running = true;
    try {
      state.sinceVacuum += await foldAgingChanges();
      if (state.sinceVacuum >= VACUUM_AFTER) {
        state.sinceVacuum = 0;
        await vacuumAgingTotals();
      }
    } catch (error) {
      console.error('Folding aging totals failed:', error);
    } finally {
      state.running = false;
    }
  }
}
