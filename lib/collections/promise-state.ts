import type { CalendarDate } from '@/lib/aging/calendar-date';

export const PROMISE_STATES = ['pending', 'kept', 'partly_kept', 'broken'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

export interface PromiseFacts {
  amountMinor: bigint;
  /** Money applied to the promise's invoices (or received from the customer in its currency) from the day it was made to its date. */
  paidMinor: bigint;
  promisedOn: CalendarDate;
}

/**
 * A promise's state on `asOf`: kept once paid in full by its date; until the date passes, pending; after it,
 * partly kept when some money came, broken when none did. lib/collections/promise-state-sql.ts is the same rule in SQL.
 */
export function promiseState(p: PromiseFacts, asOf: CalendarDate): PromiseState {
  if (p.paidMinor >= p.amountMinor) return 'kept';
  if (asOf <= p.promisedOn) return 'pending';
  return p.paidMinor > 0n ? 'partly_kept' : 'broken';
}
