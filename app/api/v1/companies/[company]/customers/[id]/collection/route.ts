import { z } from 'zod';
import { readJson } from '@/lib/api/read-json';
import { withApiAccess } from '@/lib/api/with-api-access';
import { setCustomerCollection } from '@/lib/collections/set-customer-collection';
import { notFound } from '@/lib/errors/app-error';

/** Fields left out stay; null clears (the collector falls back to the default location's). */
export const PATCH = withApiAccess<{ company: string; id: string }>(async (req, access, { id }) => {
  if (!z.guid().safeParse(id).success) throw notFound('Customer');
  const body = await readJson(req);
  return setCustomerCollection(access, typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, customerId: id } : body);
});
