// Serves the built app with `next start` in several processes sharing one port (node:cluster): one Node.js
// event loop runs on one core, so a single process leaves the other cores to the database alone. Each
// worker is a complete app server (its own pool, outbox sender and totals folder; background work is
// safe with several processes). Usage: node [node flags] scripts/serve-app.mjs <port> [processes]
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

const [port, count] = process.argv.slice(2);
// Half the cores by default: the other half is the embedded database's. On this project's 2-core machine a
// second process lowered throughput (bench:load: 245 to 222 requests/s); with the database elsewhere, set
// AGEWISE_APP_PROCESSES to the number of cores.
const processes = Math.max(1, Number(count) || Math.floor(os.availableParallelism() / 2));

if (cluster.isPrimary) {
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < processes; i++) fork();
  // A worker that dies unasked is replaced, so one crash does not take the app down.
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`App process ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    fork();
  });
  const stop = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const timer = setInterval(() => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0), 100);
    timer.unref();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  // Started by `npm start`: when that process is gone (kill -9), stop rather than serve on as an orphan.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop('SIGTERM'), 1_000).unref();
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} else {
  process.argv = [process.argv[0], path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', port];
  await import('next/dist/bin/next');
}
