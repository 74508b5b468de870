import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatInstantDateTime, formatInstantDay } from '@/lib/aging/format-instant';
import { formatMoney } from '@/lib/money/currency';
import type { AgingCollections } from '@/lib/receivables/aging-collections';
import { HoldBadge } from '@/components/collections/hold-badge';
import { PROMISE_STATE_LABELS, PromiseBadge } from '@/components/collections/promise-badge';

const NEXT_ACTION: Record<string, string> = {
  call_back: 'Call back',
  formal_letter: 'Formal letter',
  escalate: 'Escalate',
  legal_review: 'Legal review',
  payment_plan: 'Payment plan',
};
const CONTACT_KIND: Record<string, string> = { call: 'Call', email: 'Email', letter: 'Letter', message: 'Message', visit: 'Visit' };
/** Badges in the compact Collections cell: the words stay, the padding goes. */
const SMALL_BADGE = 'px-1.5 py-0 text-[11px] leading-4';

/**
 * The grid's one Collections cell (the columns did not fit at 1280 px): the last contact on the first line
 * ("Call · Nov 28", or "Never"), the next action and any promise or hold on the second. Each part starts with
 * a visually hidden label, so a screen reader says what it is; the CSV export keeps them as separate columns.
 */
export function CollectionsCell({ c, timeZone, now }: { c: AgingCollections | undefined; timeZone: string; now?: Date }) {
  // "Dec 2" this year, "Jan 5, 2027" otherwise: the year only when it says something.
  const thisYear = todayInTimeZone(timeZone, now).slice(0, 4);
  const day = (d: string) => (d.startsWith(thisYear) ? formatCalendarDate(d, 'short').replace(/, \d{4}$/, '') : formatCalendarDate(d, 'short'));
  const next = c?.nextActionOn ? `${NEXT_ACTION[c.nextAction ?? ''] ?? c.nextAction ?? 'Next action'} · ${day(c.nextActionOn)}` : null;
  return (
    <div className="min-w-36 space-y-0.5 text-xs leading-5">
      <p className="whitespace-nowrap">
        <span className="sr-only">Last contact: </span>
        {c?.lastContactAt ? (
          <span title={formatInstantDateTime(c.lastContactAt, timeZone)}>
            {CONTACT_KIND[c.lastContactKind ?? ''] ?? c.lastContactKind ?? 'Contact'} · {formatInstantDay(c.lastContactAt, timeZone, now)}
          </span>
        ) : (
          <span className="text-slate-400">Never</span>
        )}
      </p>
      {next || c?.promise || c?.hold ? (
        <p className="flex flex-wrap items-center gap-1">
          {next ? (
            <span className="whitespace-nowrap text-slate-600" title={c?.nextActionOn ? formatCalendarDate(c.nextActionOn) : undefined}>
              <span className="sr-only">Next action: </span>
              {next}
            </span>
          ) : null}
          {c?.promise ? (
            <span
              title={`${PROMISE_STATE_LABELS[c.promise.state]}: ${formatMoney(c.promise.amountMinor, c.promise.currency)} by ${formatCalendarDate(c.promise.promisedOn)}`}
            >
              <PromiseBadge state={c.promise.state} className={SMALL_BADGE} />
            </span>
          ) : null}
          {c?.hold ? (
            <HoldBadge
              kind={c.hold.kind}
              reason={[c.hold.reason, c.hold.endsOn ? `until ${formatCalendarDate(c.hold.endsOn)}` : null].filter(Boolean).join(', ')}
              count={c.hold.count}
              className={SMALL_BADGE}
            />
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
