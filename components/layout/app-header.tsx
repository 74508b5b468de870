import Link from 'next/link';
import { listUserCompanies } from '@/lib/auth/list-user-companies';
import { getBellNotifications } from '@/lib/notifications/get-bell-notifications';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { SessionUser } from '@/lib/auth/get-session-user';
import { CompanySwitcher } from './company-switcher';
import { SignOutButton } from './sign-out-button';

/** The main navigation item a page belongs to. */
export type NavItem = 'dashboard' | 'aging' | 'invoices' | 'collections' | 'payments' | 'statements' | 'outbox' | 'settings';

export async function AppHeader({ user, slug, active }: { user: SessionUser; slug: string; active: NavItem }) {
  const [companies, bell] = await Promise.all([listUserCompanies(user.id), getBellNotifications(user.id, slug)]);
  const link = (href: string, label: string, on: boolean) => (
    <Link
      href={href}
      aria-current={on ? 'page' : undefined}
      className={
        on
          ? 'rounded-md bg-brand-50 px-2.5 py-1.5 text-sm font-medium text-brand-700'
          : 'rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100'
      }
    >
      {label}
    </Link>
  );
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-900">
          Agewise
        </Link>
        <CompanySwitcher current={slug} companies={companies} />
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
          {link(`/${slug}/dashboard`, 'Dashboard', active === 'dashboard')}
          {link(`/${slug}/accounting/aging-invoices`, 'Aging', active === 'aging')}
          {link(`/${slug}/invoices`, 'Invoices', active === 'invoices')}
          {link(`/${slug}/collections`, 'Collections', active === 'collections')}
          {link(`/${slug}/accounting/payments`, 'Payments', active === 'payments')}
          {link(`/${slug}/accounting/statements`, 'Statements', active === 'statements')}
          {link(`/${slug}/accounting/outbox`, 'Outbox', active === 'outbox')}
          {link(`/${slug}/settings/company`, 'Settings', active === 'settings')}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <NotificationBell slug={slug} unread={bell.unread} items={bell.items} timeZone={bell.timeZone} />
          <span className="hidden text-sm text-slate-500 sm:inline" title={user.email}>
            {user.name}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
