'use client';
import { useState } from 'react';
import { toast } from 'sonner';
import { Eraser } from 'lucide-react';
import { WRITE_OFF_REASONS } from '@/lib/ledger/ledger-input';
import { formatMoney } from '@/lib/money/currency';
import { Button } from '@/components/ui/button';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Modal } from '@/components/ui/modal';
import { writeOffAction } from '@/lib/actions/ledger/write-off-invoice';
import { FormField, fieldClass } from './form-field';
import { INVOICE_STATUS_LABELS, minorToInput, WRITE_OFF_REASON_LABELS } from './ledger-labels';
import { useLedgerAction } from './use-ledger-action';

interface Props {
  slug: string;
  invoiceId: string;
  invoiceNumber: string;
  balanceMinor: number;
  currency: string;
}

/** The Write off button and its modal: part or all of the balance, with a reason and a description. */
export function WriteOffDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={`Write off ${props.invoiceNumber}`}
      description="Writing off the whole balance closes the invoice as written off. It shows in the invoice's history and the audit log."
      trigger={
        <Button variant="secondary">
          <Eraser className="size-4" aria-hidden /> Write off
        </Button>
      }
    >
      <WriteOffForm {...props} onDone={() => setOpen(false)} />
    </Modal>
  );
}

function WriteOffForm({ slug, invoiceId, invoiceNumber, balanceMinor, currency, onDone }: Props & { onDone: () => void }) {
  const { pending, fieldErrors, error, run, clear, setFieldErrors } = useLedgerAction();
  const [values, setValues] = useState({ amount: minorToInput(balanceMinor, currency), reason: '', description: '' });
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!values.reason) {
      setFieldErrors({ reason: 'Choose a reason' });
      document.getElementById('wo-reason')?.focus();
      return;
    }
    run(
      () => writeOffAction(slug, { invoiceId, amount: values.amount, reason: values.reason, description: values.description }),
      (data) => {
        const left = data.balanceMinor;
        toast.success(`Wrote off ${formatMoney(balanceMinor - left, currency)} of ${invoiceNumber}`, {
          description:
            left === 0
              ? `${invoiceNumber} is now ${(INVOICE_STATUS_LABELS[data.status] ?? data.status).toLowerCase()}.`
              : `${formatMoney(left, currency)} is still due.`,
        });
        onDone();
      },
    );
  }

  return (
    <form className="flex min-h-0 flex-1 flex-col" noValidate onSubmit={submit}>
      <fieldset disabled={pending} className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="wo-amount"
            label={`Amount (${currency})`}
            hint={`Balance due ${formatMoney(balanceMinor, currency)}`}
            error={fieldErrors.amount}
          >
            {(p) => (
              <input
                {...p}
                data-autofocus
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={values.amount}
                onChange={set('amount')}
                className={`${fieldClass} tabular text-right`}
              />
            )}
          </FormField>
          <FormField id="wo-reason" label="Reason" error={fieldErrors.reason}>
            {(p) => (
              <select {...p} required value={values.reason} onChange={set('reason')} className={fieldClass}>
                <option value="" disabled>
                  Choose a reason…
                </option>
                {WRITE_OFF_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {WRITE_OFF_REASON_LABELS[r] ?? r}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField
          id="wo-description"
          label="Description"
          hint="Why it is written off, for whoever reads the history later."
          error={fieldErrors.description}
        >
          {(p) => (
            <textarea {...p} rows={3} required maxLength={500} value={values.description} onChange={set('description')} className={fieldClass} />
          )}
        </FormField>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <DialogFormFooter pending={pending} submitLabel="Write off" pendingLabel="Writing off…" variant="danger" />
    </form>
  );
}
