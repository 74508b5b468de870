import { FileDown } from 'lucide-react';

const FORMATS = [
  ['csv', 'CSV'],
  ['xlsx', 'Excel'],
  ['pdf', 'PDF'],
] as const;

/** Download links for a report in each format; `href(format)` is the export's address with the page's filters. */
export function ExportLinks({ href, label = 'Export' }: { href: (format: 'csv' | 'xlsx' | 'pdf') => string; label?: string }) {
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white shadow-sm">
      {FORMATS.map(([format, name], i) => (
        <a
          key={format}
          href={href(format)}
          download
          aria-label={`${label} ${name}`}
          className={`inline-flex items-center gap-1.5 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 ${i > 0 ? 'border-l border-slate-300' : ''}`}
        >
          {i === 0 ? <FileDown className="size-4" aria-hidden /> : null}
          {name}
        </a>
      ))}
    </div>
  );
}
