// `npm run cli -- token create --company <slug> --email <email> --name <label>`: prints a new API token once.
import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { createApiToken } from '../lib/tokens/create-api-token';
import { AppError } from '../lib/errors/app-error';
import { resolveDatabase } from './lib/resolve-database';

let release: () => Promise<void> = async () => {};
const usage = 'Usage: npm run cli -- token create --company <slug> --email <email> --name <label>';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { company: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'token' || positionals[1] !== 'create') {
    console.error(usage);
    return 2;
  }
  for (const key of ['company', 'email', 'name'] as const) {
    if (!values[key]) {
      console.error(`Missing --${key}.\n${usage}`);
      return 2;
    }
  }
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  release = db.release;
  const membership = await prisma.membership.findFirst({
    where: { company: { slug: values.company }, user: { email: values.email!.trim().toLowerCase() } },
    select: { companyId: true, userId: true },
  });
  if (!membership) {
    console.error(`No user ${values.email} in company "${values.company}".`);
    return 1;
  }
  const token = await createApiToken(membership.companyId, membership.userId, { name: values.name });
  console.log(token.secret);
  console.error(`Created API token "${token.name}" for ${values.email} in ${values.company}. It is shown only once.`);
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof AppError ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await prisma.$disconnect();
    await release();
    process.exit(code);
  });
