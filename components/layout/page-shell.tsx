import type { SessionUser } from '@/lib/auth/get-session-user';
import { AppHeader, type NavItem } from './app-header';

export function PageShell({ user, slug, active, children }: { user: SessionUser; slug: string; active: NavItem; children: React.ReactNode }) {
  return (
    <>
      <AppHeader user={user} slug={slug} active={active} />
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
    </>
  );
}
