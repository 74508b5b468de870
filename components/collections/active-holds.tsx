import type { HoldRow } from '@/lib/collections/list-holds';
import { EndHoldButton } from './end-hold-button';
import { HoldBadge } from './hold-badge';

/** The active disputes and holds as badges with their reason, each with an End button for who may modify. */
export function ActiveHolds({ slug, holds, mayModify }: { slug: string; holds: HoldRow[]; mayModify: boolean }) {
  if (holds.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Active disputes and holds">
      {holds.map((h) => {
        const label = `${h.kind === 'dispute' ? 'dispute' : 'hold'} on ${h.invoice ? `invoice ${h.invoice.number}` : h.customer.name}`;
        return (
          <li key={h.id} className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white py-1 pl-2 pr-1 text-sm shadow-sm">
            <HoldBadge kind={h.kind} endsOn={h.endsOn} reason={h.reason} />
            <span className="text-slate-700">
              {h.invoice ? `${h.invoice.number}: ` : ''}
              {h.reason}
            </span>
            {mayModify ? <EndHoldButton slug={slug} holdId={h.id} label={label} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
