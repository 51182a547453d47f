import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { AUTO_MAX_WORKERS, loadConfig } from './config.ts';
import { startupBanner } from './workers.ts';

const pg = { NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/bextr' };

describe('WEB_CONCURRENCY', () => {
  it('is 1 when unset or empty', () => {
    expect(loadConfig(pg).webConcurrency).toBe(1);
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: '' }).webConcurrency).toBe(1);
  });

  it('takes a whole number, or `auto` for one worker per CPU', () => {
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: '4' }).webConcurrency).toBe(4);
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: ' 2 ' }).webConcurrency).toBe(2);
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: 'auto' }).webConcurrency).toBe(
      Math.min(os.availableParallelism(), AUTO_MAX_WORKERS),
    );
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: 'AUTO' }).webConcurrency).toBe(os.availableParallelism());
  });

  it.each(['0', '-1', '1.5', 'two', '2x', '1e2', 'max', '257'])('refuses %j with the variable named', (v) => {
    expect(() => loadConfig({ ...pg, WEB_CONCURRENCY: v })).toThrow(
      /Invalid configuration:\n {2}WEB_CONCURRENCY: must be a whole number from 1 to 256, or `auto`/,
    );
  });

  it('refuses more than one worker on the embedded database, which serves one process', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', WEB_CONCURRENCY: '2' })).toThrow(
      /WEB_CONCURRENCY: is 2, but the embedded database \(no DATABASE_URL\) serves one process only/,
    );
    expect(loadConfig({ NODE_ENV: 'test', WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1);
  });
});

describe('the startup banner', () => {
  const info = { address: 'http://127.0.0.1:3000', where: 'PostgreSQL', accounts: ['admin  a@b.c'] };

  it('says how many workers serve, when more than one', () => {
    expect(startupBanner(info)).toContain('BeXtr is running at http://127.0.0.1:3000  (data: PostgreSQL)\n');
    expect(startupBanner(info, 4)).toContain('(data: PostgreSQL, 4 workers)');
    expect(startupBanner(info, 4)).toContain('    admin  a@b.c');
  });
});
