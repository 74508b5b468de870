import { access, createCompany, createMember, type TestCompany } from '../support/fixtures';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { companySettings } from '@/lib/settings/company-settings';
import { getCompanyProfile } from '@/lib/settings/get-company-profile';
import { updateCompanyProfile } from '@/lib/settings/update-company-profile';
import type { CompanyAccess } from '@/lib/auth/get-company-access';

const png = new Uint8Array(readFileSync(new URL('../../public/demo/acme-logo.png', import.meta.url)));

let company: TestCompany;
let admin: CompanyAccess;
let member: CompanyAccess;

beforeAll(async () => {
  company = await createCompany({ locations: 1 });
  admin = await access((await createMember(company, 'admin')).id, company.slug);
  member = await access(
    (await createMember(company, 'member', { view: [company.locations[0]!.id], modify: [company.locations[0]!.id] })).id,
    company.slug,
  );
});

const valid = { remitTo: 'Harbour Ltd\nPO Box 1', downloadLimit: '40', generateLimit: '25' };

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('company settings', () => {
  it('an admin saves remit-to, limits and a logo; what the documents and bulk actions use changes', async () => {
    await updateCompanyProfile(admin, { ...valid, logoAction: 'replace' }, png);
    const profile = await getCompanyProfile(company.id);
    expect(profile).toMatchObject({ remitTo: 'Harbour Ltd\nPO Box 1', downloadLimit: 40, generateLimit: 25 });
    expect(profile.logoDataUrl).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    const row = await prisma.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(row.settings).toMatchObject({ 'accounting.invoices.bulk_download_limit': 40, 'accounting.statements.bulk_generate_limit': 25 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'company.settings.update' } });
    expect(audit).toMatchObject({ userId: admin.userId, details: { downloadLimit: 40, generateLimit: 25, logo: 'replace' } });
  });

  it('keeps the logo unless told otherwise, and removes it on request', async () => {
    await updateCompanyProfile(admin, { ...valid, remitTo: '' }, null);
    expect((await getCompanyProfile(company.id)).logoDataUrl).not.toBeNull();
    expect((await getCompanyProfile(company.id)).remitTo).toBe('');
    await updateCompanyProfile(admin, { ...valid, logoAction: 'remove' }, null);
    expect((await getCompanyProfile(company.id)).logoDataUrl).toBeNull();
  });

  it('rejects a file that is not a PNG, naming the logo, and changes nothing', async () => {
    const before = await getCompanyProfile(company.id);
    const error = await rejection(
      updateCompanyProfile(admin, { ...valid, remitTo: 'Changed', logoAction: 'replace' }, new TextEncoder().encode('GIF89a...')),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The logo must be a PNG image.');
    expect(error.issues).toEqual([{ path: 'logo', message: 'Not a PNG image' }]);
    expect(await getCompanyProfile(company.id)).toEqual(before);
  });

  it('rejects limits out of range and too many remit-to lines with the field named', async () => {
    const zero = await rejection(updateCompanyProfile(admin, { ...valid, downloadLimit: '0' }, null));
    expect(zero.issues).toEqual([{ path: 'downloadLimit', message: 'Download limit must be at least 1' }]);
    const fraction = await rejection(updateCompanyProfile(admin, { ...valid, generateLimit: '2.5' }, null));
    expect(fraction.issues).toEqual([{ path: 'generateLimit', message: 'Statement batch limit must be a whole number' }]);
    const over = await rejection(updateCompanyProfile(admin, { ...valid, downloadLimit: '1001' }, null));
    expect(over.issues).toEqual([{ path: 'downloadLimit', message: 'Download limit must be at most 1,000' }]);
    const lines = await rejection(
      updateCompanyProfile(admin, { ...valid, remitTo: Array.from({ length: 9 }, (_, i) => `Line ${i}`).join('\n') }, null),
    );
    expect(lines.issues).toEqual([{ path: 'remitTo', message: 'Remit-to must be at most 8 lines' }]);
  });

  it('reads the limits with the bounds the form enforces: a stored value over 1,000 falls back to the default', async () => {
    expect(companySettings({ 'accounting.invoices.bulk_download_limit': 1_000 })['accounting.invoices.bulk_download_limit']).toBe(1_000);
    expect(companySettings({ 'accounting.invoices.bulk_download_limit': 5_000 })['accounting.invoices.bulk_download_limit']).toBe(100);
  });

  it('is for admins only', async () => {
    const error = await rejection(updateCompanyProfile(member, valid, null));
    expect(error.code).toBe('FORBIDDEN');
  });
});
