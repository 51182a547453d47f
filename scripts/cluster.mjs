// `npm run cluster`: the scale-out topology on this machine — PostgreSQL (already running), several
// BeXtr processes (what `npm start` runs, NODE_ENV=production, one port each, one shared DATA_DIR)
// and Debian's nginx in front, round-robin, with ops/nginx/bextr.conf.template. Nothing is written
// outside the work dir (nginx's pid, logs and temp files, each process's log) and DATA_DIR.
// Ctrl-C / SIGTERM stops everything. Options: `--name value` or the environment variable beside it.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureWebBuild, root } from './web-build.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' }, // CLUSTER_PORT: nginx's port (default 8080)
    'app-ports': { type: 'string' }, // CLUSTER_APP_PORTS: one process per port (default 3001,3002)
    'database-url': { type: 'string' }, // DATABASE_URL
    'data-dir': { type: 'string' }, // DATA_DIR: uploads, shared by the processes
    dir: { type: 'string' }, // CLUSTER_DIR: work dir for logs and nginx (default: a new temp dir)
    nginx: { type: 'string' }, // NGINX: the nginx binary (default /usr/sbin/nginx)
  },
});
const env = process.env;
const lbPort = Number(args.port ?? env.CLUSTER_PORT ?? 8080);
const appPorts = (args['app-ports'] ?? env.CLUSTER_APP_PORTS ?? '3001,3002').split(',').map(Number);
const databaseUrl =
  args['database-url'] ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bextr_cluster';
const dataDir = path.resolve(args['data-dir'] ?? env.DATA_DIR ?? path.join(root, 'data/cluster'));
const nginxBin = args.nginx ?? env.NGINX ?? '/usr/sbin/nginx';
const ownDir = !(args.dir ?? env.CLUSTER_DIR);
const workDir = path.resolve(
  args.dir ?? env.CLUSTER_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'bextr-cluster-')),
);
const publicUrl = `http://127.0.0.1:${lbPort}`;

const say = (line) => process.stdout.write(`[cluster] ${line}\n`);
function fail(message) {
  process.stderr.write(`[cluster] ${message}\n`);
  process.exit(1);
}

if ([lbPort, ...appPorts].some((p) => !Number.isInteger(p) || p < 1 || p > 65535) || appPorts.length < 1) {
  fail('ports must be numbers between 1 and 65535 (--port, --app-ports 3001,3002)');
}
if (!existsSync(nginxBin)) {
  fail(
    `nginx is missing (looked for ${nginxBin}). Install Debian's: apt-get install nginx-light ` +
      '(or point NGINX / --nginx at an nginx binary).',
  );
}

