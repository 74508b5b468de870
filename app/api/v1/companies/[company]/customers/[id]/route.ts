import { z } from 'zod';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { saveCustomer } from '@/lib/customers/save-customer';
import { notFound } from '@/lib/errors/app-error';

export const PATCH = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => {
  if (!z.guid().safeParse(id).success) throw notFound('Customer');
  return saveCustomer(access, await readJson(req), id);
});
