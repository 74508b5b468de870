'use client';

import { Dialog } from 'radix-ui';
import { Loader2 } from 'lucide-react';
import { Button } from './button';

/** The Cancel / submit row of a form dialog; the submit button spins and reads `pendingLabel` (default "Saving…") while pending. */
export function DialogFormFooter({
  pending,
  submitLabel,
  pendingLabel = 'Saving…',
  variant,
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'danger';
}) {
  return (
    <div className="flex justify-end gap-3 border-t border-slate-200 px-5 py-3">
      <Dialog.Close asChild>
        <Button type="button" variant="ghost">
          Cancel
        </Button>
      </Dialog.Close>
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
