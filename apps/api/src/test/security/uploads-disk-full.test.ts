import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, rmdir, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Upload } from '@bextr/contracts';
import { count } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploads } from '../../db/schema.ts';
import { processImage } from '../../modules/uploads/images.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { buildConversation, postMessage } from '../factories/conversations.ts';
import { multipart, uploadImage } from '../factories/uploads.ts';

/** Argon2 and image work under a loaded machine: generous per-test time. */
const SLOW_MS = 90_000;

/**
 * A disk that fills up, for real: the uploads directory is a 1 MiB tmpfs mounted for this file, so
 * the kernel itself answers ENOSPC (no fake storage). Mounting needs root (CAP_SYS_ADMIN), as on this
 * machine and in CI (.ci/run runs as root); elsewhere the suite is skipped and says why. Under CI
 * (`CI` set) a failed mount fails the file instead: the check must not vanish from CI silently.
 */
const TMPFS_BYTES = 1024 * 1024;
const PAGE = 4096;
const FILLER = 'zz-filler.bin';

let mountDir = '';
let skipReason: string | null = null;
let t: TestApp | undefined;

function tryMount(dir: string): string | null {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a size-limited tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_BYTES},mode=0700`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return null;
  } catch (error) {
    return `mount -t tmpfs failed here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

beforeAll(async () => {
  mountDir = await mkdtemp(path.join(os.tmpdir(), 'bextr-full-disk-'));
  skipReason = tryMount(mountDir);
  if (skipReason && process.env.CI) throw new Error(`the disk-full test cannot run under CI: ${skipReason}`);
  if (skipReason) return;
  t = await createTestApp({ uploadsDir: mountDir });
});

/** Unmounts even when something still holds the mount: a lazy unmount detaches it at once. */
function unmount(dir: string) {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    } catch (error) {
      console.warn(`could not unmount the tmpfs at ${dir}: ${String(error)}`);
    }
  }
}

afterAll(async () => {
  try {
    await t?.close();
  } finally {
    if (mountDir && !skipReason) unmount(mountDir);
    if (mountDir) {
      await rm(path.join(mountDir, FILLER), { force: true });
      await rmdir(mountDir).catch(() => undefined);
    }
  }
});

const app = () => t as TestApp;
const files = async () => (await readdir(mountDir)).filter((f) => f !== FILLER).sort();
const rowCount = async () => (await app().ctx.db.select({ n: count() }).from(uploads))[0]?.n ?? 0;
const freeBytes = async () => {
  const s = await statfs(mountDir);
  return s.bavail * s.bsize;
};
const pages = (bytes: number) => Math.ceil(bytes / PAGE) * PAGE;

/** Fills the tmpfs until exactly `free` bytes are left. */
async function leaveFree(free: number) {
  await rm(path.join(mountDir, FILLER), { force: true });
  await writeFile(path.join(mountDir, FILLER), Buffer.alloc((await freeBytes()) - free, 1));
  expect(await freeBytes()).toBe(free);
}

/** Random pixels: they do not compress, so the re-encoded image and its thumbnail stay large. */
const noise = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();

describe('uploads when the disk is full (a real 1 MiB tmpfs)', { timeout: SLOW_MS }, () => {
  it('507 STORAGE_FULL, no partial file, no row; the rest of the app works; once space is freed the upload works', async (c) => {
    if (skipReason) c.skip(skipReason);
    const { influencer, owner, conversationId } = await buildConversation(app().app);
    const earlier = await uploadImage(influencer.client);
    const image = await noise(300, 300);
    const processed = await processImage(image);
    // The sizes the test relies on: the image needs some pages, its thumbnail more than two.
    expect(processed.data.length).toBeGreaterThan(3 * PAGE);
    expect(processed.thumb.length).toBeGreaterThan(2 * PAGE);
    expect(pages(processed.data.length) + pages(processed.thumb.length)).toBeLessThan(TMPFS_BYTES / 2);

    const before = { files: await files(), rows: await rowCount() };
    const send = () =>
      influencer.client.post<Upload>('/api/v1/uploads', undefined, multipart(image, 'big.png', 'image/png'));
    const full = {
      error: { code: 'STORAGE_FULL', message: 'We cannot store files right now. Please try again later.' },
    };
    const expectNothingLeft = async () => {
      expect(await files()).toEqual(before.files);
      expect(await rowCount()).toBe(before.rows);
    };

    // 1. The image itself does not fit: its temporary file is cut short by the kernel and removed.
    await leaveFree(2 * PAGE);
    const noRoom = await send();
    expect(noRoom.status).toBe(507);
    expect(noRoom.body).toEqual(full);
    await expectNothingLeft();

    // 2. The image fits but its thumbnail does not: the image already written is removed again.
    await leaveFree(pages(processed.data.length) + 2 * PAGE);
    const half = await send();
    expect(half.status).toBe(507);
    expect(half.body).toEqual(full);
    await expectNothingLeft();

    // 3. While the disk is full, everything that does not write a file keeps working.
    await leaveFree(0);
    expect((await influencer.client.get('/api/v1/auth/me')).status).toBe(200);
    const served = await influencer.client.get(earlier.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    const message = await postMessage(owner.client, conversationId, {
      body: 'The disk is full, we are not.',
    });
    expect(message.body).toBe('The disk is full, we are not.');
    expect((await influencer.client.get(`/api/v1/conversations/${conversationId}/messages`)).status).toBe(
      200,
    );
    expect((await send()).status).toBe(507);
    await expectNothingLeft();

    // 4. Space freed: the very same upload goes through and is served.
    await rm(path.join(mountDir, FILLER));
    const stored = await send();
    expect(stored.status).toBe(201);
    expect(await files()).toEqual(
      [...before.files, `${stored.body.id}.png`, `${stored.body.id}.thumb.webp`].sort(),
    );
    expect(await rowCount()).toBe(before.rows + 1);
    expect((await influencer.client.get(stored.body.url)).status).toBe(200);
  });
});
