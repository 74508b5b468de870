'use client';
import { useState } from 'react';
import { toast } from 'sonner';
import { PauseCircle } from 'lucide-react';
import { HOLD_KIND_LABELS, HOLD_KINDS } from '@/lib/collections/collection-input';
import { placeHoldAction } from '@/lib/actions/collections/place-hold';
import { Button } from '@/components/ui/button';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Modal } from '@/components/ui/modal';
import { FormField, fieldClass } from '@/components/ledger/form-field';
import { useLedgerAction } from '@/components/ledger/use-ledger-action';

interface Props {
  slug: string;
  customerId: string;
  customerName: string;
  /** Invoices it may be placed on instead of the whole customer. */
  invoices: { id: string; number: string }[];
  /** The invoice chosen at the start (the invoice page's); else the whole customer. */
  invoiceId?: string;
  today: string;
}

/** The "Dispute / hold" button and dialog: no reminder goes out for what it covers while it is active. */
export function HoldDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Place a dispute or hold"
      description="The amount still ages, but no reminder goes out for it while the dispute or hold is active. A hold ends by itself after its end date."
      trigger={
        <Button variant="secondary">
          <PauseCircle className="size-4" aria-hidden /> Dispute / hold
        </Button>
      }
    >
      <HoldForm {...props} onDone={() => setOpen(false)} />
    </Modal>
  );
}

function HoldForm({ slug, customerId, customerName, invoices, invoiceId, today, onDone }: Props & { onDone: () => void }) {
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();
  const [values, setValues] = useState({ kind: 'dispute', target: invoiceId ?? '', reason: '', note: '', endsOn: '' });
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field === 'target' ? 'invoiceId' : field);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(
      () =>
        placeHoldAction(slug, {
          kind: values.kind,
          ...(values.target ? { invoiceId: values.target } : { customerId }),
          reason: values.reason,
          note: values.note,
          endsOn: values.endsOn || undefined,
        }),
      () => {
        const on = invoices.find((i) => i.id === values.target)?.number ?? customerName;
        toast.success(`${values.kind === 'dispute' ? 'Dispute' : 'Hold'} placed on ${on}`);
        onDone();
      },
    );
  }

  return (
    <form className="flex min-h-0 flex-1 flex-col" noValidate onSubmit={submit}>
      <fieldset disabled={pending} className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="hd-kind" label="Kind" error={fieldErrors.kind}>
            {(p) => (
              <select {...p} data-autofocus value={values.kind} onChange={set('kind')} className={fieldClass}>
                {HOLD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k === 'dispute' ? 'Dispute' : 'Hold'} ({HOLD_KIND_LABELS[k].toLowerCase()})
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="hd-target" label="On" error={fieldErrors.invoiceId ?? fieldErrors.customerId}>
            {(p) => (
              <select {...p} value={values.target} onChange={set('target')} className={fieldClass}>
                <option value="">All of {customerName}</option>
                {invoices.map((i) => (
                  <option key={i.id} value={i.id}>
                    Invoice {i.number}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField id="hd-reason" label="Reason" error={fieldErrors.reason}>
          {(p) => <input {...p} type="text" required maxLength={200} value={values.reason} onChange={set('reason')} className={fieldClass} />}
        </FormField>
        <FormField id="hd-note" label="Note" error={fieldErrors.note}>
          {(p) => <textarea {...p} rows={3} maxLength={5000} value={values.note} onChange={set('note')} className={fieldClass} />}
        </FormField>
        <FormField
          id="hd-ends"
          label={values.kind === 'hold' ? 'Ends on' : 'Ends on (optional)'}
          hint="The last day it is active. A dispute without an end date stays until you end it."
          error={fieldErrors.endsOn}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              min={today}
              required={values.kind === 'hold'}
              value={values.endsOn}
              onChange={set('endsOn')}
              className={fieldClass}
            />
          )}
        </FormField>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <DialogFormFooter pending={pending} submitLabel="Place" />
    </form>
  );
}
