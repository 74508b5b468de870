'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Copy, KeyRound } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { createTokenAction } from '@/lib/actions/tokens/create-api-token';
import { revokeTokenAction } from '@/lib/actions/tokens/revoke-api-token';

interface TokenRow {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Times arrive formatted by the server in the company's time zone, so server and browser render the same text. */
const when = (text: string | null) => text ?? '—';

export function ApiTokensPanel({ slug, tokens }: { slug: string; tokens: TokenRow[] }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function create(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createTokenAction(slug, name);
      if (!result.ok) {
        setError(result.fieldErrors?.name ?? result.message);
        toast.error(result.message);
        return;
      }
      setError(null);
      setName('');
      setCreated(result.data);
      toast.success(`Token "${result.data.name}" created`);
    });
  }

  function revoke(token: TokenRow) {
    if (!window.confirm(`Revoke "${token.name}"? Programs using it will stop working.`)) return;
    startTransition(async () => {
      const result = await revokeTokenAction(slug, token.id);
      if (result.ok) toast.success(`Token "${token.name}" revoked`);
      else toast.error(result.message);
    });
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" noValidate>
        <div className="min-w-64 flex-1">
          <label htmlFor="token-name" className="text-sm font-medium text-slate-700">
            New token name
          </label>
          <input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Month-end export"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'token-name-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
          {error ? (
            <p id="token-name-error" className="mt-1 text-sm text-red-600">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={pending}>
          <KeyRound className="size-4" aria-hidden /> Create token
        </Button>
      </form>

      {created ? (
        <div role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm">
          <p className="font-semibold text-emerald-900">Copy your new token now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-token" className="flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs">
              {created.secret}
            </code>
            <Button variant="secondary" size="sm" onClick={() => navigator.clipboard.writeText(created.secret).then(() => toast.success('Copied'))}>
              <Copy className="size-4" aria-hidden /> Copy
            </Button>
          </div>
        </div>
      ) : null}

      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 text-left font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 text-left font-medium">
                Token
              </th>
              <th scope="col" className="px-4 py-2 text-left font-medium">
                Created
              </th>
              <th scope="col" className="px-4 py-2 text-left font-medium">
                Last used
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-slate-500">
                  No tokens yet.
                </td>
              </tr>
            ) : (
              tokens.map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'text-slate-400' : ''}>
                  <td className="px-4 py-2 font-medium">{t.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{t.tokenPrefix}…</td>
                  <td className="px-4 py-2">{when(t.createdAt)}</td>
                  <td className="px-4 py-2">{when(t.lastUsedAt)}</td>
                  <td className="px-4 py-2 text-right">
                    {t.revokedAt ? (
                      <span>Revoked {when(t.revokedAt)}</span>
                    ) : (
                      <Button variant="secondary" size="sm" onClick={() => revoke(t)} disabled={pending} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
