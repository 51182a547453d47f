import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { type UploadRow, uploadLinks, uploads } from '../../db/schema.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { orFirstWithKey } from '../../http/idempotency.ts';
import { type Storage, StorageUnavailableError } from '../../lib/storage.ts';
import { extensionOf, processImage } from './images.ts';
import { uploadVisibleTo } from './policy.ts';

interface Actor {
  id: string;
  role: string;
}

/** Stores an image for its owner: checked, re-encoded, written under server-made keys, then
 * recorded. A refusal or failure at any step leaves no file and no row behind. */
export async function storeImage(
  ctx: { db: AppContext['db']; storage: Storage },
  opts: { ownerId: string; data: Buffer; clientKey?: string | null },
): Promise<UploadRow> {
  const image = await processImage(opts.data);
  // A repeated upload (same Idempotency-Key) gets the upload the first one stored.
  return orFirstWithKey(writeUpload(ctx, opts.ownerId, image, opts.clientKey ?? null), {
    clientKey: opts.clientKey,
    constraint: 'uploads_client_key',
    first: async (clientKey) => {
      const [first] = await ctx.db
        .select()
        .from(uploads)
        .where(and(eq(uploads.ownerId, opts.ownerId), eq(uploads.clientKey, clientKey)));
      return first;
    },
  });
}

/** The files, then the row; on any failure the files are removed again before the error goes on. */
async function writeUpload(
  ctx: { db: AppContext['db']; storage: Storage },
  ownerId: string,
  image: Awaited<ReturnType<typeof processImage>>,
  clientKey: string | null,
): Promise<UploadRow> {
  const id = newId();
  const storageKey = `${id}.${extensionOf[image.contentType]}`;
  const thumbKey = `${id}.thumb.webp`;
  try {
    await ctx.storage.put(storageKey, image.data);
    await ctx.storage.put(thumbKey, image.thumb);
    const [row] = await ctx.db
      .insert(uploads)
      .values({
        id,
        ownerId,
        clientKey,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        bytes: image.data.length,
        storageKey,
        thumbKey,
      })
      .returning();
    if (!row) throw new Error('upload row not written');
    return row;
  } catch (error) {
    const cleanup = Promise.allSettled([ctx.storage.remove(storageKey), ctx.storage.remove(thumbKey)]);
    // With the storage away each removal would wait out its own deadline: answer the 503 now and let
    // them finish behind it; what they miss, the stray-file sweep removes (sweep.ts).
    if (!(error instanceof StorageUnavailableError)) await cleanup;
    throw error;
  }
}

/** The bytes of an upload the actor may see (the owner, or a viewer of what it is attached to). */
export async function readUpload(
  ctx: AppContext,
  opts: { actor: Actor | null; id: string; size: 'full' | 'thumb' },
) {
  const [row] = await ctx.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, opts.id), uploadVisibleTo(opts.actor)))
    .limit(1);
  if (!row) throw notFound();
  const thumb = opts.size === 'thumb';
  const data = await ctx.storage.get(thumb ? row.thumbKey : row.storageKey);
  if (!data) throw notFound();
  return { row, data, contentType: thumb ? 'image/webp' : row.contentType };
}

type Via = 'avatar' | 'portfolio' | 'insight' | 'cover' | 'logo' | 'message' | 'proof' | 'evidence';
type SubjectType =
  | 'influencer_profile'
  | 'campaign'
  | 'business_profile'
  | 'conversation'
  | 'collaboration'
  | 'report';

/** Points the uploads of one field (an avatar, a portfolio item's images, an insight's screenshots)
 * at an influencer profile, replacing what that field linked before. Each id must be one of the
 * owner's own uploads, else a field error names it. */
export async function linkUploads(
  tx: Tx,
  opts: { ownerId: string; via: Via; viaId: string; uploadIds: readonly string[]; path: string },
) {
  const ids = [...new Set(opts.uploadIds)];
  const index = await firstNotOwned(tx, opts.ownerId, opts.uploadIds);
  if (index >= 0)
    throw fieldError(opts.via === 'avatar' ? opts.path : `${opts.path}.${index}`, 'upload_unknown');
  await replaceLinks(tx, {
    subjectType: 'influencer_profile',
    subjectId: opts.ownerId,
    via: opts.via,
    viaId: opts.viaId,
    uploadIds: ids,
  });
}

/** Points one image field of a campaign (`cover`) or a business profile (`logo`) at an upload,
 * replacing the field's previous link; null removes it. The upload must be the owner's own, else a
 * 400 field error `upload_not_yours` at `path`. Call it inside the transaction that saves the field. */
export async function linkSingleUpload(
  tx: Tx,
  opts: {
    ownerId: string;
    subjectType: 'campaign' | 'business_profile';
    subjectId: string;
    via: 'cover' | 'logo';
    uploadId: string | null;
    path: string;
  },
) {
  const ids = opts.uploadId ? [opts.uploadId] : [];
  if ((await firstNotOwned(tx, opts.ownerId, ids)) >= 0) throw fieldError(opts.path, 'upload_not_yours');
  await replaceLinks(tx, { ...opts, viaId: opts.subjectId, uploadIds: ids });
}

