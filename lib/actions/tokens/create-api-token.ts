'use server';
import { companyAction } from '@/lib/actions/company-action';
import { createApiToken } from '@/lib/tokens/create-api-token';

/** The secret is shown once, here; only its hash is stored. */
export const createTokenAction = companyAction(
  async (access, name: string) => {
    const token = await createApiToken(access.company.id, access.userId, { name });
    return { name: token.name, secret: token.secret };
  },
  { revalidate: ['/settings/api-tokens'] },
);
