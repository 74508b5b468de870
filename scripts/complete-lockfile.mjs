// The registry mirror this project is built against serves only linux-x64 builds of platform packages, so
// npm leaves the other platforms' optional binaries (next/swc, tailwind oxide) out of package-lock.json and
// `npm ci` then refuses the lock as out of sync. This adds the missing entries (name, version, os/cpu) so the
// lock is complete for every platform. Run after changing dependencies: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  arm: 'arm',
  ia32: 'ia32',
  wasm32: 'wasm32',
  riscv64: 'riscv64',
  ppc64: 'ppc64',
  s390x: 's390x',
  loong64: 'loong64',
};
let added = 0;
for (const [path, entry] of Object.entries(pk)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    if (pk[base] || pk[`node_modules/${name}`]) continue;
    const parts = name.split(/[/-]/);
    const stub = { version: range.replace(/^[\^~=]/, ''), optional: true };
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.map((p) => CPU[p]).find(Boolean);
    if (os) stub.os = [os];
    if (cpu) stub.cpu = [cpu];
    pk[`node_modules/${name}`] = stub;
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('stubs added', added);
