'use client';
import { Dialog } from 'radix-ui';
import { X } from 'lucide-react';
import { cn } from './cn';

/**
 * A centred modal dialog on Radix Dialog: focus trap, Escape and the close button dismiss it, labelled by its
 * title and described by its description. The trigger is a Dialog.Trigger so focus returns to it on close;
 * opening focuses `[data-autofocus]` inside the content when there is one, else the first control.
 */
export function Modal({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  className,
  closeIcon = true,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: React.ReactNode;
  title: string;
  description: string;
  children: React.ReactNode;
  className?: string;
  /** Show the header's close icon (drop it when the footer has its own Close button). */
  closeIcon?: boolean;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className={cn(
            'fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col',
            'rounded-xl bg-white shadow-xl focus:outline-none',
            className,
          )}
          onOpenAutoFocus={(event) => {
            const target = (event.currentTarget as HTMLElement).querySelector<HTMLElement>('[data-autofocus]');
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
            <div>
              <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-slate-500">{description}</Dialog.Description>
            </div>
            {closeIcon ? (
              <Dialog.Close
                className="rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                aria-label="Close"
              >
                <X className="size-4" />
              </Dialog.Close>
            ) : null}
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