/** Attaches the owner's uploads to an object via one of its parts (a message, a proof, a report):
 * each id must be one of the owner's own uploads, else a 400 field error `upload_unknown` at
 * `<path>.<index>`. Call it inside the transaction that stores the part. */
async function linkOwnedUploads(
  tx: Tx,
  opts: {
    ownerId: string;
    subjectType: SubjectType;
    subjectId: string;
    via: Via;
    viaId: string;
    uploadIds: readonly string[];
    path: string;
  },
) {
  const index = await firstNotOwned(tx, opts.ownerId, opts.uploadIds);
  if (index >= 0) throw fieldError(`${opts.path}.${index}`, 'upload_unknown');
  await replaceLinks(tx, {
    subjectType: opts.subjectType,
    subjectId: opts.subjectId,
    via: opts.via,
    viaId: opts.viaId,
    uploadIds: [...new Set(opts.uploadIds)],
  });
}

/** Attaches uploads to a message of a thread: linked to the conversation (its members may load them),
 * via the message. Each id must be one of the sender's own uploads, else a 400 field error
 * `upload_unknown` at `attachmentIds.<index>`. Call it inside the transaction that stores the message. */
export function linkMessageUploads(
  tx: Tx,
  opts: { senderId: string; conversationId: string; messageId: string; uploadIds: readonly string[] },
) {
  return linkOwnedUploads(tx, {
    ownerId: opts.senderId,
    subjectType: 'conversation',
    subjectId: opts.conversationId,
    via: 'message',
    viaId: opts.messageId,
    uploadIds: opts.uploadIds,
    path: 'attachmentIds',
  });
}

/** Attaches screenshots to a deliverable's proof: linked to the collaboration (its two sides may load
 * them), via the proof. Each id must be one of the influencer's own uploads, else a 400 field error
 * `upload_unknown` at `uploadIds.<index>`. Call it inside the transaction that stores the proof. */
export function linkProofUploads(
  tx: Tx,
  opts: { ownerId: string; collaborationId: string; proofId: string; uploadIds: readonly string[] },
) {
  return linkOwnedUploads(tx, {
    ownerId: opts.ownerId,
    subjectType: 'collaboration',
    subjectId: opts.collaborationId,
    via: 'proof',
    viaId: opts.proofId,
    uploadIds: opts.uploadIds,
    path: 'uploadIds',
  });
}

/** Attaches a report's evidence images: linked to the report (its reporter, as their owner, and the
 * admins may load them — never the reported party), via the report itself. Each id must be one of the
 * reporter's own uploads, else a 400 field error `upload_unknown` at `evidenceUploadIds.<index>`.
 * Call it inside the transaction that stores the report. */
export async function linkReportEvidence(
  tx: Tx,
  opts: { reporterId: string; reportId: string; uploadIds: readonly string[] },
) {
  if (opts.uploadIds.length === 0) return;
  await linkOwnedUploads(tx, {
    ownerId: opts.reporterId,
    subjectType: 'report',
    subjectId: opts.reportId,
    via: 'evidence',
    viaId: opts.reportId,
    uploadIds: opts.uploadIds,
    path: 'evidenceUploadIds',
  });
}

/** The index of the first id that is not one of the owner's uploads, or -1. The rows found stay
 * `FOR KEY SHARE` until the caller commits, so the orphan sweep (sweep.ts) skips them; one it is
 * deleting right now is waited for and then not found. */
async function firstNotOwned(tx: Tx, ownerId: string, uploadIds: readonly string[]) {
  if (uploadIds.length === 0) return -1;
  const owned = await tx
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(inArray(uploads.id, [...new Set(uploadIds)]), eq(uploads.ownerId, ownerId)))
    .for('key share');
  const ownedIds = new Set(owned.map((r) => r.id));
  return uploadIds.findIndex((id) => !ownedIds.has(id));
}

async function replaceLinks(
  tx: Tx,
  opts: {
    subjectType: SubjectType;
    subjectId: string;
    via: Via;
    viaId: string;
    uploadIds: readonly string[];
  },
) {
  await unlinkUploads(tx, { via: opts.via, viaIds: [opts.viaId] });
  if (opts.uploadIds.length === 0) return;
  await tx.insert(uploadLinks).values(
    opts.uploadIds.map((uploadId) => ({
      uploadId,
      subjectType: opts.subjectType,
      subjectId: opts.subjectId,
      via: opts.via,
      viaId: opts.viaId,
    })),
  );
}

export async function unlinkUploads(tx: Tx, opts: { via: Via; viaIds: readonly string[] }) {
  if (opts.viaIds.length === 0) return;
  await tx
    .delete(uploadLinks)
    .where(and(eq(uploadLinks.via, opts.via), inArray(uploadLinks.viaId, [...opts.viaIds])));
}
