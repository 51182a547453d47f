import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { maxUploadBytes } from '@bextr/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configKeys, loadConfig } from '../../config.ts';
import { freePort, tempDir, waitFor } from '../faults/app-process.ts';
import {
  dockerIgnored,
  dockerStages,
  layOutImage,
  NGINX,
  nginxTest,
  readPatterns,
  renderTemplate,
  repoRoot,
  runtimeImports,
} from './deploy-files.ts';

// No container engine runs on our machines: these checks keep Dockerfile, compose.yaml and the
// nginx config honest — what they name exists, what they set BeXtr reads, nginx accepts the config.

const at = (...p: string[]) => path.join(repoRoot, ...p);
const stages = dockerStages(readFileSync(at('Dockerfile'), 'utf8'));
const runtime = stages.at(-1) ?? { name: '', from: '', steps: [] };
const steps = (stage: typeof runtime, op: string) =>
  stage.steps.filter((s) => s.op === op).map((s) => s.args);
const runtimeEnv = Object.fromEntries(
  steps(runtime, 'ENV').flatMap((a) => a.split(/\s+/).map((kv) => kv.split('=') as [string, string])),
);

// biome-ignore lint/suspicious/noExplicitAny: compose.yaml is checked field by field below
const compose = parse(readFileSync(at('compose.yaml'), 'utf8'), { merge: true }) as any;
const template = readFileSync(at('ops/nginx/bextr.conf.template'), 'utf8');

/** `${NAME:-default}` → default, `${NAME}` → '' (an unset variable), as compose interpolates. */
const interpolate = (value: unknown) =>
  String(value).replace(
    /\$\{(\w+)(?::?-([^}]*))?\}/g,
    (_w, _name, fallback: string | undefined) => fallback ?? '',
  );

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('Dockerfile', () => {
  it('builds the web app in a build stage and runs a slim glibc node:20 image with production dependencies only', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const s of stages) expect(s.from).toBe('node:20-bookworm-slim');
    const buildRuns = steps(stages[0] ?? runtime, 'RUN').join('\n');
    expect(buildRuns).toMatch(/npm ci(?! --omit)/);
    expect(buildRuns).toContain('npm run build');
    const runs = steps(runtime, 'RUN').join('\n');
    expect(runs).toContain('npm ci --omit=dev');
    expect(runs).not.toMatch(/npm ci(?! --omit=dev)/);
    expect(steps(runtime, 'COPY')).toContain('--from=build /app/apps/web/dist apps/web/dist');
  });

  it('runs as a non-root user in production, with a node health check on /health/ready and DATA_DIR on a volume', () => {
    const user = steps(runtime, 'USER').at(-1);
    expect(user).toBeTruthy();
    expect(['root', '0']).not.toContain(user);
    expect(runtimeEnv.NODE_ENV).toBe('production');
    expect(runtimeEnv.HOST).toBe('0.0.0.0');
    expect(steps(runtime, 'EXPOSE')).toEqual([runtimeEnv.PORT]);
    expect(steps(runtime, 'VOLUME').join(' ')).toContain(`"${runtimeEnv.DATA_DIR}"`);
    const health = steps(runtime, 'HEALTHCHECK').join(' ');
    expect(health).toMatch(/CMD \["node", "-e", ".*\/health\/ready/);
    expect(health).not.toContain('curl');
    // Never a web build at boot: the runtime image has no vite (the image test below boots it).
    expect(steps(runtime, 'CMD')).toEqual(['["node", "scripts/start.mjs", "--no-web-build"]']);
    // Every variable the image sets is one BeXtr reads (a typo would be silently ignored).
    for (const key of Object.keys(runtimeEnv)) expect(configKeys).toContain(key);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const ignore = readPatterns(at('.dockerignore'));
    const sources = stages.flatMap((s) =>
      steps(s, 'COPY')
        .filter((a) => !a.startsWith('--from'))
        .flatMap((a) => a.split(/\s+/).slice(0, -1)),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      expect(existsSync(at(source)), `${source} exists`).toBe(true);
      expect(dockerIgnored(ignore, source), `${source} is in the build context`).toBe(false);
    }
    // The start script's own imports come along.
    const copiedScripts = sources.filter((s) => s.startsWith('scripts/'));
    for (const script of copiedScripts) {
      for (const m of readFileSync(at(script), 'utf8').matchAll(/from '\.\/([^']+)'/g)) {
        expect(copiedScripts).toContain(`scripts/${m[1]}`);
      }
    }
    // What must stay out: local data, installed modules, the test suites.
    for (const out of [
      'data/pglite',
      'node_modules/x',
      'apps/api/src/test/app.ts',
      'apps/api/src/app.test.ts',
    ]) {
      expect(dockerIgnored(ignore, out), out).toBe(true);
    }
  });

  it('needs nothing from devDependencies at runtime (what `npm ci --omit=dev` leaves out)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) return name === 'test' ? [] : walk(full);
        return /\.(ts|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
      });
    const files = [
      ...walk(at('apps/api/src')),
      ...walk(at('packages/contracts/src')),
      at('scripts/start.mjs'),
      at('scripts/web-build.mjs'),
    ];
    const prod = new Set<string>(['@bextr/contracts']);
    for (const pkg of ['package.json', 'apps/api/package.json', 'packages/contracts/package.json']) {
      for (const name of Object.keys(JSON.parse(readFileSync(at(pkg), 'utf8')).dependencies ?? {}))
        prod.add(name);
    }
    const imports = runtimeImports(files);
    expect(imports.has('fastify')).toBe(true);
    for (const [name, where] of imports) expect(prod.has(name), `${name} (imported by ${where})`).toBe(true);
  });
});

