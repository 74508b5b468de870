import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { listApiTokens } from '@/lib/tokens/list-api-tokens';
import { PageShell } from '@/components/layout/page-shell';
import { ApiTokensPanel } from '@/components/settings/api-tokens-panel';
import { SettingsNav } from '@/components/settings/settings-nav';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/settings/api-tokens`);
  const tokens = await listApiTokens(access.company.id, user.id);
  const fmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: access.company.timeZone });
  const at = (d: Date | null) => (d ? fmt.format(d) : null);
  return (
    <PageShell user={user} slug={slug} active="settings">
      <SettingsNav slug={slug} active="api-tokens" />
      <h1 className="text-2xl font-bold tracking-tight">API tokens</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-500">
        Personal tokens for the JSON API of {access.company.name}. A token acts with your permissions in this company only. Send it as{' '}
        <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <ApiTokensPanel
        slug={slug}
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          tokenPrefix: t.tokenPrefix,
          createdAt: at(t.createdAt) ?? '',
          lastUsedAt: at(t.lastUsedAt),
          revokedAt: at(t.revokedAt),
        }))}
      />
    </PageShell>
  );
}
