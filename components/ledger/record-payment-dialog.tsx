'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Banknote } from 'lucide-react';
import { PAYMENT_METHODS } from '@/lib/ledger/ledger-input';
import { formatMoney } from '@/lib/money/currency';
import { Button } from '@/components/ui/button';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Modal } from '@/components/ui/modal';
import { recordPaymentAction } from '@/lib/actions/ledger/record-payment';
import { FormField, fieldClass } from './form-field';
import { minorToInput, PAYMENT_METHOD_LABELS } from './ledger-labels';
import { applyHref } from './ledger-hrefs';
import { useLedgerAction } from './use-ledger-action';
import { MoneyLocationField } from './money-location-field';

/** What the payment is for: one invoice (applied at once, the rest kept as credit) or a customer (unapplied). */
export type PaymentTarget =
  | { kind: 'invoice'; invoiceId: string; invoiceNumber: string; balanceMinor: number; currency: string }
  | {
      kind: 'customer';
      customerId: string;
      customerName: string;
      currencies: string[];
      /** Set when the customer has no default location: where the money may go (the user's modify locations). */
      locations?: { id: string; name: string }[];
    };

/** The Record payment button and its modal; each opening starts from a fresh form. */
export function RecordPaymentDialog({
  slug,
  target,
  today,
  size = 'md',
}: {
  slug: string;
  target: PaymentTarget;
  today: string;
  size?: 'sm' | 'md';
}) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={target.kind === 'invoice' ? `Record payment on ${target.invoiceNumber}` : `Record payment from ${target.customerName}`}
      description={
        target.kind === 'invoice'
          ? 'Applied to this invoice at once; anything above its balance is kept as customer credit.'
          : 'Kept as unapplied customer credit until you apply it to invoices.'
      }
      trigger={
        <Button size={size}>
          <Banknote className="size-4" aria-hidden /> Record payment
        </Button>
      }
    >
      <RecordPaymentForm slug={slug} target={target} today={today} onDone={() => setOpen(false)} />
    </Modal>
  );
}

function RecordPaymentForm({ slug, target, today, onDone }: { slug: string; target: PaymentTarget; today: string; onDone: () => void }) {
  const router = useRouter();
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();
  const currencies = target.kind === 'invoice' ? [target.currency] : target.currencies;
  const [values, setValues] = useState({
    amount: target.kind === 'invoice' ? minorToInput(target.balanceMinor, target.currency) : '',
    receivedOn: today,
    reference: '',
    method: '',
    note: '',
    currency: currencies[0] ?? 'USD',
    locationId: target.kind === 'customer' && target.locations?.length === 1 ? target.locations[0]!.id : '',
  });
  const locations = target.kind === 'customer' ? target.locations : undefined;
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      ...(target.kind === 'invoice' ? { invoiceId: target.invoiceId } : { customerId: target.customerId, currency: values.currency }),
      ...(values.locationId ? { locationId: values.locationId } : {}),
      amount: values.amount,
      receivedOn: values.receivedOn,
      reference: values.reference,
      ...(values.method ? { method: values.method } : {}),
      ...(values.note.trim() ? { note: values.note } : {}),
    };
    run(
      () => recordPaymentAction(slug, input),
      (data) => {
        const currency = target.kind === 'invoice' ? target.currency : values.currency;
        const total = formatMoney(data.appliedMinor + data.unappliedMinor, currency);
        const credit = formatMoney(data.unappliedMinor, currency);
        const apply = { label: 'Apply now', onClick: () => router.push(applyHref(slug, 'payment', data.paymentId)) };
        if (target.kind === 'invoice' && data.unappliedMinor === 0) {
          toast.success(`Payment of ${total} recorded`, { description: `Applied to ${target.invoiceNumber}.` });
        } else if (target.kind === 'invoice') {
          toast.success(`Payment of ${total} recorded`, {
            description: `${formatMoney(data.appliedMinor, currency)} applied to ${target.invoiceNumber}; ${credit} kept as customer credit.`,
            action: apply,
          });
        } else {
          toast.success(`Payment of ${total} recorded`, { description: `${credit} kept as customer credit until applied.`, action: apply });
        }
        onDone();
      },
    );
  }

  return (
    <form className="flex min-h-0 flex-1 flex-col" noValidate onSubmit={submit}>
      <fieldset disabled={pending} className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="rp-amount"
            label={`Amount${currencies.length === 1 ? ` (${currencies[0]})` : ''}`}
            error={fieldErrors.amount}
            hint={target.kind === 'invoice' ? `Balance due ${formatMoney(target.balanceMinor, target.currency)}` : undefined}
          >
            {(p) => (
              <input
                {...p}
                data-autofocus
                type="text"
                inputMode="decimal"
                autoComplete="off"
                placeholder="e.g. 250.00"
                value={values.amount}
                onChange={set('amount')}
                className={`${fieldClass} tabular text-right`}
              />
            )}
          </FormField>
          <FormField id="rp-date" label="Payment date" error={fieldErrors.receivedOn}>
            {(p) => (
              <input
                {...p}
                type="date"
                max={today}
                required
                value={values.receivedOn}
                onChange={set('receivedOn')}
                className={`${fieldClass} tabular`}
              />
            )}
          </FormField>
        </div>
        {currencies.length > 1 ? (
          <FormField id="rp-currency" label="Currency" error={fieldErrors.currency}>
            {(p) => (
              <select {...p} value={values.currency} onChange={set('currency')} className={`${fieldClass} max-w-32`}>
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        {locations ? (
          <MoneyLocationField
            id="rp-location"
            locations={locations}
            value={values.locationId}
            onChange={set('locationId')}
            error={fieldErrors.locationId}
          />
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="rp-reference" label="Reference" hint="Check number or bank reference; recorded once." error={fieldErrors.reference}>
            {(p) => (
              <input
                {...p}
                type="text"
                required
                maxLength={100}
                autoComplete="off"
                value={values.reference}
                onChange={set('reference')}
                className={fieldClass}
              />
            )}
          </FormField>
          <FormField id="rp-method" label="Method" error={fieldErrors.method}>
            {(p) => (
              <select {...p} value={values.method} onChange={set('method')} className={fieldClass}>
                <option value="">Not specified</option>
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {PAYMENT_METHOD_LABELS[m] ?? m}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField id="rp-note" label="Note (optional)" error={fieldErrors.note}>
          {(p) => <textarea {...p} rows={2} maxLength={500} value={values.note} onChange={set('note')} className={fieldClass} />}
        </FormField>
        {fieldErrors.invoiceId || fieldErrors.customerId ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {fieldErrors.invoiceId ?? fieldErrors.customerId}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <DialogFormFooter pending={pending} submitLabel="Record payment" pendingLabel="Recording…" />
    </form>
  );
}
