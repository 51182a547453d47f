/** `npm run bench:web`: the web app's weight from the production build (the JS of the landing page
 * and of the signed-in app shell, in bytes as served: the build's .gz files (gzip -9), with brotli
 * and raw alongside), and embedded mode: time from `node scripts/start.mjs` to
 * /health/ready on an existing PGlite data dir, and the idle app's resident memory. No PostgreSQL. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, rssKiB, startApp } from './run/app.ts';
import { freePort } from './run/port.ts';
import { dynamicImports, type Encoding, kb, scriptsOf, servedBytes, staticClosure } from './web/assets.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const dist = path.join(repoRoot, 'apps/web/dist');
const assets = path.join(dist, 'assets');

/** KB sent for these files to a browser accepting `encoding` (the figures' default: gzip, which every
 * browser accepts; brotli-capable ones get less). */
const sum = (files: Iterable<string>, encoding: Encoding = 'gzip') =>
  kb([...files].reduce((n, f) => n + servedBytes(path.join(assets, f), encoding), 0));
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bextr-bench-embedded-'));
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const logFile = path.join(tmpdir(), 'bextr-bench-web-app.log');
  // First start: builds the web app when missing or stale, creates and migrates the data dir.
  const first = await startApp({ port: await freePort(), env, logFile });
  await first.stop();
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('no web build in apps/web/dist');

  const port = await freePort();
  const app = await startApp({ port, env, logFile });
  let landingHtml = '';
  let rss: number | null = null;
  try {
    landingHtml = await (await fetch(`${app.baseUrl}/`)).text();
    await new Promise((r) => setTimeout(r, 3000));
    rss = await rssKiB(app.child.pid);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const spaHtml = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const spaEntry = staticClosure(assets, scriptsOf(spaHtml));
  // A page = what its HTML loads (the static closure of its scripts), plus what those scripts load
  // at start. When the page boots the SPA, that is the lazy chunk of its route (LandingPage for /;
  // the signed-in shell is the SPA entry plus the first signed-in screen, /dashboard). A page with
  // its own script (the visitors' landing page, decision 020) is charged every chunk its scripts
  // could import on demand — an upper bound, as which of them run at start cannot be read statically.
  const lazy = dynamicImports(assets, spaEntry);
  const withRoute = (base: Iterable<string>, prefix: string) => {
    const files = new Set(base);
    const chunk = [...lazy].find((f) => f.startsWith(`${prefix}-`));
    // A renamed or merged route would otherwise drop out of the figure silently and still pass.
    if (!chunk) throw new Error(`no lazy chunk ${prefix}-*.js among the SPA's dynamic imports`);
    for (const f of staticClosure(assets, [chunk])) files.add(f);
    return files;
  };
  const landingScripts = staticClosure(assets, scriptsOf(landingHtml));
  const spaMain = spaHtml.match(/<script[^>]*\ssrc="\/assets\/([^"]+\.js)"/)?.[1];
  const bootsSpa = spaMain !== undefined && landingScripts.has(spaMain);
  const landing = bootsSpa
    ? withRoute(landingScripts, 'LandingPage')
    : new Set([...landingScripts, ...staticClosure(assets, [...dynamicImports(assets, landingScripts)])]);
  const shell = withRoute(spaEntry, 'DashboardPage');
  const allJs = readdirSync(assets).filter((f) => f.endsWith('.js'));

  const figures = {
    landingKB: sum(landing),
    landingBrKB: sum(landing, 'br'),
    landingRawKB: sum(landing, 'identity'),
    landingFiles: landing.size,
    landingBootsSpa: bootsSpa,
    spaEntryKB: sum(spaEntry),
    shellKB: sum(shell),
    shellBrKB: sum(shell, 'br'),
    shellRawKB: sum(shell, 'identity'),
    lazyChunks: lazy.size,
    allJsKB: sum(allJs),
    readyMs: Math.round(app.readyMs),
    idleRssMiB: rss === null ? null : Math.round(rss / 102.4) / 10,
  };
  say("JS as served: KB of the build's .gz files (gzip -9; brotli 11 and raw alongside)");
  say(
    `Landing page (/ as served)      ${figures.landingKB} KB gzip, ${figures.landingBrKB} br, ${figures.landingRawKB} raw in ${figures.landingFiles} file(s)${
      bootsSpa ? ' (boots the SPA)' : ` (own script: ${[...landing].join(', ')})`
    }`,
  );
  say(`SPA entry (index.html)          ${figures.spaEntryKB} KB gzip`);
  say(
    `Signed-in app shell (+dashboard) ${figures.shellKB} KB gzip, ${figures.shellBrKB} br, ${figures.shellRawKB} raw (${figures.lazyChunks} lazy chunks; all JS ${figures.allJsKB} KB gzip)`,
  );
  say(`Embedded start to ready          ${figures.readyMs} ms (existing PGlite data dir)`);
  say(`Idle RSS                         ${figures.idleRssMiB ?? '?'} MiB`);
  say('');
  say(`${verdict(figures.landingKB <= 150)}  landing page ≤ 150 KB gzip (${figures.landingKB} KB)`);
  say(`${verdict(figures.shellKB <= 350)}  app shell ≤ 350 KB gzip (${figures.shellKB} KB)`);
  say(`${verdict(figures.lazyChunks > 0)}  code split per area (${figures.lazyChunks} lazy chunks)`);
  say(`${verdict(figures.readyMs <= 3000)}  embedded start ≤ 3 s (${figures.readyMs} ms)`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
