import { CalendarClock, ClipboardList, HandCoins, Info, PauseCircle, TriangleAlert } from 'lucide-react';
import { WORKLIST_TYPE_DESCRIPTIONS, WORKLIST_TYPE_LABELS, WORKLIST_TYPES } from '@/lib/collections/worklist-params';

export const WORKLIST_ICONS = {
  next_action: CalendarClock,
  broken_promise: HandCoins,
  newly_overdue: TriangleAlert,
  hold_ending: PauseCircle,
  task: ClipboardList,
};

/** What each kind of worklist item means, one line each; folded away so it costs one line once learnt. */
export function WorklistLegend() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
      <summary className="flex cursor-pointer items-center gap-1.5 font-medium text-slate-700">
        <Info className="size-4 text-slate-500" aria-hidden /> What the item types mean
      </summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1.5 pb-1 sm:grid-cols-[max-content_1fr]">
        {WORKLIST_TYPES.map((t) => {
          const Icon = WORKLIST_ICONS[t];
          return (
            <div key={t} className="contents">
              <dt className="inline-flex items-center gap-1.5 font-medium text-slate-800">
                <Icon className="size-4 text-slate-500" aria-hidden /> {WORKLIST_TYPE_LABELS[t]}
              </dt>
              <dd className="text-slate-600">{WORKLIST_TYPE_DESCRIPTIONS[t]}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
