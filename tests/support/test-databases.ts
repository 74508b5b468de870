import pg from 'pg';

export async function withServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the template and worker databases a run (this one, or an interrupted earlier one) left. */
export async function dropTestDatabases(client: pg.Client, prefix: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname DESC`, [
    prefix,
  ]);
  for (const { datname } of rows) await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
}

/**
 * The worker's own database, cloned from the migrated template the first time a test file of this worker
 * runs. A clone takes milliseconds where migrating takes seconds.
 */
export async function workerDatabase(templateUrl: string, workerId: string): Promise<string> {
  const template = new URL(templateUrl);
  const templateName = decodeURIComponent(template.pathname.slice(1));
  const name = templateName.replace(/tpl$/, `w${workerId}`);
  const admin = new URL(templateUrl);
  admin.pathname = '/postgres';
  await withServer(admin.toString(), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  });
  template.pathname = `/${encodeURIComponent(name)}`;
  return template.toString();
}
