/** Latencies, errors and wrong answers of a load run, per request kind, and the report printed at its end. */

/** How many problems of each sort are described in full; the rest are only counted. */
const DESCRIBED = 10;

interface KindStats {
  times: number[];
  errors: number;
  wrong: number;
}

export class LoadStats {
  private kinds = new Map<string, KindStats>();
  readonly errorSamples: string[] = [];
  readonly wrongSamples: string[] = [];
  /** Individual assertions made on answers (every row, every CSV line, every before/after). */
  checks = 0;
  /** Page-row comparisons after a write skipped: the customer's row was not on the page it was mapped to, before or after. */
  skippedFollowUps = 0;

  private of(kind: string): KindStats {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { times: [], errors: 0, wrong: 0 }));
    return k;
  }

  time(kind: string, ms: number): void {
    this.of(kind).times.push(ms);
  }

  /** A failed request: a network error, a timeout, or a status other than the expected one. */
  error(kind: string, description: string): void {
    this.of(kind).errors++;
    if (this.errorSamples.length < DESCRIBED) this.errorSamples.push(`[${kind}] ${description}`);
  }

  /** An answer with the expected status whose content is wrong. */
  wrong(kind: string, description: string): void {
    this.of(kind).wrong++;
    if (this.wrongSamples.length < DESCRIBED) this.wrongSamples.push(`[${kind}] ${description}`);
  }

  get totals(): { requests: number; errors: number; wrong: number } {
    let requests = 0;
    let errors = 0;
    let wrong = 0;
    for (const k of this.kinds.values()) {
      requests += k.times.length;
      errors += k.errors;
      wrong += k.wrong;
    }
    return { requests, errors, wrong };
  }

  /** The per-kind table and the totals, as lines of text. */
  report(elapsedMs: number): string[] {
    const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
    const head = ['kind', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'wrong'];
    const rows = [...this.kinds]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, k]) => {
        const sorted = [...k.times].sort((a, b) => a - b);
        return [
          kind,
          String(sorted.length),
          ...[50, 95, 99, 100].map((p) => (sorted.length ? pct(sorted, p).toFixed(0) : '-')),
          String(k.errors),
          String(k.wrong),
        ];
      });
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    const t = this.totals;
    const out = [line(head), ...rows.map(line), ''];
    out.push(`${t.requests} requests in ${(elapsedMs / 1000).toFixed(1)} s: ${(t.requests / (elapsedMs / 1000)).toFixed(1)} requests/s`);
    out.push(
      `${this.checks} checks on the answers; ${this.skippedFollowUps} before/after page-row comparisons skipped (the customer's row was not on the page it was mapped to)`,
    );
    out.push(`errors: ${t.errors}; wrong answers: ${t.wrong}`);
    if (this.errorSamples.length > 0) out.push('', `First ${this.errorSamples.length} errors:`, ...this.errorSamples.map((s) => `  ${s}`));
    if (this.wrongSamples.length > 0) out.push('', `First ${this.wrongSamples.length} wrong answers:`, ...this.wrongSamples.map((s) => `  ${s}`));
    return out;
  }
}
