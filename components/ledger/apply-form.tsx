'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ArrowRightLeft, Loader2, RotateCcw } from 'lucide-react';
import type { ApplicationForm } from '@/lib/ledger/get-application-form';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { parseAmount } from '@/lib/money/parse-amount';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { applyCreditAction } from '@/lib/actions/ledger/apply-credit';
import { FormField, fieldClass } from './form-field';
import { invoiceHref } from './ledger-hrefs';
import { minorToInput } from './ledger-labels';
import { useLedgerAction } from './use-ledger-action';

const th = 'whitespace-nowrap px-3 py-2.5 font-medium first:pl-4 last:pr-4';

/**
 * Allocates what a payment or credit note has left over the customer's open invoices: one amount per invoice,
 * pre-filled oldest due first. Guards here (no amount over an invoice's balance, no total over what is left);
 * the server checks again.
 */
export function ApplyForm({ slug, form, today, backHref }: { slug: string; form: ApplicationForm; today: string; backHref: string }) {
  const router = useRouter();
  const { currency } = form;
  const fmt = (minor: number) => formatMoney(minor, currency);
  const suggested = () =>
    Object.fromEntries(
      form.invoices.map((inv) => {
        const s = form.suggested.find((a) => a.invoiceId === inv.id);
        return [inv.id, s ? minorToInput(s.amountMinor, currency) : ''];
      }),
    );
  const [amounts, setAmounts] = useState<Record<string, string>>(suggested);
  const [appliedOn, setAppliedOn] = useState(today);
  // Server errors name allocations by their index in the request: kept per invoice id.
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();

  const rows = form.invoices.map((inv) => {
    const text = amounts[inv.id] ?? '';
    const parsed = text.trim() === '' ? { ok: true as const, minor: 0 } : parseAmount(text, currency);
    const minor = parsed.ok ? parsed.minor : 0;
    const problem = !parsed.ok ? parsed.message : minor > inv.balanceMinor ? `More than the balance of ${fmt(inv.balanceMinor)}.` : undefined;
    return { inv, text, minor, error: problem ?? serverErrors[inv.id] };
  });
  const total = rows.reduce((sum, r) => sum + r.minor, 0);
  const left = form.unappliedMinor - total;
  const chosen = rows.filter((r) => r.minor > 0);
  const toFix = rows.filter((r) => r.error && !serverErrors[r.inv.id]).length;
  const blocked = toFix > 0 || left < 0 || chosen.length === 0;

  function edit(id: string, text: string) {
    setAmounts((a) => ({ ...a, [id]: text }));
    setServerErrors((e) => {
      if (!(id in e)) return e;
      const next = { ...e };
      delete next[id];
      return next;
    });
    clear('allocations');
  }

  function reset(to: 'suggested' | 'none') {
    setAmounts(to === 'suggested' ? suggested() : Object.fromEntries(form.invoices.map((inv) => [inv.id, ''])));
    setServerErrors({});
    clear();
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked) return;
    const sent = chosen.map((r) => r.inv.id);
    const input = { source: form.kind, id: form.id, appliedOn, allocations: chosen.map((r) => ({ invoiceId: r.inv.id, amount: r.text.trim() })) };
    run(
      async () => {
        const result = await applyCreditAction(slug, input);
        if (!result.ok && result.fieldErrors) {
          const byInvoice: Record<string, string> = {};
          for (const [path, message] of Object.entries(result.fieldErrors)) {
            const m = /^allocations\.(\d+)\./.exec(path);
            const id = m ? sent[Number(m[1])] : undefined;
            if (id) byInvoice[id] = message;
          }
          setServerErrors(byInvoice);
        }
        return result;
      },
      (data) => {
        toast.success(`Applied ${fmt(total)} to ${chosen.length === 1 ? `invoice ${chosen[0]!.inv.number}` : `${chosen.length} invoices`}`, {
          description:
            data.unappliedMinor > 0
              ? `${fmt(data.unappliedMinor)} left to apply.`
              : `The ${form.kind === 'payment' ? 'payment' : 'credit note'} is fully applied.`,
        });
        router.push(backHref);
      },
    );
  }

  const summary = [
    toFix > 0 ? `Fix ${toFix === 1 ? 'the amount' : `${toFix} amounts`} marked in red` : null,
    left < 0 ? `${fmt(-left)} more than is left to apply` : `${fmt(left)} left to apply`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <form
      onSubmit={submit}
      noValidate
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      aria-labelledby="apply-invoices"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id="apply-invoices" className="font-semibold">
          Open invoices of {form.customer.name} ({form.invoices.length})
        </h2>
        <div className="flex gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => reset('suggested')} disabled={pending}>
            <RotateCcw className="size-4" aria-hidden /> Oldest due first
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => reset('none')} disabled={pending}>
            Clear all
          </Button>
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Amount to apply to each open invoice, oldest due first</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className={`${th} text-left`}>
                Invoice
              </th>
              <th scope="col" className={`${th} text-left`}>
                Invoice date
              </th>
              <th scope="col" className={`${th} text-left`}>
                Due date
              </th>
              <th scope="col" className={`${th} text-right`}>
                Amount
              </th>
              <th scope="col" className={`${th} text-right`}>
                Balance
              </th>
              <th scope="col" className={`${th} text-right`}>
                Apply
              </th>
              <th scope="col" className={`${th} text-right`}>
                Balance after
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(({ inv, text, minor, error: rowError }) => {
              const id = `apply-${inv.id}`;
              return (
                <tr key={inv.id} className={cn('align-top [&>td:first-child]:pl-4 [&>td:last-child]:pr-4', minor > 0 && 'bg-brand-50/40')}>
                  <td className="whitespace-nowrap px-3 py-2.5">
                    <Link href={invoiceHref(slug, inv.id)} className="font-medium text-brand-700 hover:underline">
                      {inv.number}
                    </Link>
                  </td>
                  <td className="tabular whitespace-nowrap px-3 py-2.5">{formatCalendarDate(inv.invoiceDate, 'short')}</td>
                  <td className={cn('tabular whitespace-nowrap px-3 py-2.5', inv.dueDate < today && 'text-red-700')}>
                    {formatCalendarDate(inv.dueDate, 'short')}
                  </td>
                  <td className="tabular whitespace-nowrap px-3 py-2.5 text-right">{fmt(inv.amountMinor)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-semibold">{fmt(inv.balanceMinor)}</td>
                  <td className="px-3 py-1.5 text-right">
                    <label htmlFor={id} className="sr-only">
                      Amount to apply to {inv.number}
                    </label>
                    <input
                      id={id}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="0.00"
                      value={text}
                      disabled={pending}
                      onChange={(e) => edit(inv.id, e.target.value)}
                      aria-invalid={rowError ? true : undefined}
                      aria-describedby={rowError ? `${id}-error` : undefined}
                      className={cn(fieldClass, 'tabular ml-auto mt-0 w-32 text-right')}
                    />
                    {rowError ? (
                      <p id={`${id}-error`} className="mt-1 max-w-48 text-right text-xs text-red-600 ml-auto">
                        {rowError}
                      </p>
                    ) : null}
                  </td>
                  <td className="tabular whitespace-nowrap px-3 py-2.5 text-right text-slate-600">
                    {rowError ? <span aria-label="Unknown until the amount is fixed">—</span> : fmt(inv.balanceMinor - minor)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50">
            <tr className="[&>*:first-child]:pl-4 [&>*:last-child]:pr-4">
              <th scope="row" colSpan={5} className="px-3 py-2.5 text-right font-medium text-slate-600">
                Total to apply
              </th>
              <td className="tabular whitespace-nowrap px-3 py-2.5 text-right font-bold" data-testid="apply-total">
                {fmt(total)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-4 border-t border-slate-200 px-4 py-3">
        <FormField id="apply-date" label="Apply date" error={fieldErrors.appliedOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              min={form.date}
              max={today}
              required
              value={appliedOn}
              disabled={pending}
              onChange={(e) => {
                setAppliedOn(e.target.value);
                clear('appliedOn');
              }}
              className={`${fieldClass} tabular w-44`}
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p
            role="status"
            aria-live="polite"
            data-testid="apply-left"
            className={cn('tabular text-sm font-medium', left < 0 || toFix > 0 ? 'text-red-600' : left === 0 ? 'text-emerald-700' : 'text-slate-700')}
          >
            {summary}
          </p>
          <Button asChild variant="ghost">
            <Link href={backHref}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={pending || blocked}>
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <ArrowRightLeft className="size-4" aria-hidden />}
            {pending ? 'Applying…' : `Apply ${fmt(total)}`}
          </Button>
        </div>
      </div>
      {fieldErrors.allocations || error ? (
        <p role="alert" className="mx-4 mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {fieldErrors.allocations ?? error}
        </p>
      ) : null}
    </form>
  );
}
