'use client';
import { useState } from 'react';
import { toast } from 'sonner';
import { MessageSquarePlus } from 'lucide-react';
import { ENTRY_KIND_LABELS, ENTRY_KINDS } from '@/lib/collections/collection-input';
import { formatMoney } from '@/lib/money/currency';
import { addCollectionEntryAction } from '@/lib/actions/collections/add-collection-entry';
import { Button } from '@/components/ui/button';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Checkbox } from '@/components/ui/checkbox';
import { Modal } from '@/components/ui/modal';
import { FormField, fieldClass } from '@/components/ledger/form-field';
import { useLedgerAction } from '@/components/ledger/use-ledger-action';

export interface NameableInvoice {
  id: string;
  number: string;
  currency: string;
  balanceMinor: number;
}

interface Props {
  slug: string;
  customerId: string;
  customerName: string;
  /** Invoices the entry may name (the customer's open ones, or the one invoice of an invoice page). */
  invoices: NameableInvoice[];
  /** Named at the start (the invoice page's invoice). */
  preselected?: string[];
  /** Currencies a promise naming no invoice may be in (the customer's, else the company's). */
  currencies: string[];
  today: string;
  /** Now on the company's clock, "YYYY-MM-DDTHH:mm": the default and the latest time allowed. */
  nowLocal: string;
}

/** The "Log contact" button and dialog: what happened, with whom, on which invoices, and an optional promise to pay. */
export function LogContactDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={`Log contact with ${props.customerName}`}
      description="Record a call, email, letter, message, visit or note. It appears in the collection log."
      className="max-w-xl"
      trigger={
        <Button variant="secondary">
          <MessageSquarePlus className="size-4" aria-hidden /> Log contact
        </Button>
      }
    >
      <LogContactForm {...props} onDone={() => setOpen(false)} />
    </Modal>
  );
}

function LogContactForm({ slug, customerId, invoices, preselected, currencies, today, nowLocal, onDone }: Props & { onDone: () => void }) {
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();
  const [values, setValues] = useState({ kind: 'call', occurredAt: nowLocal, contactPerson: '', outcome: '', note: '' });
  const [named, setNamed] = useState<string[]>(preselected ?? []);
  const [withPromise, setWithPromise] = useState(false);
  const [promise, setPromise] = useState({ amount: '', promisedOn: today, currency: currencies[0] ?? '' });
  const namedCurrencies = [...new Set(invoices.filter((i) => named.includes(i.id)).map((i) => i.currency))];
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
  };
  const setP = (field: keyof typeof promise) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setPromise((v) => ({ ...v, [field]: e.target.value }));
    clear(`promise.${field}`);
  };
  const promiseCurrency = namedCurrencies.length === 1 ? namedCurrencies[0]! : promise.currency;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(
      () =>
        addCollectionEntryAction(slug, {
          customerId,
          ...values,
          invoiceIds: named,
          promise: withPromise
            ? {
                amount: promise.amount,
                promisedOn: promise.promisedOn,
                currency: namedCurrencies.length > 0 ? undefined : promise.currency || undefined,
              }
            : undefined,
        }),
      (data) => {
        toast.success(`${ENTRY_KIND_LABELS[values.kind as keyof typeof ENTRY_KIND_LABELS]} logged`, {
          description: data.promiseId ? 'The promise to pay is recorded with it.' : undefined,
        });
        onDone();
      },
    );
  }

  return (
    <form className="flex min-h-0 flex-1 flex-col" noValidate onSubmit={submit}>
      <fieldset disabled={pending} className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="lc-kind" label="Kind" error={fieldErrors.kind}>
            {(p) => (
              <select {...p} data-autofocus value={values.kind} onChange={set('kind')} className={fieldClass}>
                {ENTRY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ENTRY_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="lc-when" label="When" error={fieldErrors.occurredAt}>
            {(p) => (
              <input {...p} type="datetime-local" max={nowLocal} value={values.occurredAt} onChange={set('occurredAt')} className={fieldClass} />
            )}
          </FormField>
          <FormField id="lc-contact" label="Contact person" error={fieldErrors.contactPerson}>
            {(p) => <input {...p} type="text" maxLength={200} value={values.contactPerson} onChange={set('contactPerson')} className={fieldClass} />}
          </FormField>
          <FormField id="lc-outcome" label="Outcome" error={fieldErrors.outcome}>
            {(p) => <input {...p} type="text" maxLength={200} value={values.outcome} onChange={set('outcome')} className={fieldClass} />}
          </FormField>
        </div>
        <FormField id="lc-note" label="Note" error={fieldErrors.note}>
          {(p) => <textarea {...p} rows={3} maxLength={5000} value={values.note} onChange={set('note')} className={fieldClass} />}
        </FormField>
        {invoices.length > 0 ? (
          <fieldset aria-describedby={fieldErrors.invoiceIds ? 'lc-invoices-error' : undefined}>
            <legend className="text-sm font-medium text-slate-700">Invoices it is about</legend>
            <ul className="mt-1 max-h-40 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
              {invoices.map((inv) => (
                <li key={inv.id} className="flex items-center gap-2 text-sm">
                  <Checkbox
                    id={`lc-inv-${inv.id}`}
                    checked={named.includes(inv.id)}
                    onCheckedChange={(c) => {
                      setNamed((n) => (c === true ? [...n, inv.id] : n.filter((x) => x !== inv.id)));
                      clear('invoiceIds');
                    }}
                  />
                  <label htmlFor={`lc-inv-${inv.id}`} className="flex flex-1 justify-between gap-2">
                    <span>{inv.number}</span>
                    <span className="tabular text-slate-500">{formatMoney(inv.balanceMinor, inv.currency)}</span>
                  </label>
                </li>
              ))}
            </ul>
            {fieldErrors.invoiceIds ? (
              <p id="lc-invoices-error" className="mt-1 text-sm text-red-600">
                {fieldErrors.invoiceIds}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <div className="flex items-center gap-2">
          <Checkbox id="lc-promise" checked={withPromise} onCheckedChange={(c) => setWithPromise(c === true)} />
          <label htmlFor="lc-promise" className="text-sm font-medium text-slate-700">
            The customer promised to pay
          </label>
        </div>
        {withPromise ? (
          <div className="grid gap-4 rounded-md bg-slate-50 p-3 sm:grid-cols-3">
            <FormField id="lc-amount" label={`Amount (${promiseCurrency})`} error={fieldErrors['promise.amount'] ?? fieldErrors.amount}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={promise.amount}
                  onChange={setP('amount')}
                  className={`${fieldClass} tabular text-right`}
                />
              )}
            </FormField>
            <FormField id="lc-promised-on" label="By" error={fieldErrors['promise.promisedOn']}>
              {(p) => <input {...p} type="date" min={today} value={promise.promisedOn} onChange={setP('promisedOn')} className={fieldClass} />}
            </FormField>
            {namedCurrencies.length === 0 && currencies.length > 1 ? (
              <FormField id="lc-currency" label="Currency" error={fieldErrors['promise.currency']}>
                {(p) => (
                  <select {...p} value={promise.currency} onChange={setP('currency')} className={fieldClass}>
                    {currencies.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ) : null}
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <DialogFormFooter pending={pending} submitLabel="Log contact" />
    </form>
  );
}
