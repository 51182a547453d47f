import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import { createTestApp, type TestApp } from './app.ts';

/** A stand-in for the built web app's index.html (tests may run before the web app is built). */
export const SHELL_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Generic description" />
    <title>BeXtr</title>
    <script type="module" crossorigin src="/assets/index-test.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/** A test app serving a web build made of SHELL_HTML plus any extra files (path → text or bytes) from a
 * temporary folder, which closing the app removes. */
export async function createWebShellApp(
  opts: { files?: Record<string, string | Uint8Array>; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bextr-web-'));
  const files = { 'index.html': SHELL_HTML, ...opts.files };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  const t = await createTestApp({ ...opts.config, webDistDir: dir });
  return {
    ...t,
    async close() {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
