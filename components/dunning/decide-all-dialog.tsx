'use client';
import { useState, useTransition } from 'react';
import { Dialog } from 'radix-ui';
import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { decideRemindersAction } from '@/lib/actions/dunning/decide-reminders';
import { decideSummary } from './decide-summary';

const COPY = {
  approve: {
    label: 'Approve all',
    title: (n: string) => `Approve all ${n} reminders?`,
    body: 'Each customer is emailed their reminder, brought up to today, with their statement attached; a reminder whose invoices were paid or put on hold since is withdrawn. This cannot be undone.',
  },
  cancel: {
    label: 'Cancel all',
    title: (n: string) => `Cancel all ${n} reminders?`,
    body: 'None of them is sent; the same level is not offered again for these invoices. This cannot be undone.',
  },
} as const;

/**
 * "Approve all N" / "Cancel all N": every reminder awaiting approval, not only the page on screen, after a
 * confirmation. The server decides them in batches (no ids travel from here), and a second click finds nothing.
 */
export function DecideAllDialog({ slug, decision, total }: { slug: string; decision: 'approve' | 'cancel'; total: number }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const copy = COPY[decision];
  const n = total.toLocaleString('en-US');
  const confirm = () =>
    startTransition(async () => {
      const r = await decideRemindersAction(slug, { all: true, decision });
      if (!r.ok) {
        toast.error(r.message);
        return;
      }
      toast.success(decideSummary(r.data, decision));
      setOpen(false);
    });
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={copy.title(n)}
      description={copy.body}
      trigger={
        <Button size="sm" variant={decision === 'approve' ? 'secondary' : 'ghost'} disabled={total === 0}>
          {copy.label} {n}
        </Button>
      }
    >
      <div className="flex justify-end gap-3 px-5 py-3">
        <Dialog.Close asChild>
          <Button type="button" variant="ghost" data-autofocus>
            Keep them
          </Button>
        </Dialog.Close>
        <Button type="button" variant={decision === 'approve' ? 'primary' : 'danger'} onClick={confirm} disabled={pending}>
          {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
          {copy.label} {n}
        </Button>
      </div>
    </Modal>
  );
}
