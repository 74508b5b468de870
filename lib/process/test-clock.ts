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
  // A Proxy, not a subclass: `Date.prototype` stays the real one, so libraries that read its own methods at
  // load time (@date-fns/tz's TZDate maps getHours & co. to their UTC twins that way) keep working. A subclass
  // hid them, and TZDate then answered in the server's zone (the Log contact dialog's "now" was UTC's time).
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget) {
      return Reflect.construct(target, args.length === 0 ? [realNow() + currentOffset()] : args, newTarget) as object;
    },
    apply(target) {
      // Date() without new: the current time as a string, whatever the arguments.
      return new target(realNow() + currentOffset()).toString();
    },
    get(target, key, receiver) {
      if (key === 'now') return () => realNow() + currentOffset();
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  console.warn(`Agewise: test clock on (${file}); this server's time is shifted by that file's milliseconds.`);
}
