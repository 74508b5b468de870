'use client';

import { Dialog } from 'radix-ui';
import { Loader2 } from 'lucide-react';
import { Button } from './button';

/** The Cancel / submit row of a form dialog; the submit button spins and reads "Saving…" while pending. */
export function DialogFormFooter({ pending, submitLabel }: { pending: boolean; submitLabel: string }) {
  return (
    <div className="flex justify-end gap-3 border-t border-slate-200 px-5 py-3">
      <Dialog.Close asChild>
        <Button type="button" variant="ghost">
          Cancel
        </Button>
      </Dialog.Close>
      <Button type="submit" disabled={pending}>
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </div>
  );
}
