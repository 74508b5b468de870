'use client';
import { useEffect, useRef } from 'react';
import Link from 'next/link';
import { AlertTriangle, CheckCircle2, Download, FileText, Info, Loader2, RotateCw, XCircle } from 'lucide-react';
import type { GenerateResult } from '@/lib/statements/generate-statements';
import { Button } from '@/components/ui/button';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What one Generate run did, replacing the form: counts, failures, warnings, the cap, and where to go next. */
export function GenerateStatementsResult({
  slug,
  result,
  emailed,
  running,
  onNextBatch,
  closeButton,
}: {
  slug: string;
  result: GenerateResult;
  /** The run asked to email the statements. */
  emailed: boolean;
  running: boolean;
  onNextBatch: () => void;
  closeButton: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  const ok = result.failures.length === 0;

  return (
    <>
      <div className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
        <div className="flex items-start gap-3">
          {!ok ? (
            <AlertTriangle className="mt-0.5 size-6 shrink-0 text-amber-500" aria-hidden />
          ) : result.created === 0 ? (
            <Info className="mt-0.5 size-6 shrink-0 text-slate-400" aria-hidden />
          ) : (
            <CheckCircle2 className="mt-0.5 size-6 shrink-0 text-emerald-600" aria-hidden />
          )}
          <div>
            <h3 ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              {plural(result.created, 'statement')} created
            </h3>
            <p className="text-sm text-slate-600">
              {emailed ? <>{result.emailed.toLocaleString('en-US')} emailed · </> : null}
              {result.failures.length > 0 ? <>{plural(result.failures.length, 'failure')} · </> : null}
              {result.skipped > 0 ? <>{result.skipped.toLocaleString('en-US')} skipped (another run made their statement first) · </> : null}
              {result.created === 0 && result.failures.length === 0
                ? 'No customer matched these criteria.'
                : 'Each statement is saved on its customer.'}
            </p>
          </div>
        </div>

        {result.capHit ? (
          <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p>
              The batch cap of {result.limit.toLocaleString('en-US')} was reached: {result.remaining.toLocaleString('en-US')} more customers are
              eligible{result.next ? <> after {result.next.name}</> : null}. Generate next batch continues with them.
            </p>
            <Button type="button" size="sm" className="mt-2" onClick={onNextBatch} disabled={running}>
              {running ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <RotateCw className="size-4" aria-hidden />}
              {running ? 'Generating statements…' : 'Generate next batch'}
            </Button>
          </div>
        ) : null}

        {result.failures.length > 0 ? (
          <section aria-labelledby="gs-failures">
            <h4 id="gs-failures" className="text-sm font-semibold text-red-700">
              Failures ({result.failures.length})
            </h4>
            <ul className="mt-1 max-h-40 divide-y divide-red-100 overflow-y-auto rounded-lg border border-red-200 bg-red-50 text-sm">
              {result.failures.map((f) => (
                <li key={f.customerId} className="flex gap-2 px-3 py-2">
                  <XCircle className="mt-0.5 size-4 shrink-0 text-red-600" aria-hidden />
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    <Link href={`/${slug}/customers/${f.customerId}/accounting`} className="font-medium text-red-900 hover:underline">
                      {f.customerName}
                    </Link>
                    : {f.reason}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {result.warnings.length > 0 ? (
          <section aria-labelledby="gs-warnings">
            <h4 id="gs-warnings" className="text-sm font-semibold text-amber-800">
              Warnings ({result.warnings.length})
            </h4>
            <ul className="mt-1 max-h-40 divide-y divide-amber-100 overflow-y-auto rounded-lg border border-amber-200 bg-amber-50 text-sm">
              {result.warnings.map((w) => (
                <li key={w.customerId} className="flex gap-2 px-3 py-2">
                  <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    <Link href={`/${slug}/customers/${w.customerId}/accounting`} className="font-medium text-amber-950 hover:underline">
                      {w.customerName}
                    </Link>
                    : {w.reason}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
        {result.created > 0 ? (
          <Button asChild variant="secondary">
            <a href={`/api/v1/companies/${slug}/statement-batches/${result.batchId}/pdf`} download>
              <Download className="size-4" aria-hidden /> Download as PDF
            </a>
          </Button>
        ) : null}
        <Button asChild variant="secondary">
          <Link href={`/${slug}/accounting/statements?batchId=${result.batchId}`}>
            <FileText className="size-4" aria-hidden /> View statements
          </Link>
        </Button>
        {closeButton}
      </div>
    </>
  );
}
