import type { DunningLevel } from './dunning-policy';

/**
 * The level (1-based position in the policy) an invoice `daysOverdue` days past due is at: the highest level
 * whose days it has reached; null before the first. Levels are sorted ascending (the policy schema ensures it).
 */
export function chooseLevel(levels: Pick<DunningLevel, 'days'>[], daysOverdue: number): number | null {
  let chosen: number | null = null;
  levels.forEach((l, i) => {
    if (l.days <= daysOverdue) chosen = i + 1;
  });
  return chosen;
}

/**
 * Whether reaching `level` escalates to the managers: the last email level of the policy, or any letter.
 */
export function isEscalation(levels: Pick<DunningLevel, 'channel'>[], level: number): boolean {
  const l = levels[level - 1];
  if (!l) return false;
  if (l.channel === 'letter') return true;
  const lastEmail = levels.map((x) => x.channel).lastIndexOf('email') + 1;
  return l.channel === 'email' && level === lastEmail;
}
