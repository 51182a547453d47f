import { isUploadFileKey, type Storage } from '../lib/storage.ts';

export interface CopyResult {
  copied: number;
  /** Already in the target under the same key: keys are server-made and never rewritten. */
  skipped: number;
  failed: { key: string; error: unknown }[];
}

/** How many objects are copied at once. */
const PARALLEL = 8;

/** Copies every stored upload file from one storage to another (DATA_DIR/uploads into a bucket),
 * skipping keys the target already holds, so it can run while BeXtr still serves from the source and
 * again after it stopped, each run copying only what is new. Nothing is deleted anywhere; half-written
 * temporaries (`.tmp-…`) are not uploads and stay behind. */
export async function copyStorage(
  from: Storage,
  to: Storage,
  opts: {
    /** How many upload files the source holds, once listed. */
    onListed?: (count: number) => void;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<CopyResult> {
  if (!from.list || !to.list) throw new Error('both storages must be listable');
  const present = new Set((await to.list()).map((o) => o.key));
  const keys = (await from.list()).map((o) => o.key).filter(isUploadFileKey);
  opts.onListed?.(keys.length);
  const todo = keys.filter((key) => !present.has(key));
  const result: CopyResult = { copied: 0, skipped: keys.length - todo.length, failed: [] };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < todo.length; i = next++) {
      const key = todo[i] as string;
      try {
        const data = await from.get(key);
        // Removed from the source since it was listed (the orphan sweep): nothing to copy.
        if (data) {
          await to.put(key, data);
          result.copied += 1;
        }
      } catch (error) {
        result.failed.push({ key, error });
      }
      opts.onProgress?.(result.copied + result.failed.length, todo.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return result;
}
