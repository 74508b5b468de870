import Link from 'next/link';

/** Tabs between the settings pages. */
export function SettingsNav({ slug, active }: { slug: string; active: 'company' | 'aging' | 'bill-sources' | 'collections' | 'api-tokens' }) {
  const tab = (key: typeof active, href: string, label: string) => (
    <Link
      href={href}
      aria-current={active === key ? 'page' : undefined}
      className={
        active === key
          ? 'border-b-2 border-brand-600 px-1 pb-2 text-sm font-medium text-brand-700'
          : 'border-b-2 border-transparent px-1 pb-2 text-sm text-slate-600 hover:text-slate-900'
      }
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-6 border-b border-slate-200">
      {tab('company', `/${slug}/settings/company`, 'Company')}
      {tab('aging', `/${slug}/settings/aging`, 'Aging periods')}
      {tab('bill-sources', `/${slug}/settings/bill-sources`, 'Bill sources')}
      {tab('collections', `/${slug}/settings/collections`, 'Collections')}
      {tab('api-tokens', `/${slug}/settings/api-tokens`, 'API tokens')}
    </nav>
  );
}
