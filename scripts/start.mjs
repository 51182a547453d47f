// `npm start`: build the web app when it is missing or older than its sources, then run the
// server (which migrates the database and serves web app + API) in this same process, so
// SIGTERM reaches it directly — or, with WEB_CONCURRENCY > 1, the primary of that many worker
// processes (apps/api/src/start.ts decides).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureWebBuild, root } from './web-build.mjs';

// `--no-web-build`: the caller built it (npm run cluster builds once for all its processes, so none
// of them rebuilds under the others' feet when a source changes while they run).
if (!process.argv.includes('--no-web-build')) ensureWebBuild();

const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(path.join(root, 'apps/api/src/start.ts')).href);
