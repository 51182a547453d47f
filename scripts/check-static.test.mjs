// `node --test scripts/check-static.test.mjs`: the static checks fail on what they are meant to
// catch and pass on what is fine (the audit path is fed sample `npm audit --json` reports).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkLock, findSinks, readAudit } from './check-static.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-static.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'check-static-'));
const tempDirs = [dir];
after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function auditWith(report, env = {}) {
  const file = path.join(dir, `audit-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof report === 'string' ? report : JSON.stringify(report));
  const { CI: _ci, ...rest } = process.env;
  return spawnSync(process.execPath, [script, '--only', 'audit', '--audit-json', file], {
    encoding: 'utf8',
    env: { ...rest, ...env },
  });
}

const report = (vulnerabilities) => {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const v of Object.values(vulnerabilities)) counts[v.severity] += 1;
  return { auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { ...counts, total: 1 } } };
};

test('a high or critical finding fails the check and is named', () => {
  const run = auditWith(report({ fastify: { name: 'fastify', severity: 'critical', via: [] } }));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /npm audit: fastify \(critical\)/);
  assert.equal(auditWith(report({ sharp: { name: 'sharp', severity: 'high', via: [] } })).status, 1);
});

test('moderate findings and a clean report pass', () => {
  const run = auditWith(report({ qs: { name: 'qs', severity: 'moderate', via: [] } }));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /no high or critical finding/);
  assert.equal(auditWith(report({})).status, 0);
});

test('an unreachable audit endpoint (405, no network, not JSON) is skipped, and says so', () => {
  const refused = auditWith({
    message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    statusCode: 405,
  });
  assert.equal(refused.status, 0);
  assert.match(refused.stdout, /audit unavailable, skipped \(405 Method Not Allowed/);
  assert.deepEqual(readAudit('{"error":{"code":"ENOTFOUND","summary":"getaddrinfo ENOTFOUND"}}'), {
    unavailable: 'getaddrinfo ENOTFOUND',
  });
  assert.match(auditWith('npm error network').stdout, /audit unavailable, skipped/);
  assert.doesNotMatch(refused.stderr, /AUDIT SKIPPED/);
});

test('under CI an unavailable audit still passes but prints a loud AUDIT SKIPPED line', () => {
  const run = auditWith({ message: '405 Method Not Allowed', statusCode: 405 }, { CI: 'true' });
  assert.equal(run.status, 0);
  assert.match(run.stderr, /^AUDIT SKIPPED: npm audit could not run \(405 Method Not Allowed/m);
  const finding = auditWith(report({ fastify: { name: 'fastify', severity: 'critical', via: [] } }), {
    CI: 'true',
  });
  assert.equal(finding.status, 1);
});

test('raw-HTML and string-to-code sinks are found unless a sanitizer or a review note is beside them', () => {
  const bad = [
    '<div dangerouslySetInnerHTML={{ __html: bio }} />',
    'el.innerHTML = text;',
    'el.outerHTML += text;',
    'document.write(x);',
    'const f = eval(code);',
    'const g = new Function("a", body);',
    "setTimeout('run()', 10);",
    'node.insertAdjacentHTML("beforeend", html);',
  ];
  for (const line of bad) assert.equal(findSinks(line).length, 1, line);
  const fine = [
    'if (el.innerHTML === "") return;',
    'const html = el.innerHTML;',
    'retrieval(x); medieval(y);',
    '// el.innerHTML = never',
    '<div dangerouslySetInnerHTML={{ __html: sanitize(bio) }} />',
    '// xss-reviewed: a constant string\nel.innerHTML = "<b>x</b>";',
    'el.innerHTML = DOMPurify.sanitize(text);',
  ];
  for (const text of fine) assert.deepEqual(findSinks(text), [], text);
  // A bare "xss-reviewed:" with no reason does not count.
  assert.equal(findSinks('el.innerHTML = x; // xss-reviewed:').length, 1);
});

test('the lockfile: unpinned, out-of-sync, foreign or unhashed packages are refused', () => {
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { tsx: '4.23.15' } },
      'node_modules/tsx': { version: '4.23.15', integrity: 'sha512-abc' },
    },
  };
  const manifests = { '': { dependencies: { tsx: '4.23.15' } } };
  assert.deepEqual(checkLock(lock, manifests).problems, []);
  const problemsOf = (l, m) => checkLock(l, m).problems.join('\n');
  assert.match(problemsOf(lock, { '': { dependencies: { tsx: '^4.23.15' } } }), /not pinned exactly/);
  assert.match(problemsOf(lock, { '': { dependencies: { tsx: '4.23.16' } } }), /locked at 4\.23\.15/);
  assert.match(problemsOf({ ...lock, lockfileVersion: 2 }, manifests), /lockfileVersion is 2/);
  const foreign = structuredClone(lock);
  foreign.packages['node_modules/tsx'].resolved = 'https://evil.example.com/tsx-4.23.15.tgz';
  assert.match(problemsOf(foreign, manifests), /resolved from https:\/\/evil/);
  const unhashed = structuredClone(lock);
  delete unhashed.packages['node_modules/tsx'].integrity;
  assert.match(problemsOf(unhashed, manifests), /no sha512 integrity/);
  const gitDep = structuredClone(lock);
  gitDep.packages['node_modules/tsx'].version = 'git+https://github.com/x/tsx.git';
  assert.match(problemsOf(gitDep, manifests), /not a registry version/);
});

test('the current tree passes the sink and lockfile checks', () => {
  const run = spawnSync(process.execPath, [script, '--only', 'sinks'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lock = spawnSync(process.execPath, [script, '--only', 'lockfile'], { encoding: 'utf8' });
  assert.equal(lock.status, 0, lock.stderr);
});

test('a locked package whose own dependency is missing from the lock fails through npm ls', () => {
  const tree = (tsxEntry) => {
    const root = mkdtempSync(path.join(tmpdir(), 'check-static-tree-'));
    tempDirs.push(root);
    const manifest = { name: 't', version: '1.0.0', dependencies: { tsx: '4.23.15' } };
    writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest));
    const packages = {
      '': manifest,
      'node_modules/tsx': { version: '4.23.15', integrity: 'sha512-abc', ...tsxEntry },
    };
    writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages }));
    return spawnSync(process.execPath, [script, '--only', 'lockfile', '--root', root], { encoding: 'utf8' });
  };
  const clean = tree({});
  assert.equal(clean.status, 0, clean.stderr);
  const missing = tree({ dependencies: { esbuild: '~0.25.0' } });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /npm ls .*missing: esbuild@~0\.25\.0/);
});
