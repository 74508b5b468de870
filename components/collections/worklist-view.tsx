'use client';
import { useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Inbox, UserRoundCog } from 'lucide-react';
import type { Worklist, WorklistItem } from '@/lib/collections/get-worklist';
import { NEXT_ACTION_LABELS, WORKLIST_TYPE_DESCRIPTIONS, WORKLIST_TYPE_LABELS, WORKLIST_TYPES } from '@/lib/collections/worklist-params';
import { reassignCustomersAction } from '@/lib/actions/collections/reassign-customers';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { ListPagination } from '@/components/ui/list-pagination';
import { CompleteItemDialog } from './complete-item-dialog';
import { PromiseBadge } from './promise-badge';
import { HoldBadge } from './hold-badge';
import { worklistHref, type WorklistUrlState } from './worklist-href';
import { WORKLIST_ICONS as ICONS, WorklistLegend } from './worklist-legend';

const select =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';

function Detail({ item }: { item: WorklistItem }) {
  const d = item.detail as Record<string, string | number | null>;
  if (item.type === 'next_action') return <span>{NEXT_ACTION_LABELS[d.action as keyof typeof NEXT_ACTION_LABELS] ?? d.action}</span>;
  if (item.type === 'broken_promise')
    return (
      <PromiseBadge state={String(d.state)} amountMinor={Number(d.amountMinor)} currency={String(d.currency)} promisedOn={String(d.promisedOn)} />
    );
  if (item.type === 'hold_ending') return <HoldBadge kind={String(d.kind)} reason={String(d.reason)} endsOn={d.endsOn as string | null} />;
  if (item.type === 'task') return <span>{`${d.channel === 'letter' ? 'Letter' : 'Call'} · level ${d.level}: ${d.subject}`}</span>;
  return <span>{`${d.invoices} invoice${d.invoices === 1 ? '' : 's'} flagged, not contacted since`}</span>;
}

interface Props {
  slug: string;
  worklist: Worklist;
  manager: boolean;
  collectors: { id: string; name: string }[];
}

