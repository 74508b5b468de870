/** Collects the assertions made on one answer: how many were made and which failed, described for a person. */
export class Checker {
  count = 0;
  readonly problems: string[] = [];

  ok(condition: boolean, problem: string | (() => string)): boolean {
    this.count++;
    if (!condition) this.problems.push(typeof problem === 'function' ? problem() : problem);
    return condition;
  }

  eq<T>(actual: T, expected: T, what: string): boolean {
    return this.ok(actual === expected, () => `${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }

  /** Amounts are whole minor units. */
  money(value: unknown, what: string, { min = -Infinity } = {}): value is number {
    return this.ok(
      typeof value === 'number' && Number.isSafeInteger(value) && value >= min,
      () => `${what} is ${JSON.stringify(value)}, not a whole number${min === 0 ? ' >= 0' : ''}`,
    );
  }
}

/** Sum of a record's values for `keys`. */
export function sumOf(amounts: Record<string, number>, keys: readonly string[]): number {
  return keys.reduce((s, k) => s + (amounts[k] ?? 0), 0);
}
