import type { DecideResult } from '@/lib/dunning/decide-reminders';

/** What a decision did, for its toast: "3 approved and queued, 1 withdrawn (…), 2 already decided". */
export function decideSummary(r: DecideResult, decision: 'approve' | 'cancel'): string {
  const n = (k: number) => k.toLocaleString('en-US');
  const parts = [`${n(r.changed)} ${r.changed === 1 ? 'reminder' : 'reminders'} ${decision === 'approve' ? 'approved and queued' : 'cancelled'}`];
  if (r.withdrawn) parts.push(`${n(r.withdrawn)} withdrawn: paid, on hold, disputed or promised since the run`);
  if (r.unchanged) parts.push(`${n(r.unchanged)} already decided`);
  return parts.join('; ');
}
