import type { DunningPreview } from '@/lib/dunning/preview-dunning-run';
import { SKIP_REASON_LABELS } from '@/lib/dunning/skip-reasons';

/** Above the preview: how many customers each skip reason holds back, over every page ("Disputed 3 · On hold 2"). */
export function SkipSummary({ summary }: { summary: DunningPreview['skipSummary'] }) {
  if (summary.length === 0) return null;
  return (
    <p className="mt-1 text-sm text-slate-600">
      <span className="font-medium text-slate-700">Held back: </span>
      {summary.map((s, i) => (
        <span key={s.reason} data-skip-reason={s.reason}>
          {i > 0 ? ' · ' : null}
          {SKIP_REASON_LABELS[s.reason]} <strong className="tabular-nums">{s.customers.toLocaleString('en-US')}</strong>
        </span>
      ))}
    </p>
  );
}
