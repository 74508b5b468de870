import { ShieldAlert, PauseCircle } from 'lucide-react';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { cn } from '@/components/ui/cn';

/**
 * An active dispute or hold, in words ("Disputed", "On hold until Mar 20, 2026"); the colour never carries the
 * meaning alone. For the customer and invoice pages, the aging grid and the worklist.
 */
export function HoldBadge({
  kind,
  endsOn,
  reason,
  count,
  className,
}: {
  /** 'dispute' or 'hold' (collection_holds.kind). */
  kind: 'dispute' | 'hold' | string;
  /** The last day it holds (inclusive); null or absent: open-ended. */
  endsOn?: string | null;
  /** Shown as the tooltip. */
  reason?: string;
  /** How many are active (a customer's row in the aging grid): "+2" when more than one. */
  count?: number;
  className?: string;
}) {
  const Icon = kind === 'dispute' ? ShieldAlert : PauseCircle;
  const label = kind === 'dispute' ? 'Disputed' : 'On hold';
  return (
    <span
      data-hold={kind}
      title={reason}
      className={cn(
        'inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        kind === 'dispute' ? 'bg-orange-50 text-orange-800 ring-orange-200' : 'bg-violet-50 text-violet-800 ring-violet-200',
        className,
      )}
    >
      <Icon className="size-3" aria-hidden />
      {label}
      {endsOn ? <span className="font-normal">until {formatCalendarDate(endsOn, 'short')}</span> : null}
      {count !== undefined && count > 1 ? <span className="font-normal">+{count - 1}</span> : null}
    </span>
  );
}
