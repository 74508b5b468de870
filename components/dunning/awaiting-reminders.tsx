'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { decideRemindersAction } from '@/lib/actions/dunning/decide-reminders';
import { decideSummary } from './decide-summary';
import type { AwaitingReminder } from '@/lib/dunning/list-awaiting-reminders';
import { formatMoney } from '@/lib/money/currency';

/**
 * A page of the reminders waiting for a manager: select some on this page and approve (their emails are queued)
 * or cancel them. Deciding all `total` of them (every page) is DecideAllDialog's, beside the section heading.
 */
export function AwaitingReminders({ slug, reminders, total }: { slug: string; reminders: AwaitingReminder[]; total: number }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();
  if (reminders.length === 0)
    return <p className="mt-4 text-sm text-slate-600">{total === 0 ? 'No reminders are waiting for approval.' : 'No reminders on this page.'}</p>;
  const all = selected.size === reminders.length ? true : selected.size > 0 ? 'indeterminate' : false;
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const decide = (decision: 'approve' | 'cancel') =>
    startTransition(async () => {
      const r = await decideRemindersAction(slug, { ids: [...selected], decision });
      if (!r.ok) {
        toast.error(r.message);
        return;
      }
      toast.success(decideSummary(r.data, decision));
      setSelected(new Set());
    });
  return (
    <div className="mt-4 rounded-xl border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-2">
        <Checkbox
          aria-label="Select all reminders on this page"
          checked={all}
          onCheckedChange={() => setSelected(all === true ? new Set() : new Set(reminders.map((r) => r.id)))}
        />
        <span className="text-sm text-slate-600">{selected.size} selected on this page</span>
        <Button size="sm" disabled={pending || selected.size === 0} onClick={() => decide('approve')}>
          Approve
        </Button>
        <Button size="sm" variant="secondary" disabled={pending || selected.size === 0} onClick={() => decide('cancel')}>
          Cancel reminders
        </Button>
      </div>
      <ul>
        {reminders.map((r) => (
          <li key={r.id} className="flex gap-3 border-t border-slate-100 px-4 py-3 first:border-t-0">
            <Checkbox
              aria-label={`Select the reminder to ${r.customerName}`}
              checked={selected.has(r.id)}
              onCheckedChange={() => toggle(r.id)}
              className="mt-1"
            />
            <details className="flex-1 text-sm">
              <summary className="flex cursor-pointer flex-wrap justify-between gap-2">
                <span>
                  <span className="font-medium">{r.customerName}</span> · level {r.level} · {r.invoices} {r.invoices === 1 ? 'invoice' : 'invoices'} ·{' '}
                  {r.toAddress} <span className="text-slate-500">({r.runOn})</span>
                </span>
                <span className="tabular-nums">{r.amounts.map((a) => formatMoney(a.minor, a.currency)).join(' and ')}</span>
              </summary>
              <p className="mt-2 font-medium">{r.subject}</p>
              <pre className="mt-1 whitespace-pre-wrap font-sans text-slate-700">{r.bodyText}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
