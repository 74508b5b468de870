'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { CheckCircle2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { FormField, fieldClass } from '@/components/ledger/form-field';
import { useLedgerAction } from '@/components/ledger/use-ledger-action';
import { completeWorklistItemAction } from '@/lib/actions/collections/complete-worklist-item';
import {
  NEXT_ACTION_LABELS,
  WORKLIST_ENTRY_KINDS,
  WORKLIST_NEXT_ACTIONS,
  WORKLIST_TYPE_LABELS,
  type WorklistType,
} from '@/lib/collections/worklist-params';

interface Props {
  slug: string;
  item: { type: WorklistType; id: string; customer: { name: string } };
  today: string;
}

const KIND_LABELS: Record<string, string> = { call: 'Call', email: 'Email', letter: 'Letter', message: 'Message', visit: 'Visit', note: 'Note' };

/** The Complete button of a worklist item and its dialog: what was done (the log entry) and, optionally, what is next. */
export function CompleteItemDialog({ slug, item, today }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();
  const [values, setValues] = useState({ kind: 'call', outcome: '', note: '', nextAction: '', nextActionOn: '' });
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
  };
  const label = WORKLIST_TYPE_LABELS[item.type];

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { nextAction, nextActionOn, outcome, note, kind } = values;
    run(
      () =>
        completeWorklistItemAction(slug, {
          type: item.type,
          id: item.id,
          kind,
          ...(outcome ? { outcome } : {}),
          ...(note ? { note } : {}),
          ...(nextAction || nextActionOn ? { nextAction: nextAction || undefined, nextActionOn: nextActionOn || undefined } : {}),
        }),
      () => {
        toast.success(`${label} completed`, { description: `Logged for ${item.customer.name}.` });
        setOpen(false);
        router.refresh();
      },
    );
  }

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        if (next) clear();
        setOpen(next);
      }}
      title={`Complete: ${label}`}
      description={`Log what you did for ${item.customer.name}; the item leaves the worklist.`}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Complete ${label} for ${item.customer.name}`}>
          <CheckCircle2 className="size-4" aria-hidden /> Complete
        </Button>
      }
    >
      <form className="flex min-h-0 flex-1 flex-col" noValidate onSubmit={submit}>
        <fieldset disabled={pending} className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
          <FormField id="wl-kind" label="How" error={fieldErrors.kind}>
            {(p) => (
              <select {...p} data-autofocus value={values.kind} onChange={set('kind')} className={fieldClass}>
                {WORKLIST_ENTRY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="wl-outcome" label="Outcome" hint="e.g. Promised to pay Friday" error={fieldErrors.outcome}>
            {(p) => <input {...p} type="text" maxLength={200} value={values.outcome} onChange={set('outcome')} className={fieldClass} />}
          </FormField>
          <FormField id="wl-note" label="Note" error={fieldErrors.note}>
            {(p) => <textarea {...p} rows={3} maxLength={5000} value={values.note} onChange={set('note')} className={fieldClass} />}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="wl-next" label="New next action" error={fieldErrors.nextAction}>
              {(p) => (
                <select {...p} value={values.nextAction} onChange={set('nextAction')} className={fieldClass}>
                  <option value="">None</option>
                  {WORKLIST_NEXT_ACTIONS.map((a) => (
                    <option key={a} value={a}>
                      {NEXT_ACTION_LABELS[a]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="wl-next-on" label="Next action date" error={fieldErrors.nextActionOn}>
              {(p) => <input {...p} type="date" min={today} value={values.nextActionOn} onChange={set('nextActionOn')} className={fieldClass} />}
            </FormField>
          </div>
          {error ? (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          ) : null}
        </fieldset>
        <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            Complete
          </Button>
        </div>
      </form>
    </Modal>
  );
}
