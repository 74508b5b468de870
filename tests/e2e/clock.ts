import { rmSync, writeFileSync } from 'node:fs';
import { CLOCK_FILE } from '../../playwright.config';

const DAY_MS = 86_400_000;

/** Moves the app server's clock `days` ahead of real time (lib/process/test-clock.ts re-reads it within 100 ms). */
export async function moveServerClock(days: number): Promise<void> {
  writeFileSync(CLOCK_FILE, String(Math.round(days * DAY_MS)));
  await new Promise((r) => setTimeout(r, 250));
}

/** Back to real time. */
export function resetServerClock(): void {
  rmSync(CLOCK_FILE, { force: true });
}