/** Creates the database when it does not exist yet (connecting to the server's `postgres` db). */
async function ensureDatabase(url) {
  const { default: pg } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) fail(`DATABASE_URL names no database: ${url}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  try {
    await client.connect();
  } catch (err) {
    fail(`PostgreSQL at ${admin.host} does not answer (${err.message}); start it or set DATABASE_URL`);
  }
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
      say(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** nginx.conf for a server run by this user: daemon off (we supervise it), everything in workDir. */
function renderNginxConf() {
  const upstreams = appPorts.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join('\n    ');
  const vars = {
    BEXTR_LISTEN: `127.0.0.1:${lbPort}`,
    BEXTR_UPSTREAM_SERVERS: upstreams,
    BEXTR_ACCESS_LOG: path.join(workDir, 'nginx-access.log'),
  };
  // As the nginx image's envsubst does: ${NAME} of the variables given; nginx's own $vars stay.
  const site = readFileSync(path.join(root, 'ops/nginx/bextr.conf.template'), 'utf8').replace(
    /\$\{(\w+)\}/g,
    (whole, name) => vars[name] ?? whole,
  );
  writeFileSync(path.join(workDir, 'bextr.conf'), site);
  const temp = (name) => `${name}_temp_path ${path.join(workDir, 'nginx-temp', name)};`;
  return [
    'daemon off;',
    'worker_processes 2;',
    `pid ${path.join(workDir, 'nginx.pid')};`,
    `error_log ${path.join(workDir, 'nginx-error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  include /etc/nginx/mime.types;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
    `  include ${path.join(workDir, 'bextr.conf')};`,
    '}',
    '',
  ].join('\n');
}

const children = [];
let stopping = false;

/** Starts a child with its output in workDir/<name>.log; a child that dies unasked stops the rest. */
function startChild(name, command, argv, childEnv) {
  const logFile = path.join(workDir, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(command, argv, { cwd: root, env: childEnv, stdio: ['ignore', out, out] });
  const entry = { name, child, logFile, exited: new Promise((r) => child.once('exit', r)) };
  child.once('exit', (code, signal) => {
    if (stopping) return;
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    process.stderr.write(`[cluster] ${name} exited (${signal ?? code}); its log ends:\n${tail}\n`);
    void stop(1);
  });
  children.push(entry);
  return entry;
}

async function waitReady(url, what, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  process.stderr.write(`[cluster] ${what} not ready within ${timeoutMs / 1000} s\n`);
  await stop(1);
}

/** Every child stops gracefully: nginx on SIGQUIT (stops accepting, finishes the requests it is
 * proxying; SIGTERM would cut them), the apps on SIGTERM (drain, see main.ts). SIGKILL after 11 s. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const { name, child } of children)
    if (child.exitCode === null && child.signalCode === null)
      child.kill(name === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
  const killer = setTimeout(() => {
    for (const { child } of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 11_000);
  await Promise.all(children.map((c) => c.exited));
  clearTimeout(killer);
  if (ownDir && code === 0) rmSync(workDir, { recursive: true, force: true });
  else say(`logs kept in ${workDir}`);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

mkdirSync(path.join(workDir, 'nginx-temp'), { recursive: true });
// nginx's workers run as `nobody` when started by root: they must reach their temp dirs.
chmodSync(workDir, 0o755);
mkdirSync(dataDir, { recursive: true });
await ensureDatabase(databaseUrl);
ensureWebBuild();

const appEnv = (port) => ({
  ...env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  PUBLIC_URL: publicUrl,
  TRUST_PROXY: '127.0.0.1',
});
// The first process migrates the database (the others would wait on the migration lock anyway).
const apps = [];
for (const [i, port] of appPorts.entries()) {
  apps.push(
    startChild(
      `app-${i + 1}`,
      process.execPath,
      [path.join(root, 'scripts/start.mjs'), '--no-web-build'],
      appEnv(port),
    ),
  );
  if (i === 0) await waitReady(`http://127.0.0.1:${port}/health/ready`, `app-1 (port ${port})`);
}
await Promise.all(appPorts.map((p, i) => waitReady(`http://127.0.0.1:${p}/health/ready`, `app-${i + 1}`)));

const confPath = path.join(workDir, 'nginx.conf');
writeFileSync(confPath, renderNginxConf());
const nginx = startChild(
  'nginx',
  nginxBin,
  ['-p', workDir, '-e', path.join(workDir, 'nginx-error.log'), '-c', confPath],
  env,
);
await waitReady(`${publicUrl}/health/ready`, 'nginx');
if (stopping) await new Promise(() => {});

writeFileSync(
  path.join(workDir, 'cluster.json'),
  JSON.stringify({
    url: publicUrl,
    nginx: nginx.child.pid,
    apps: apps.map((a) => ({ pid: a.child.pid, log: a.logFile })),
  }),
);
say(`BeXtr is running at ${publicUrl}`);
say(
  `  ${apps.length} processes on ports ${appPorts.join(', ')} (uploads in ${dataDir}), database ${new URL(databaseUrl).pathname.slice(1)}`,
);
say(`  logs: ${workDir}/app-N.log, nginx-access.log — Ctrl-C stops everything`);
