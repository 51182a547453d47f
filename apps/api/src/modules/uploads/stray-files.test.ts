import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import { buildInfluencer } from '../../test/factories/users.ts';
import { STRAY_ALARM_MIN, sweepStrayFiles } from './sweep.ts';

/** Files a killed process wrote without committing their upload row (see the faults suite, which
 * kills the real server mid-upload): removed once past the grace period, never a file with a row. */
describe('stray upload files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const sweep = () => sweepStrayFiles(t.ctx);
  const files = async () => (await readdir(t.config.uploadsDir)).sort();
  const backdate = async (name: string) => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path.join(t.config.uploadsDir, name), hourAgo, hourAgo);
  };

  it('removes old files no row names and old half-written temporaries; keeps every file with a row', async () => {
    const owner = await buildInfluencer(t.app);
    const kept = await uploadImage(owner.client);
    const mine = await files();
    for (const name of mine) await backdate(name);
    const strays = ['01STRAYstraystra.png', '01STRAYstraystra.thumb.webp', '.tmp-0123456789abcdef'];
    for (const name of strays) {
      await writeFile(path.join(t.config.uploadsDir, name), 'half');
      await backdate(name);
    }
    expect(await sweep()).toBe(3);
    expect(await files()).toEqual(mine);
    expect(mine.filter((f) => f.startsWith(`${kept.id}.`))).toHaveLength(2);
  });

  it("never removes files of another kind, however old: the directory may hold someone else's", async () => {
    const foreign = ['logo.png', 'backup.tar.gz', 'notes.txt', '01SHORT.png', '01STRAYstraystra.gif'];
    for (const name of foreign) {
      await writeFile(path.join(t.config.uploadsDir, name), 'not an upload');
      await backdate(name);
    }
    expect(await sweepStrayFiles(t.ctx, { graceMs: 0 })).toBe(0);
    expect(await files()).toEqual(expect.arrayContaining(foreign));
  });

  it('leaves a fresh file without a row alone: its upload may still be committing', async () => {
    const fresh = '01FRESHfreshfres.png';
    await writeFile(path.join(t.config.uploadsDir, fresh), 'in flight');
    expect(await sweep()).toBe(0);
    expect(await files()).toContain(fresh);
  });

  it('removes nothing but temporaries when most files have no row (storage of another database)', async () => {
    // A new, empty DATABASE_URL started with the old DATA_DIR: every image would look stray.
    const errors: unknown[] = [];
    const log = { ...t.ctx.log, error: (...args: unknown[]) => errors.push(args) } as typeof t.ctx.log;
    const withRow = (await files()).filter((f) => !f.startsWith('.tmp-')).length;
    const foreign = Array.from(
      { length: Math.max(STRAY_ALARM_MIN, withRow) + 1 },
      (_, i) => `01FOREIGN${String(i).padStart(7, '0')}.webp`,
    );
    for (const name of [...foreign, '.tmp-fedcba9876543210']) {
      await writeFile(path.join(t.config.uploadsDir, name), 'an image of another database');
      await backdate(name);
    }
    expect(await sweepStrayFiles({ ...t.ctx, log })).toBe(1);
    const left = await files();
    expect(left).toEqual(expect.arrayContaining(foreign));
    expect(left).not.toContain('.tmp-fedcba9876543210');
    expect(JSON.stringify(errors)).toContain('no upload row');
  });
});
