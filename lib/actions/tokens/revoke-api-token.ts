'use server';
import { companyAction } from '@/lib/actions/company-action';
import { revokeApiToken } from '@/lib/tokens/revoke-api-token';

export const revokeTokenAction = companyAction(
  async (access, tokenId: string) => {
    await revokeApiToken(access.company.id, access.userId, tokenId);
    return null;
  },
  { revalidate: ['/settings/api-tokens'] },
);
