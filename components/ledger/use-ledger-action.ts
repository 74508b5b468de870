'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/auth/action-result';

/**
 * Runs a ledger server action from a form: pending state, field errors from the result (shown under inputs),
 * a form-level message when no field is to blame, and an error toast for every failure.
 */
export function useLedgerAction() {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  function run<T>(call: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
    startTransition(async () => {
      try {
        const result = await call();
        if (!result.ok) {
          const fields = result.fieldErrors ?? {};
          setFieldErrors(fields);
          setError(Object.keys(fields).length > 0 ? null : result.message);
          toast.error(result.message);
          return;
        }
        setFieldErrors({});
        setError(null);
        onSuccess(result.data);
      } catch (e) {
        console.error('Ledger action failed', e);
        setError('Something went wrong. Please try again.');
        toast.error('Something went wrong. Please try again.');
      }
    });
  }

  /** Forget the errors (a dialog opening afresh, or the user editing a field). */
  function clear(field?: string) {
    setError(null);
    if (field === undefined) setFieldErrors({});
    else
      setFieldErrors((errors) => {
        if (!(field in errors)) return errors;
        const next = { ...errors };
        delete next[field];
        return next;
      });
  }

  return { pending, fieldErrors, error, run, clear, setFieldErrors };
}
