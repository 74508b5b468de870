import { Checker } from './load-checker';
import type { Persona } from './load-personas';
import type { LoadStats } from './load-stats';

export interface RequestOptions {
  body?: unknown;
  /** The status a right answer has (default 200). */
  expect?: number;
  /** Read the body as text (CSV) instead of JSON. */
  text?: boolean;
}

/**
 * One persona's HTTP client: Bearer token, timing per request kind, errors and wrong answers into the stats.
 * Node's fetch (undici) keeps connections alive and reuses them, so each virtual user mostly holds one.
 */
export class LoadClient {
  constructor(
    private readonly baseUrl: string,
    readonly persona: Persona,
    /** Where timings and problems go; switched from the warm-up's stats to the measured run's. */
    public stats: LoadStats,
    private readonly timeoutMs: number,
  ) {}

  /** `/api/v1/companies/{slug}{suffix}`, the persona's company unless another is named. */
  path(suffix: string, slug = this.persona.slug): string {
    return `/api/v1/companies/${slug}${suffix}`;
  }

  /** Sends one request timed under `kind`; its body when the status is the expected one, else undefined (an error is counted). */
  async request<T>(kind: string, method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<T | undefined> {
    const expect = opts.expect ?? 200;
    const what = `${this.persona.key} ${method} ${path}`;
    const started = performance.now();
    try {
      const res = await fetch(this.baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${this.persona.token.secret}`,
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const raw = await res.text();
      this.stats.time(kind, performance.now() - started);
      if (res.status !== expect) {
        this.stats.error(kind, `${what} answered ${res.status} (expected ${expect}): ${raw.slice(0, 300)}`);
        return undefined;
      }
      if (opts.text) return raw as T;
      try {
        return JSON.parse(raw) as T;
      } catch {
        this.stats.wrong(kind, `${what}: not JSON: ${raw.slice(0, 200)}`);
        return undefined;
      }
    } catch (error) {
      this.stats.time(kind, performance.now() - started);
      this.stats.error(kind, `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /**
   * Runs `check` on a fresh Checker and counts its assertions; one wrong answer when any failed (or the answer's
   * shape made the check throw), described by its first few problems.
   */
  verify(kind: string, what: string, check: (c: Checker) => void): boolean {
    const c = new Checker();
    try {
      check(c);
    } catch (error) {
      c.problems.push(`the answer has an unexpected shape (${error instanceof Error ? error.message : String(error)})`);
    }
    this.stats.checks += c.count;
    if (c.problems.length === 0) return true;
    const more = c.problems.length > 3 ? ` (and ${c.problems.length - 3} more)` : '';
    this.stats.wrong(kind, `${this.persona.key} ${what}: ${c.problems.slice(0, 3).join('; ')}${more}`);
    return false;
  }
}
