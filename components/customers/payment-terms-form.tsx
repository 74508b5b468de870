'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { fieldErrors, inputClass } from '@/components/ui/field-errors';
import { setPaymentTermsAction } from '@/lib/actions/customers/set-payment-terms';
import { describeTerms, type PaymentTerms } from '@/lib/billing/payment-terms';

type Kind = PaymentTerms['kind'] | 'none';

/** A customer's payment terms: they give invoices posted without a due date theirs. */
export function PaymentTermsForm({
  slug,
  customerId,
  terms,
  editable,
}: {
  slug: string;
  customerId: string;
  terms: PaymentTerms | null;
  editable: boolean;
}) {
  const [kind, setKind] = useState<Kind>(terms?.kind ?? 'none');
  const [days, setDays] = useState(terms && terms.kind !== 'due_on_receipt' ? String(terms.days) : '30');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const { error, invalid } = fieldErrors(errors);
  if (!editable) return <p className="text-sm text-slate-600">Terms: {describeTerms(terms)}</p>;

  function save(event: React.FormEvent) {
    event.preventDefault();
    const value = kind === 'none' ? null : kind === 'due_on_receipt' ? { kind } : { kind, days: days === '' ? NaN : Number(days) };
    startTransition(async () => {
      const result = await setPaymentTermsAction(slug, customerId, value);
      if (result.ok) {
        setErrors({});
        toast.success(`Payment terms: ${describeTerms(result.data.paymentTerms)}`);
      } else {
        // The action's paths are under paymentTerms.
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^paymentTerms\.?/, '') || 'kind', v])));
        toast.error(result.message);
      }
    });
  }

  return (
    <form onSubmit={save} noValidate className="flex flex-wrap items-end gap-2" aria-label="Payment terms">
      <div>
        <label htmlFor="terms-kind" className="text-xs font-medium text-slate-600">
          Payment terms
        </label>
        <select id="terms-kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as Kind)} {...invalid('kind')}>
          <option value="none">None (invoices need a due date)</option>
          <option value="due_on_receipt">Due on receipt</option>
          <option value="net">Net days</option>
          <option value="end_of_month">End of month plus days</option>
        </select>
      </div>
      {kind === 'net' || kind === 'end_of_month' ? (
        <div className="w-24">
          <label htmlFor="terms-days" className="text-xs font-medium text-slate-600">
            Days
          </label>
          <input
            id="terms-days"
            type="number"
            min={0}
            max={365}
            className={`${inputClass} text-right tabular-nums`}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            {...invalid('days')}
          />
        </div>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save terms'}
      </Button>
      <div className="basis-full">
        {error('kind')}
        {error('days')}
      </div>
    </form>
  );
}
