import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bytes the server sends for a built file to a browser that accepts `encoding`: the build's own
 * x.br / x.gz (brotli 11, gzip 9; apps/web/vite.config.ts) as http/web-app.ts serves them
 * (preCompressed), or the plain file where the build wrote none (too small to gain, or a build
 * without them — then the figure grows, as the download would). Nothing compresses at request time. */
export function servedBytes(file: string, encoding: Encoding): number {
  const variant = { br: `${file}.br`, gzip: `${file}.gz`, identity: file }[encoding];
  return statSync(existsSync(variant) ? variant : file).size;
}

/** The JS files an HTML page loads at once: module scripts and modulepreload links under /assets/. */
export function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) if (m[1]) found.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    if (m[1]) found.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g))
    if (m[1]) found.add(m[1]);
  return [...found].filter((src) => src.startsWith('/assets/'));
}

// Rolldown writes dynamic imports with backquotes: any of the three quotes.
const staticImport = /(?:\bfrom\s*|\bimport\s*)["'`](\.\/[^"'`]+\.js)["'`]/g;
const dynamicImport = /\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g;

/** Every chunk a chunk pulls in statically (what the browser must load before it runs). */
export function staticClosure(assetsDir: string, entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(path.join(assetsDir, name), 'utf8');
    for (const m of code.matchAll(staticImport)) if (m[1]) visit(path.basename(m[1]));
  };
  for (const e of entries) visit(path.basename(e));
  return seen;
}

/** Chunks loaded on demand from a set of chunks (lazy routes). */
export function dynamicImports(assetsDir: string, chunks: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const name of chunks) {
    const code = readFileSync(path.join(assetsDir, name), 'utf8');
    for (const m of code.matchAll(dynamicImport)) if (m[1]) found.add(path.basename(m[1]));
  }
  return found;
}

export const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
