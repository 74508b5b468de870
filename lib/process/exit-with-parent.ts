import 'server-only';

/**
 * `npm start` runs the app server as its child. If `npm start` is killed outright (kill -9), nothing stops
 * the child: it would keep the port and a pool of connections to a database that is gone. The child checks
 * its parent every second and exits when it has gone.
 */
export function exitWithParent(parentPid: number | undefined): void {
  if (!parentPid) return;
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      console.error(`Agewise: the process that started this server (pid ${parentPid}) is gone; exiting.`);
      process.exit(1);
    }
  }, 1_000);
  timer.unref();
}
