'use client';
import { useState, useTransition } from 'react';
import { Dialog } from 'radix-ui';
import { toast } from 'sonner';
import { Archive, Ban, Loader2, Send } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { changeInvoiceStateAction } from '@/lib/actions/ledger/change-invoice-state';

type Transition = 'post' | 'void' | 'archive';

const COPY: Record<
  Transition,
  { label: string; title: string; body: (n: string) => string; done: string; variant: 'primary' | 'secondary' | 'danger'; Icon: typeof Send }
> = {
  post: {
    label: 'Post',
    title: 'Post invoice',
    variant: 'primary',
    Icon: Send,
    done: 'posted',
    body: (n) => `Posting opens ${n}: it starts to age and can be paid. A posted invoice cannot go back to draft.`,
  },
  void: {
    label: 'Void',
    title: 'Void invoice',
    variant: 'danger',
    Icon: Ban,
    done: 'voided',
    body: (n) => `${n} will no longer be owed and leaves the aging. This cannot be undone.`,
  },
  archive: {
    label: 'Archive',
    title: 'Archive invoice',
    variant: 'secondary',
    Icon: Archive,
    done: 'archived',
    body: (n) => `${n} is settled; archiving keeps it for the record with its history.`,
  },
};

/** Post, Void or Archive an invoice, after a confirmation. */
export function InvoiceStateButton({
  slug,
  invoiceId,
  invoiceNumber,
  transition,
}: {
  slug: string;
  invoiceId: string;
  invoiceNumber: string;
  transition: Transition;
}) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const copy = COPY[transition];

  function confirm() {
    startTransition(async () => {
      try {
        const result = await changeInvoiceStateAction(slug, invoiceId, transition);
        if (!result.ok) {
          setError(result.message);
          toast.error(result.message);
          return;
        }
        toast.success(`Invoice ${invoiceNumber} ${copy.done}`);
        setOpen(false);
      } catch (e) {
        console.error(`Invoice ${transition} failed`, e);
        setError('Something went wrong. Please try again.');
        toast.error('Something went wrong. Please try again.');
      }
    });
  }

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
      title={`${copy.title} ${invoiceNumber}?`}
      description={copy.body(invoiceNumber)}
      trigger={
        <Button variant={copy.variant === 'primary' ? 'primary' : 'secondary'}>
          <copy.Icon className="size-4" aria-hidden /> {copy.label}
        </Button>
      }
    >
      {error ? (
        <p role="alert" className="mx-5 mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-3 px-5 py-3">
        <Dialog.Close asChild>
          <Button type="button" variant="ghost" data-autofocus>
            Cancel
          </Button>
        </Dialog.Close>
        <Button type="button" variant={copy.variant} onClick={confirm} disabled={pending}>
          {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <copy.Icon className="size-4" aria-hidden />}
          {copy.label} {invoiceNumber}
        </Button>
      </div>
    </Modal>
  );
}
