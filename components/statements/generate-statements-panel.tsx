'use client';
import { useEffect, useRef, useState } from 'react';
import { Dialog } from 'radix-ui';
import { toast } from 'sonner';
import { Eye, Loader2, Sparkles } from 'lucide-react';
import type { GenerateResult } from '@/lib/statements/generate-statements';
import type { StatementCriteriaInput } from '@/lib/statements/statement-criteria';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { Button } from '@/components/ui/button';
import { generateStatementsAction } from '@/lib/actions/statements/generate-statements';
import { previewStatementsAction } from '@/lib/actions/statements/preview-statements';
import { GenerateStatementsFields, type StatementFormValues } from './generate-statements-fields';
import { GenerateStatementsResult } from './generate-statements-result';

export interface GenerateStatementsScope {
  slug: string;
  /** The customers selected on the page; empty means every eligible customer in the locations. */
  customerIds: string[];
  /** Where the user may modify invoices (and view them). */
  locations: { id: string; name: string }[];
  /** The page's location filter, already narrowed to `locations`. */
  defaultLocations: string[];
  /** Names of locations in the page's filter where the user cannot modify invoices (left out). */
  excludedLocations?: string[];
  currency: string;
  asOf: string;
}

interface Props extends GenerateStatementsScope {
  /** Called once the form gives way to a result (the modal then drops its header close icon for the footer's Close). */
  onResult?: () => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The body of the Generate Statements modal: the criteria form with Preview and Generate, then the result of
 * the run. Lives inside Dialog.Content, so closing the modal resets it.
 */
export function GenerateStatementsPanel({ slug, customerIds, locations, defaultLocations, excludedLocations = [], currency, asOf, onResult }: Props) {
  const [values, setValues] = useState<StatementFormValues>({
    mode: 'open',
    threshold: '',
    locations: defaultLocations,
    skipRecent: '1w',
    email: false,
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ eligible: number; key: string } | null>(null);
  const [running, setRunning] = useState<'preview' | 'generate' | null>(null);
  const [run, setRun] = useState<{ input: StatementCriteriaInput; result: GenerateResult } | null>(null);
  // While a request runs the fields are disabled, which drops the keyboard focus: afterwards it goes to the
  // first field with an error, else back where it was.
  const focusAfter = useRef<{ id: string | null; element: Element | null }>({ id: null, element: null });
  useEffect(() => {
    if (running) return;
    const { id, element } = focusAfter.current;
    focusAfter.current = { id: null, element: null };
    if (id) {
      document.getElementById(id)?.focus();
      return;
    }
    const active = document.activeElement;
    const lost = !active || active === document.body || active.getAttribute('role') === 'dialog';
    if (lost && element instanceof HTMLElement && element.isConnected) element.focus();
  }, [running]);

  function start(kind: 'preview' | 'generate') {
    focusAfter.current = { id: null, element: document.activeElement };
    setRunning(kind);
  }

  const input: StatementCriteriaInput = {
    mode: values.mode,
    ...(values.mode === 'threshold' ? { threshold: values.threshold.trim() } : {}),
    locations: values.locations,
    skipRecent: values.skipRecent,
    currency,
    customerIds,
    asOf,
    email: values.email,
  };
  const key = JSON.stringify(input);

  function change(patch: Partial<StatementFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setError(null);
    setFieldErrors((errors) => {
      const next = { ...errors };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  }

  function failed(result: { message: string; fieldErrors?: Record<string, string> }) {
    setFieldErrors(result.fieldErrors ?? {});
    if (result.fieldErrors?.threshold) focusAfter.current.id = 'gs-threshold';
    setError(result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? null : result.message);
    toast.error(result.message);
  }

  async function runPreview() {
    start('preview');
    try {
      const result = await previewStatementsAction(slug, input);
      if (!result.ok) return failed(result);
      setFieldErrors({});
      setError(null);
      setPreview({ eligible: result.data.eligible, key });
    } catch (e) {
      console.error('Preview failed', e);
      failed({ message: 'Something went wrong. Please try again.' });
    } finally {
      setRunning(null);
    }
  }

  async function generate(criteria: StatementCriteriaInput) {
    start('generate');
    try {
      const result = await generateStatementsAction(slug, criteria);
      if (!result.ok) return failed(result);
      const r = result.data;
      setRun({ input: criteria, result: r });
      onResult?.();
      const parts = [
        criteria.email ? `${r.emailed} emailed` : null,
        r.failures.length ? `${r.failures.length} failed` : null,
        r.capHit ? `${r.remaining} remain eligible` : null,
      ];
      const description = parts.filter(Boolean).join(' · ') || undefined;
      if (r.failures.length > 0) toast.warning(`${plural(r.created, 'statement')} created`, { description });
      else toast.success(`${plural(r.created, 'statement')} created`, { description });
    } catch (e) {
      console.error('Generate failed', e);
      failed({ message: 'Something went wrong. Please try again.' });
    } finally {
      setRunning(null);
    }
  }

  const closeButton = (
    <Dialog.Close asChild>
      <Button type="button" variant={run ? 'primary' : 'ghost'}>
        {run ? 'Close' : 'Cancel'}
      </Button>
    </Dialog.Close>
  );

  if (run) {
    return (
      <GenerateStatementsResult
        slug={slug}
        result={run.result}
        emailed={run.input.email === true}
        running={running === 'generate'}
        onNextBatch={() => void generate({ ...run.input, after: run.result.next ?? undefined })}
        closeButton={closeButton}
      />
    );
  }

  const status =
    running === 'generate'
      ? 'Generating statements…'
      : running === 'preview'
        ? 'Counting eligible customers…'
        : preview && preview.key === key
          ? `${plural(preview.eligible, 'customer')} eligible`
          : '';

  return (
    // Enter in a field previews (cheap, writes nothing); only the Generate button creates statements.
    <form
      className="flex min-h-0 flex-1 flex-col"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void runPreview();
      }}
    >
      <div className="flex-1 space-y-5 overflow-y-auto px-5 py-4">
        <GenerateStatementsFields
          values={values}
          onChange={change}
          locations={locations}
          currency={currency}
          fieldErrors={fieldErrors}
          disabled={running !== null}
        />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg bg-slate-50 px-3 py-2.5 text-sm">
          <dt className="text-slate-500">Applies to</dt>
          <dd className="font-medium text-slate-800">
            {customerIds.length > 0 ? `The ${plural(customerIds.length, 'selected customer')}` : 'All customers in these locations'}
          </dd>
          <dt className="text-slate-500">Balances</dt>
          <dd className="text-slate-800">
            In {currency}, as of {formatCalendarDate(asOf)}
          </dd>
        </dl>
        {excludedLocations.length > 0 ? (
          <p className="text-xs text-slate-500">
            Not included from the page&apos;s filter: {excludedLocations.join(', ')} (you cannot modify invoices there).
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2 border-t border-slate-200 px-5 py-3">
        {/* Always in the tree (a live region must exist before it changes); on its own line when it has text. */}
        <p
          role="status"
          aria-live="polite"
          className={status ? 'w-full text-sm font-medium text-slate-700' : 'sr-only'}
          data-testid="statements-status"
        >
          {running ? <Loader2 className="mr-1.5 inline size-4 animate-spin align-text-bottom text-brand-600" aria-hidden /> : null}
          {status}
        </p>
        {closeButton}
        <Button type="submit" variant="secondary" disabled={running !== null}>
          <Eye className="size-4" aria-hidden /> Preview
        </Button>
        <Button type="button" onClick={() => void generate(input)} disabled={running !== null}>
          {running === 'generate' ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Sparkles className="size-4" aria-hidden />}
          Generate
        </Button>
      </div>
    </form>
  );
}
