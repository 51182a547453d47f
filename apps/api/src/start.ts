// What `npm start` runs once scripts/start.mjs has built the web app and registered tsx:
// WEB_CONCURRENCY=1 (the default) runs the server in this process; more makes this process the
// node:cluster primary of that many workers (workers.ts), which opens no database itself.
import { type Config, loadConfig } from './config.ts';
import { runPrimary } from './workers.ts';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  process.stderr.write(`BeXtr failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
if (config.webConcurrency > 1) runPrimary(config);
else await import('./main.ts');
