'use client';
import { useState } from 'react';
import { toast } from 'sonner';
import { Loader2 } from 'lucide-react';
import { NEXT_ACTIONS } from '@/lib/collections/collection-input';
import { NEXT_ACTION_LABELS } from '@/lib/collections/worklist-params';
import { setCustomerCollectionAction } from '@/lib/actions/collections/set-customer-collection';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField, fieldClass } from '@/components/ledger/form-field';
import { useLedgerAction } from '@/components/ledger/use-ledger-action';

interface Props {
  slug: string;
  customerId: string;
  /** The customer's own collector (null: its location's, `locationCollector`). */
  collectorId: string | null;
  locationCollector: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
  remindersOptOut: boolean;
  members: { id: string; name: string }[];
  today: string;
}

/** Who collects, the next action and its date, and the reminder opt-out: saved together. */
export function CustomerCollectionForm(p: Props) {
  const { pending, fieldErrors, error, run, clear } = useLedgerAction();
  const [values, setValues] = useState({
    collectorId: p.collectorId ?? '',
    nextAction: p.nextAction ?? '',
    nextActionOn: p.nextActionOn ?? '',
    remindersOptOut: p.remindersOptOut,
  });
  const set = (field: 'collectorId' | 'nextAction' | 'nextActionOn') => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(
      () =>
        setCustomerCollectionAction(p.slug, {
          customerId: p.customerId,
          collectorId: values.collectorId || null,
          nextAction: values.nextAction || null,
          nextActionOn: values.nextActionOn || null,
          remindersOptOut: values.remindersOptOut,
        }),
      () => toast.success('Collection settings saved'),
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Collector and next action">
      <fieldset disabled={pending} className="grid gap-4 sm:grid-cols-4">
        <FormField id="cc-collector" label="Collector" error={fieldErrors.collectorId}>
          {(f) => (
            <select {...f} value={values.collectorId} onChange={set('collectorId')} className={fieldClass}>
              <option value="">{p.locationCollector ? `Location's: ${p.locationCollector}` : "Location's (none set)"}</option>
              {p.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="cc-next" label="Next action" error={fieldErrors.nextAction}>
          {(f) => (
            <select {...f} value={values.nextAction} onChange={set('nextAction')} className={fieldClass}>
              <option value="">None</option>
              {NEXT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {NEXT_ACTION_LABELS[a]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="cc-next-on" label="Next action date" error={fieldErrors.nextActionOn}>
          {(f) => <input {...f} type="date" min={p.today} value={values.nextActionOn} onChange={set('nextActionOn')} className={fieldClass} />}
        </FormField>
        <div className="flex flex-col justify-end gap-2">
          <div className="flex items-center gap-2">
            <Checkbox
              id="cc-optout"
              checked={values.remindersOptOut}
              onCheckedChange={(c) => setValues((v) => ({ ...v, remindersOptOut: c === true }))}
            />
            <label htmlFor="cc-optout" className="text-sm text-slate-700">
              Opted out of reminders
            </label>
          </div>
          <Button type="submit" size="sm" disabled={pending} className="self-start">
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            Save
          </Button>
        </div>
      </fieldset>
      {error ? (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
