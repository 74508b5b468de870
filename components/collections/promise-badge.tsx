import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { cn } from '@/components/ui/cn';

export type PromiseBadgeState = 'pending' | 'kept' | 'partly_kept' | 'broken';

const STYLES: Record<PromiseBadgeState, string> = {
  pending: 'bg-slate-100 text-slate-700 ring-slate-300',
  kept: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  partly_kept: 'bg-amber-50 text-amber-800 ring-amber-200',
  broken: 'bg-red-50 text-red-800 ring-red-200',
};

export const PROMISE_STATE_LABELS: Record<PromiseBadgeState, string> = {
  pending: 'Promise pending',
  kept: 'Promise kept',
  partly_kept: 'Promise partly kept',
  broken: 'Promise broken',
};

const known = (s: string): s is PromiseBadgeState => s in STYLES;

/**
 * A promise to pay's state in words (pending grey, kept green, partly kept amber, broken red), with its amount
 * and date when given: "Promise broken · $1,200.00 by Mar 10, 2026".
 */
export function PromiseBadge({
  state,
  amountMinor,
  currency,
  promisedOn,
  className,
}: {
  /** pending, kept, partly_kept or broken (lib/collections/promise-state.ts). */
  state: PromiseBadgeState | string;
  amountMinor?: number;
  currency?: string;
  promisedOn?: string;
  className?: string;
}) {
  const s = known(state) ? state : 'pending';
  const detail = [
    amountMinor !== undefined && currency ? formatMoney(amountMinor, currency) : null,
    promisedOn ? `by ${formatCalendarDate(promisedOn, 'short')}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span
      data-promise-state={s}
      className={cn(
        'inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        STYLES[s],
        className,
      )}
    >
      {PROMISE_STATE_LABELS[s]}
      {detail ? <span className="tabular font-normal">· {detail}</span> : null}
    </span>
  );
}
