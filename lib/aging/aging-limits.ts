/** The most overdue periods a scheme has (periods 1 to 13; period 0 is Current). */
export const MAX_AGING_PERIODS = 13;
/** The largest day bound a period may have. */
export const MAX_PERIOD_DAYS = 999;