describe('the image', () => {
  it('boots in production from just the files the runtime stage copies, without rebuilding the web app', async () => {
    const image = await tempDir('image');
    const data = await tempDir('image-data');
    dirs.push(image, data);
    // The build stage's product is the web app as `npm run build` makes it.
    if (!existsSync(at('apps/web/dist/index.html'))) {
      spawnSync('npm', ['run', 'build', '-w', '@bextr/web'], { cwd: repoRoot, stdio: 'ignore' });
    }
    layOutImage(runtime.steps, readPatterns(at('.dockerignore')), image, (source) =>
      at(source.replace(/^\/app\//, '')),
    );
    expect(existsSync(path.join(image, 'apps/api/src/test'))).toBe(false);
    // `npm ci` would install here; the installed tree stands in (devDependencies are checked above).
    symlinkSync(at('node_modules'), path.join(image, 'node_modules'));
    const port = await freePort();
    const [command, ...argv] = JSON.parse(steps(runtime, 'CMD')[0] ?? '[]') as string[];
    expect(command).toBe('node');
    const child = spawn(process.execPath, argv, {
      cwd: image,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ...runtimeEnv,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: data,
        SEED_DEMO: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        'the image answers ready',
        async () =>
          child.exitCode !== null || (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200,
        90_000,
      ).catch((err: Error) => {
        throw new Error(`${err.message}\n${output}`);
      });
      expect(child.exitCode, output).toBeNull();
      const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script type="module"');
      expect(output).not.toMatch(/Building the web app|rebuilding/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('compose.yaml', () => {
  const services = compose.services ?? {};
  const apps = ['app1', 'app2'].map((n) => services[n]);

  it('runs PostgreSQL 15, two BeXtr processes from one image and nginx in front, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual(['app1', 'app2', 'lb', 'postgres']);
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.lb.image).toMatch(/^nginx:/);
    for (const app of apps) {
      expect(app.build).toBe('.');
      expect(app.image).toBe(apps[0].image);
    }
    for (const s of Object.values(services) as { healthcheck?: { test?: unknown } }[]) {
      expect(s.healthcheck?.test).toBeTruthy();
    }
    for (const app of apps) expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.lb.depends_on).toEqual({
      app1: { condition: 'service_healthy' },
      app2: { condition: 'service_healthy' },
    });
    // Only nginx is published: TRUST_PROXY=1 is safe because nothing else reaches the apps.
    for (const app of apps) expect(app.ports).toBeUndefined();
    expect(services.lb.ports).toHaveLength(1);
    // An init as PID 1 passes SIGTERM on while node is still migrating or waiting for the boot lock.
    for (const app of apps) expect(app.init).toBe(true);
  });

  it('gives the processes only settings BeXtr knows, a valid configuration, one database and one uploads volume', () => {
    for (const app of apps) {
      for (const key of Object.keys(app.environment))
        expect(configKeys, `${key} in config.ts`).toContain(key);
      const env = Object.fromEntries(Object.entries(app.environment).map(([k, v]) => [k, interpolate(v)]));
      const config = loadConfig({ ...runtimeEnv, ...env });
      expect(config.database).toMatchObject({ kind: 'postgres' });
      expect(new URL(env.DATABASE_URL ?? '').hostname).toBe('postgres');
      expect(config.publicUrl).toBeTruthy();
      expect(config.trustProxy).toBe(1);
      expect(app.volumes).toEqual([`uploads:${runtimeEnv.DATA_DIR}`]);
    }
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['uploads', 'pgdata']));
  });

  it('mounts the repository nginx config, fills in every placeholder, and points it at both processes', () => {
    const [source, target] = String(services.lb.volumes[0]).split(':');
    expect(path.resolve(repoRoot, source ?? '')).toBe(at('ops/nginx/bextr.conf.template'));
    expect(target).toMatch(/^\/etc\/nginx\/templates\/[\w.-]+\.conf\.template$/);
    const placeholders = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]);
    expect(new Set(placeholders)).toEqual(new Set(Object.keys(services.lb.environment)));
    const upstreams = String(services.lb.environment.BEXTR_UPSTREAM_SERVERS);
    expect(upstreams).toContain(`server app1:${runtimeEnv.PORT} `);
    expect(upstreams).toContain(`server app2:${runtimeEnv.PORT} `);
  });
});

describe('nginx config (ops/nginx/bextr.conf.template)', () => {
  it('passes `nginx -t` as compose renders it', async () => {
    expect(existsSync(NGINX), `nginx at ${NGINX} (apt-get install nginx-light)`).toBe(true);
    const dir = await tempDir('nginx-t');
    dirs.push(dir);
    // Docker's DNS names the services (nginx -t resolves them): here they are loopback addresses;
    // the image's log file becomes one in the temp dir.
    const vars = Object.fromEntries(
      Object.entries(compose.services.lb.environment).map(([k, v]) => [
        k,
        String(v)
          .replace(/\bapp[12]:/g, '127.0.0.1:')
          .replace('/var/log/nginx/', `${dir}/`),
      ]),
    );
    const result = nginxTest(renderTemplate(template, vars), dir);
    expect(result.output).toContain('test is successful');
    expect(result.ok).toBe(true);
  });

  it('lets uploads of the largest allowed size through, and fails `nginx -t` on a broken config', async () => {
    const limit = /client_max_body_size (\d+)m;/.exec(template)?.[1];
    expect(Number(limit) * 1024 * 1024).toBeGreaterThan(maxUploadBytes);
    const dir = await tempDir('nginx-bad');
    dirs.push(dir);
    // A placeholder left unfilled must not pass: the check above would mean nothing otherwise.
    expect(nginxTest(renderTemplate(template, {}), dir).ok).toBe(false);
  });
});
