import 'server-only';
import { prisma } from '@/lib/db/client';
import { companySettings } from './company-settings';

export interface CompanyProfile {
  remitTo: string;
  downloadLimit: number;
  generateLimit: number;
  /** The dashboard's health thresholds, in percent. */
  health3160: number;
  health61: number;
  /** The logo as a data: URL for the settings preview, or null. */
  logoDataUrl: string | null;
}

export async function getCompanyProfile(companyId: string): Promise<CompanyProfile> {
  const c = await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { remitTo: true, logoPng: true, settings: true } });
  const s = companySettings(c.settings);
  return {
    remitTo: c.remitTo ?? '',
    downloadLimit: s['accounting.invoices.bulk_download_limit'],
    generateLimit: s['accounting.statements.bulk_generate_limit'],
    health3160: s['dashboard.health.days_31_60_max_pct'],
    health61: s['dashboard.health.days_61_plus_max_pct'],
    logoDataUrl: c.logoPng ? `data:image/png;base64,${Buffer.from(c.logoPng).toString('base64')}` : null,
  };
}
