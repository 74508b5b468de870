'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { CheckCircle2, FileUp, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/action-result';

export interface ImportReview {
  importable: number;
  duplicates: number;
  errors: number;
}

interface Props<R extends ImportReview> {
  inputId: string;
  help: React.ReactNode;
  /** "payment" / "invoice": counts and the Import button read "Import 3 payments". */
  noun: string;
  preview: (csv: string) => Promise<ActionResult<R>>;
  run: (csv: string) => Promise<ActionResult<R>>;
  /** The success toast after an import, from its result. */
  done: (result: R) => string;
  table: (review: R) => React.ReactNode;
}

/** Review-then-import of a CSV file: pick a file, see every row's problem, import the valid rows together. */
export function CsvImport<R extends ImportReview>({ inputId, help, noun, preview, run, done, table }: Props<R>) {
  const [csv, setCsv] = useState<string | null>(null);
  const [review, setReview] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const plural = (n: number) => `${n} ${noun}${n === 1 ? '' : 's'}`;

  async function choose(file: File | undefined) {
    setReview(null);
    setError(null);
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    startTransition(async () => {
      const result = await preview(text);
      if (result.ok) setReview(result.data);
      else {
        setError(result.message);
        toast.error(result.message);
      }
    });
  }

  function runImport() {
    if (!csv) return;
    startTransition(async () => {
      const result = await run(csv);
      if (!result.ok) return void toast.error(result.message);
      toast.success(done(result.data));
      const again = await preview(csv);
      if (again.ok) setReview(again.data);
    });
  }

  return (
    <div className="space-y-4">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <label htmlFor={inputId} className="text-sm font-medium">
          CSV file
        </label>
        <p id={`${inputId}-help`} className="text-xs text-slate-500">
          {help}
        </p>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${inputId}-help`}
          aria-invalid={Boolean(error)}
          className="mt-3 block text-sm"
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {error}
          </p>
        ) : null}
        {pending ? (
          <p role="status" className="mt-2 text-sm text-slate-500">
            Working…
          </p>
        ) : null}
      </div>
      {review ? (
        <section aria-labelledby={`${inputId}-review`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id={`${inputId}-review`} className="font-semibold">
              Review
            </h2>
            <p aria-live="polite" className="text-sm text-slate-600">
              {review.importable} to import · {review.duplicates} already imported · {review.errors} with problems
            </p>
            <Button className="ml-auto" onClick={runImport} disabled={pending || review.importable === 0}>
              <FileUp className="size-4" aria-hidden /> Import {plural(review.importable)}
            </Button>
          </div>
          <div className="overflow-x-auto">{table(review)}</div>
        </section>
      ) : null}
    </div>
  );
}

/** The Result cell of a review row. */
export function ImportOutcome({ error, duplicate }: { error: string | null; duplicate: boolean }) {
  if (error)
    return (
      <span className="inline-flex items-start gap-1 text-red-700">
        <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
        {error}
      </span>
    );
  if (duplicate) return <span className="text-slate-500">Already imported</span>;
  return (
    <span className="inline-flex items-center gap-1 text-emerald-700">
      <CheckCircle2 className="size-4" aria-hidden />
      Will be imported
    </span>
  );
}
