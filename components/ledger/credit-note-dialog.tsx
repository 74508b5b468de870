'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ReceiptText } from 'lucide-react';
import { parseAmount } from '@/lib/money/parse-amount';
import { formatMoney } from '@/lib/money/currency';
import { Button } from '@/components/ui/button';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Modal } from '@/components/ui/modal';
import { recordCreditNoteAction } from '@/lib/actions/ledger/record-credit-note';
import { FormField, fieldClass } from './form-field';
import { applyHref } from './ledger-hrefs';
import { useLedgerAction } from './use-ledger-action';
import { MoneyLocationField } from './money-location-field';

interface Props {
  slug: string;
  customerId: string;
  customerName: string;
  /** Currencies to offer (the customer's, else the company's base currency); the first is the default. */
  currencies: string[];
  today: string;
  /** Set when the customer has no default location: where the credit may go (the user's modify locations). */
  locations?: { id: string; name: string }[];
}

/** The Add credit note button and its modal: a credit on the customer, unapplied until applied to invoices. */
export function CreditNoteDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={`Add credit note for ${props.customerName}`}
      description="Kept as customer credit until you apply it to invoices."
      trigger={
        <Button variant="secondary">
          <ReceiptText className="size-4" aria-hidden /> Add credit note
        </Button>
      }
    >
      <CreditNoteForm {...props} onDone={() => setOpen(false)} />
    </Modal>
  );
}

function CreditNoteForm({ slug, customerId, customerName, currencies, today, locations, onDone }: Props & { onDone: () => void }) {
  const router = useRouter();
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();
  const [values, setValues] = useState({
    amount: '',
    reason: '',
    issuedOn: today,
    currency: currencies[0] ?? 'USD',
    locationId: locations?.length === 1 ? locations[0]!.id : '',
  });
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { locationId, ...rest } = values;
    run(
      () => recordCreditNoteAction(slug, { customerId, ...rest, ...(locationId ? { locationId } : {}) }),
      (data) => {
        const parsed = parseAmount(values.amount, values.currency);
        toast.success(parsed.ok ? `Credit note of ${formatMoney(parsed.minor, values.currency)} recorded` : 'Credit note recorded', {
          description: `Credit for ${customerName}, to apply to open invoices.`,
          action: { label: 'Apply now', onClick: () => router.push(applyHref(slug, 'credit_note', data.creditNoteId)) },
        });
        onDone();
      },
    );
  }

  return (
    <form className="flex min-h-0 flex-1 flex-col" noValidate onSubmit={submit}>
      <fieldset disabled={pending} className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="cn-amount" label={`Amount${currencies.length === 1 ? ` (${currencies[0]})` : ''}`} error={fieldErrors.amount}>
            {(p) => (
              <input
                {...p}
                data-autofocus
                type="text"
                inputMode="decimal"
                autoComplete="off"
                placeholder="e.g. 100.00"
                value={values.amount}
                onChange={set('amount')}
                className={`${fieldClass} tabular text-right`}
              />
            )}
          </FormField>
          <FormField id="cn-date" label="Credit date" error={fieldErrors.issuedOn}>
            {(p) => <input {...p} type="date" max={today} value={values.issuedOn} onChange={set('issuedOn')} className={`${fieldClass} tabular`} />}
          </FormField>
        </div>
        {currencies.length > 1 ? (
          <FormField id="cn-currency" label="Currency" error={fieldErrors.currency}>
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
            id="cn-location"
            locations={locations}
            value={values.locationId}
            onChange={set('locationId')}
            error={fieldErrors.locationId}
          />
        ) : null}
        <FormField id="cn-reason" label="Reason" hint="Printed in the invoice history where the credit is applied." error={fieldErrors.reason}>
          {(p) => <textarea {...p} rows={3} required maxLength={500} value={values.reason} onChange={set('reason')} className={fieldClass} />}
        </FormField>
        {fieldErrors.customerId ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {fieldErrors.customerId}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <DialogFormFooter pending={pending} submitLabel="Add credit note" />
    </form>
  );
}
