'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { fieldErrors, inputClass } from '@/components/ui/field-errors';
import { BULK_LIMIT_MAX } from '@/lib/settings/company-settings';
import { updateCompanyProfileAction } from '@/lib/actions/settings/update-company-profile';

interface Profile {
  remitTo: string;
  downloadLimit: number;
  generateLimit: number;
  health3160: number;
  health61: number;
  logoDataUrl: string | null;
}

export function CompanyProfileForm({ slug, profile }: { slug: string; profile: Profile }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [logoAction, setLogoAction] = useState<'keep' | 'remove' | 'replace'>('keep');
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set('logoAction', logoAction);
    startTransition(async () => {
      const result = await updateCompanyProfileAction(slug, form);
      if (result.ok) {
        setErrors({});
        setLogoAction('keep');
        toast.success('Company settings saved');
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  const { error, invalid } = fieldErrors(errors);

  return (
    <form onSubmit={submit} className="mt-6 max-w-2xl space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <label htmlFor="remitTo" className="text-sm font-medium">
          Remit to
        </label>
        <p className="text-xs text-slate-500">Printed on every invoice and statement: where customers send payment (up to 8 lines).</p>
        <textarea id="remitTo" name="remitTo" rows={5} defaultValue={profile.remitTo} className={inputClass} {...invalid('remitTo')} />
        {error('remitTo')}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Logo</legend>
        <div className="mt-2 flex items-center gap-4">
          {profile.logoDataUrl && logoAction !== 'remove' ? (
            // eslint-disable-next-line @next/next/no-img-element -- a data: URL preview, nothing to optimise
            <img src={profile.logoDataUrl} alt="Current logo" className="h-12 w-auto rounded border border-slate-200 bg-white p-1" />
          ) : (
            <span className="text-sm text-slate-500">{logoAction === 'remove' ? 'The logo will be removed.' : 'No logo'}</span>
          )}
          {profile.logoDataUrl ? (
            <Button type="button" variant="secondary" onClick={() => setLogoAction(logoAction === 'remove' ? 'keep' : 'remove')}>
              {logoAction === 'remove' ? 'Keep logo' : 'Remove logo'}
            </Button>
          ) : null}
        </div>
        <label htmlFor="logo" className="mt-3 block text-sm">
          Upload a new logo (PNG, at most 256 KB)
        </label>
        <input
          id="logo"
          name="logo"
          type="file"
          accept="image/png"
          className="mt-1 block text-sm"
          {...invalid('logo')}
          onChange={(e) => setLogoAction(e.currentTarget.files?.length ? 'replace' : 'keep')}
        />
        {error('logo')}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="downloadLimit" className="text-sm font-medium">
            Download limit
          </label>
          <p className="text-xs text-slate-500">Most invoices in one bulk Download.</p>
          <input
            id="downloadLimit"
            name="downloadLimit"
            type="number"
            min={1}
            max={BULK_LIMIT_MAX}
            required
            defaultValue={profile.downloadLimit}
            className={inputClass}
            {...invalid('downloadLimit')}
          />
          {error('downloadLimit')}
        </div>
        <div>
          <label htmlFor="generateLimit" className="text-sm font-medium">
            Statement batch limit
          </label>
          <p className="text-xs text-slate-500">Most statements per Generate click.</p>
          <input
            id="generateLimit"
            name="generateLimit"
            type="number"
            min={1}
            max={BULK_LIMIT_MAX}
            required
            defaultValue={profile.generateLimit}
            className={inputClass}
            {...invalid('generateLimit')}
          />
          {error('generateLimit')}
        </div>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Dashboard health</legend>
        {(
          [
            ['health3160', '31-60 days past due under (%)', profile.health3160],
            ['health61', 'Over 60 days past due under (%)', profile.health61],
          ] as const
        ).map(([name, label, value]) => (
          <div key={name}>
            <label htmlFor={name} className="text-sm">
              {label}
            </label>
            <input id={name} name={name} type="number" min={0} max={100} required defaultValue={value} className={inputClass} {...invalid(name)} />
            {error(name)}
          </div>
        ))}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
