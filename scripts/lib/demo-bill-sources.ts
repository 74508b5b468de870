import type { AgingScheme } from '../../lib/aging/scheme';

/** The seeds' scheme for a bill source aged by its billing periods: one to three cycles past due, then older. */
export const BILLING_PERIOD_SCHEME: AgingScheme = {
  pendingLabel: 'Pending',
  currentLabel: 'Current',
  showPending: true,
  showCurrent: true,
  basis: 'billing_periods',
  periods: [
    { label: '1 cycle', maxDays: null },
    { label: '2 cycles', maxDays: null },
    { label: '3 cycles', maxDays: null },
    { label: '4+ cycles', maxDays: null },
  ],
};
