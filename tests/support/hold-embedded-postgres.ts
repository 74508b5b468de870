// Starts the embedded PostgreSQL on the data directory given and holds it until killed: the "other npm start"
// of tests/integration/embedded-postgres.test.ts.
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';

const server = await startEmbeddedPostgres({ dataDir: process.argv[2]! });
console.log(JSON.stringify({ url: server.url }));
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
setInterval(() => {}, 60_000);
