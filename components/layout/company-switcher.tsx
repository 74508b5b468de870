'use client';
import { useRouter } from 'next/navigation';

export function CompanySwitcher({ current, companies }: { current: string; companies: { slug: string; name: string }[] }) {
  const router = useRouter();
  if (companies.length < 2) {
    return <span className="text-sm font-medium text-slate-700">{companies.find((c) => c.slug === current)?.name}</span>;
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Company</span>
      <select
        value={current}
        onChange={(e) => router.push(`/${e.target.value}/accounting/aging-invoices`)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium focus:outline-2 focus:outline-brand-600"
      >
        {companies.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
