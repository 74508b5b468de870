import 'server-only';
import { readFileSync } from 'node:fs';

const REREAD_MS = 100;

/**
 * For the browser suite only: when AGEWISE_TEST_CLOCK_FILE is set, this process's clock runs ahead by the
 * number of milliseconds written in that file (absent or empty: 0), so a test can "move the clock" of a
 * running server ("the promise's date passes") without changing any product code. The file is re-read at
 * most every 100 ms. Never set in production: `npm start` refuses it unless AGEWISE_E2E=1.
 */
export function installTestClock(file: string | undefined): void {
  if (!file) return;
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  let offset = 0;
  let readAt = -Infinity;
  const currentOffset = () => {
    const t = realNow();
    if (t - readAt >= REREAD_MS) {
      readAt = t;
      try {
        offset = Number(readFileSync(file, 'utf8').trim() || 0) || 0;
      } catch {
        offset = 0;
      }
    }
    return offset;
  };
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + currentOffset());
      else super(...(args as [string | number | Date]));
    }
    static now(): number {
      return realNow() + currentOffset();
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  console.warn(`Agewise: test clock on (${file}); this server's time is shifted by that file's milliseconds.`);
}
