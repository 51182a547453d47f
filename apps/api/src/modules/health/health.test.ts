import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('GET /health/live answers 200 while the process runs', async () => {
    const res = await browser(t.app).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 200 while the database answers', async () => {
    const res = await browser(t.app).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 503 once the database is gone, while live stays 200', async () => {
    const own = await createTestApp();
    try {
      const client = browser(own.app);
      expect((await client.get('/health/ready')).status).toBe(200);
      await own.database.close();
      const ready = await client.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable' });
      expect((await client.get('/health/live')).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
