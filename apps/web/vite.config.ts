import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://127.0.0.1:3000';

/** Writes dist/landing.html, the page the API fills with the visitors' landing page (decision 020):
 * src/landing/page.html with the `landing` entry's script and stylesheet. The entry is a script,
 * not a second HTML page, so Vite injects nothing into it (its modulepreload polyfill would
 * otherwise become a chunk of its own, shared with the app). */
function landingPage(): Plugin {
  return {
    name: 'bextr-landing-page',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.name === 'landing',
      );
      if (entry?.type !== 'chunk') return this.error('the landing entry was not built');
      const css = [...(entry.viteMetadata?.importedCss ?? [])];
      const tags = [
        `<script type="module" crossorigin src="/${entry.fileName}"></script>`,
        ...css.map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
      ].join('\n    ');
      const page = readFileSync(fileURLToPath(new URL('./src/landing/page.html', import.meta.url)), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'landing.html',
        source: page.replace('<!-- landing assets -->', tags),
      });
    },
  };
}

/** Writes x.br and x.gz next to every script and stylesheet the build emits, compressed once at the
 * highest levels (brotli 11, gzip 9), which the API serves as they are (http/web-app.ts,
 * preCompressed): nothing compresses at request time. A variant that would not be smaller is left
 * out, and the server sends the plain file. HTML is left alone: the server fills it in per request. */
function precompress(): Plugin {
  return {
    name: 'bextr-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(?:m?js|css|svg|json)$/.test(fileName)) continue;
        const raw = readFileSync(path.join(dir, fileName));
        const br = brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(path.join(dir, `${fileName}.br`), br);
        if (gz.length < raw.length) writeFileSync(path.join(dir, `${fileName}.gz`), gz);
      }
    },
  };
}

// The production server sends `script-src 'self'`: nothing here may emit an inline script.
export default defineConfig({
  plugins: [react(), landingPage(), precompress()],
  // Every `import … from 'zod'` (the contracts' too) goes through a module that turns zod's JIT off
  // before any schema is made (see that file): a setting in main.tsx would run after the chunks it
  // imports had already made theirs.
  resolve: {
    alias: [
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/app/zod-jitless.ts', import.meta.url)) },
    ],
  },
  build: {
    // Injected into every HTML page it would become a chunk of its own, shared by the app and the
    // landing page; the app imports it itself (src/main.tsx), the landing script needs none.
    modulePreload: { polyfill: false },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // The app (index.html) and the visitors' landing page's own small script (decision 020; its
      // page is written by landingPage() above).
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        landing: fileURLToPath(new URL('./src/landing/main.ts', import.meta.url)),
      },
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
