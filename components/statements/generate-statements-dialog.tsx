'use client';
import { useState } from 'react';
import { FileStack } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { GenerateStatementsPanel, type GenerateStatementsScope } from './generate-statements-panel';

/** The Generate Statements bulk action: its button and modal. Each opening starts from a fresh form. */
export function GenerateStatementsDialog({ label = 'Generate Statements', ...scope }: GenerateStatementsScope & { label?: string }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setDone(false);
      }}
      closeIcon={!done}
      title="Generate Statements"
      description="Create one statement per eligible customer, in batches up to the company's cap."
      trigger={
        <Button size="sm">
          <FileStack className="size-4" aria-hidden /> {label}
        </Button>
      }
    >
      <GenerateStatementsPanel {...scope} onResult={() => setDone(true)} />
    </Modal>
  );
}
