// The web app's build, shared by `npm start` and `npm run cluster`: build apps/web/dist when it is
// missing or older than its sources. The cluster script calls it once before starting its processes,
// so they do not all rebuild at the same time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist/index.html');
const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'apps/web/public',
  'packages/contracts/src',
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the web app when needed; exits the process when the build fails. */
export function ensureWebBuild() {
  const builtAt = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  const sourcesAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (builtAt >= sourcesAt) return;
  process.stdout.write(
    builtAt ? 'Web app sources changed: rebuilding…\n' : 'Building the web app (first start)…\n',
  );
  const result = spawnSync('npm', ['run', 'build', '-w', '@bextr/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The web app failed to build.\n');
    process.exit(result.status ?? 1);
  }
}
