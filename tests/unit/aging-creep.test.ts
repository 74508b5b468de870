import { describe, expect, it } from 'vitest';
import { agingCreep } from '@/lib/dashboard/aging-creep';

const weeks = (...shares: (number | null)[]) =>
  shares.map((over60Share, i) => ({ weekEnd: `2026-05-${String(2 + 7 * i).padStart(2, '0')}`, over60Share }));

describe('the 60+ creep alert', () => {
  it('fires when the share rose in each of the last three weeks, naming the four week ends compared', () => {
    const points = weeks(0.2, 0.01, 0.02, 0.03, 0.04);
    expect(agingCreep(points)?.map((p) => p.weekEnd)).toEqual(['2026-05-09', '2026-05-16', '2026-05-23', '2026-05-30']);
  });

  it('does not fire when one week stayed level or fell, or after only two rises', () => {
    expect(agingCreep(weeks(0.01, 0.02, 0.02, 0.03))).toBeNull();
    expect(agingCreep(weeks(0.01, 0.03, 0.02, 0.04))).toBeNull();
    expect(agingCreep(weeks(0.05, 0.01, 0.02, 0.03).slice(1))).toBeNull();
  });

  it('does not guess over a week whose snapshot is not built yet', () => {
    expect(agingCreep(weeks(0.01, null, 0.03, 0.04))).toBeNull();
    expect(agingCreep(weeks(0.01, 0.02, 0.03, 0.04))).not.toBeNull();
  });
});