/** The worklist: filters in the URL, items by money at risk, Complete per item, and (managers) bulk reassignment. */
export function WorklistView({ slug, worklist, manager, collectors }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const state: WorklistUrlState = { type: worklist.type ?? undefined, scope: worklist.scope, collectorId: worklist.collectorId ?? undefined };
  const go = (next: WorklistUrlState) => startTransition(() => router.push(worklistHref(slug, { ...next, page: 1 })));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignTo, setAssignTo] = useState('');
  const customerIds = [...new Set(worklist.items.filter((i) => selected.has(`${i.type}:${i.id}`)).map((i) => i.customer.id))];
  const toggle = (key: string) => setSelected((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));

  function reassign() {
    startTransition(async () => {
      const result = await reassignCustomersAction(slug, { customerIds, collectorId: assignTo === 'none' ? null : assignTo });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`Reassigned ${result.data.updated} customer${result.data.updated === 1 ? '' : 's'}`);
      setSelected(new Set());
      router.refresh();
    });
  }

  return (
    <div className="space-y-4" aria-busy={pending}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-700">
          Type
          <select className={`${select} mt-1 block`} value={state.type ?? ''} onChange={(e) => go({ ...state, type: e.target.value || undefined })}>
            <option value="">All types</option>
            {WORKLIST_TYPES.map((t) => (
              <option key={t} value={t}>
                {WORKLIST_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Whose
          <select
            className={`${select} mt-1 block`}
            value={state.collectorId ? 'everyone' : state.scope}
            onChange={(e) => go({ ...state, scope: e.target.value, collectorId: undefined })}
          >
            <option value="mine">Mine</option>
            <option value="unassigned">Unassigned</option>
            {manager ? <option value="everyone">Everyone</option> : null}
          </select>
        </label>
        {manager ? (
          <label className="text-sm font-medium text-slate-700">
            Collector
            <select
              className={`${select} mt-1 block`}
              value={state.collectorId ?? ''}
              onChange={(e) => go({ ...state, scope: 'everyone', collectorId: e.target.value || undefined })}
            >
              <option value="">Any collector</option>
              {collectors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {manager ? (
          <div role="group" aria-label="Bulk actions" className="ml-auto flex items-end gap-2">
            <label className="text-sm font-medium text-slate-700">
              Reassign to…
              <select className={`${select} mt-1 block`} value={assignTo} onChange={(e) => setAssignTo(e.target.value)}>
                <option value="">Choose a collector</option>
                <option value="none">Nobody (location default)</option>
                {collectors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="secondary" disabled={pending || customerIds.length === 0 || !assignTo} onClick={reassign}>
              <UserRoundCog className="size-4" aria-hidden /> Reassign {customerIds.length > 0 ? `(${customerIds.length})` : ''}
            </Button>
          </div>
        ) : null}
      </div>
      <WorklistLegend />
      {worklist.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <Inbox className="mx-auto size-10 text-slate-300" aria-hidden />
          <p className="mt-3 font-medium">Nothing to do here today</p>
          <p className="mt-1 text-sm text-slate-500">No items match these filters on {worklist.today}.</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm" aria-label="Worklist, by money at risk">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                {manager ? <th scope="col" className="w-10 px-4 py-2.5" aria-label="Select" /> : null}
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Item
                </th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Customer
                </th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Collector
                </th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Due
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  Overdue
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium" title="Overdue balance weighted by months late (at most 6)">
                  At risk
                </th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Detail
                </th>
                <th scope="col" className="px-4 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {worklist.items.map((item) => {
                const key = `${item.type}:${item.id}`;
                const Icon = ICONS[item.type];
                return (
                  <tr key={key} className="hover:bg-slate-50">
                    {manager ? (
                      <td className="px-4 py-2.5">
                        <Checkbox aria-label={`Select ${item.customer.name}`} checked={selected.has(key)} onCheckedChange={() => toggle(key)} />
                      </td>
                    ) : null}
                    <td className="px-4 py-2.5">
                      <span className="inline-flex items-center gap-1.5 whitespace-nowrap" title={WORKLIST_TYPE_DESCRIPTIONS[item.type]}>
                        <Icon className="size-4 text-slate-500" aria-hidden /> {WORKLIST_TYPE_LABELS[item.type]}
                      </span>
                    </td>
                    <td className="px-4 py-2.5">
                      <Link href={`/${slug}/customers/${item.customer.id}/accounting`} className="font-medium text-brand-700 hover:underline">
                        {item.customer.name}
                      </Link>
                    </td>
                    <td className="px-4 py-2.5">{item.collector?.name ?? <span className="text-slate-400">Unassigned</span>}</td>
                    <td className="tabular whitespace-nowrap px-4 py-2.5">
                      <time dateTime={item.dueOn}>{formatCalendarDate(item.dueOn, 'short')}</time>
                    </td>
                    <td className="tabular px-4 py-2.5 text-right">
                      {item.overdue.length === 0
                        ? '—'
                        : item.overdue.map((o) => <div key={o.currency}>{formatMoney(o.overdueMinor, o.currency)}</div>)}
                    </td>
                    <td className="tabular px-4 py-2.5 text-right">
                      {item.overdue.length === 0 ? '—' : item.overdue.map((o) => <div key={o.currency}>{formatMoney(o.riskMinor, o.currency)}</div>)}
                    </td>
                    <td className="px-4 py-2.5">
                      <Detail item={item} />
                    </td>
                    <td className="px-4 py-2.5 text-right">
                      <CompleteItemDialog slug={slug} item={item} today={worklist.today} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination
        noun={['item', 'items']}
        label="Pagination"
        page={worklist.page}
        perPage={worklist.perPage}
        totalRows={worklist.totalRows}
        totalPages={worklist.totalPages}
        hrefFor={(page) => worklistHref(slug, { ...state, page })}
      />
    </div>
  );
}
