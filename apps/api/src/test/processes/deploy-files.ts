import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for the deployment-files suite: reading the Dockerfile, .dockerignore and nginx. */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

export interface Instruction {
  op: string;
  args: string;
}

/** The Dockerfile as instructions (continuation lines joined, comments dropped), split by stage. */
export function dockerStages(text: string): { name: string; from: string; steps: Instruction[] }[] {
  const joined = text.replace(/\\\n/g, ' ');
  const stages: { name: string; from: string; steps: Instruction[] }[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args);
      stages.push({ from: m?.[1] ?? '', name: m?.[2] ?? String(stages.length), steps: [] });
    } else {
      stages.at(-1)?.steps.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** Whether .dockerignore keeps `file` out of the build context (last matching pattern wins). */
export function dockerIgnored(patterns: string[], file: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negate = raw.startsWith('!');
    const pattern = negate ? raw.slice(1) : raw;
    const regex = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*\*/g, '.*')
        .replace(/(?<!\.)\*/g, '[^/]*')}(?:/.*)?$`,
    );
    if (regex.test(file)) ignored = !negate;
  }
  return ignored;
}

export const readPatterns = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

/** Fills in `${NAME}` as the nginx image's envsubst does (only the variables it is given). */
export const renderTemplate = (template: string, vars: Record<string, string>) =>
  template.replace(/\$\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

/** nginx.conf around a site fragment, wrapped as the nginx image wraps conf.d files, with every
 * path nginx writes inside `dir` (so it runs without root-owned paths). */
function writeNginxConf(site: string, dir: string): string {
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  writeFileSync(path.join(dir, 'site.conf'), site);
  const conf = [
    'daemon off;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events {}',
    'http {',
    '  include /etc/nginx/mime.types;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${n}_temp_path ${dir}/temp/${n};`),
    `  include ${dir}/site.conf;`,
    '}',
  ].join('\n');
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  return path.join(dir, 'nginx.conf');
}

const nginxArgs = (dir: string, conf: string) => ['-p', dir, '-e', `${dir}/error.log`, '-c', conf];

/** `nginx -t` on a site fragment. */
export function nginxTest(site: string, dir: string): { ok: boolean; output: string } {
  const run = spawnSync(NGINX, ['-t', ...nginxArgs(dir, writeNginxConf(site, dir))], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Runs nginx on a site fragment in the foreground; stop it with SIGQUIT (graceful). */
export function startNginx(site: string, dir: string): ChildProcess {
  return spawn(NGINX, nginxArgs(dir, writeNginxConf(site, dir)), { stdio: 'ignore' });
}

/** Bare package names the runtime code imports (type-only imports are erased, so not counted). */
export function runtimeImports(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // import x from 'a'; import { b } from 'a'; export * from 'a'; import 'a'; import('a')
    const re =
      /(?:^|\n)\s*(?:import|export)(\s+type\b)?[\w\s{},*$]*?\bfrom\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
    for (const m of text.matchAll(re)) {
      if (m[1]) continue;
      const spec = m[2] ?? m[3] ?? m[4] ?? '';
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      const name = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : (spec.split('/')[0] ?? spec);
      if (!found.has(name)) found.set(name, path.relative(repoRoot, file));
    }
  }
  return found;
}

/** Lays out `into` as the runtime stage's COPY lines would (the build context filtered by
 * .dockerignore, modification times kept, a directory's contents into its destination), with
 * `fromBuild` standing for the build stage's files, then applies the stage's `touch` commands. */
export function layOutImage(
  steps: Instruction[],
  ignore: string[],
  into: string,
  fromBuild: (source: string) => string,
): void {
  const copy = (from: string, rel: string, to: string, filter: boolean) => {
    if (filter && dockerIgnored(ignore, rel)) return;
    if (statSync(from).isDirectory()) {
      for (const name of readdirSync(from))
        copy(path.join(from, name), `${rel}/${name}`, path.join(to, name), filter);
      return;
    }
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(from, to, { preserveTimestamps: true });
  };
  for (const step of steps) {
    if (step.op === 'COPY') {
      const words = step.args.split(/\s+/);
      const fromStage = words[0]?.startsWith('--from=');
      const [dest = '.', ...sources] = (fromStage ? words.slice(1) : words).reverse();
      for (const source of sources.reverse()) {
        const target = dest.endsWith('/')
          ? path.join(into, dest, path.basename(source))
          : path.join(into, dest);
        copy(fromStage ? fromBuild(source) : path.join(repoRoot, source), source, target, !fromStage);
      }
    } else if (step.op === 'RUN') {
      for (const m of step.args.matchAll(/\btouch\s+([\w./-]+)/g)) {
        const file = path.join(into, m[1] ?? '');
        const now = new Date();
        utimesSync(file, now, now);
      }
    }
  }
}
