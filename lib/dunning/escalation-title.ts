import { isEscalation } from './choose-level';
import type { DunningLevel } from './dunning-policy';

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * The run's escalations as one sentence: "12 customers reached Escalation; 192 formal letters are due". Email
 * escalations are counted per level name, letters together. Null when there are none.
 */
export function escalationTitle(levels: Pick<DunningLevel, 'channel' | 'name'>[], counts: { level: number; customers: number }[]): string | null {
  const reached = new Map<string, number>();
  let letters = 0;
  for (const c of [...counts].sort((a, b) => a.level - b.level)) {
    if (c.customers === 0 || !isEscalation(levels, c.level)) continue;
    const l = levels[c.level - 1]!;
    if (l.channel === 'letter') letters += c.customers;
    else reached.set(l.name, (reached.get(l.name) ?? 0) + c.customers);
  }
  const parts = [...reached].map(([name, count]) => `${n(count, 'customer')} reached ${name}`);
  if (letters > 0) parts.push(`${n(letters, 'formal letter')} ${letters === 1 ? 'is' : 'are'} due`);
  return parts.length ? parts.join('; ') : null;
}
