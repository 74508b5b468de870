import Link from 'next/link';
import { AlertTriangle } from 'lucide-react';

export function ErrorBanner({ title, message, resetHref }: { title: string; message: string; resetHref?: string }) {
  return (
    <div role="alert" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
      <AlertTriangle className="size-5 shrink-0" aria-hidden />
      <div>
        <p className="font-semibold">{title}</p>
        <p className="mt-1">{message}</p>
        {resetHref ? (
          <Link href={resetHref} className="mt-2 inline-block font-medium underline">
            Reset the filters
          </Link>
        ) : null}
      </div>
    </div>
  );
}
