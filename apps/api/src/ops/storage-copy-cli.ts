import { statSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { createLocalStorage, StorageUnavailableError } from '../lib/storage.ts';
import { createS3Storage } from '../lib/storage-s3.ts';
import { copyStorage } from './storage-copy.ts';

/** `npm run storage:copy`: copies the uploads in DATA_DIR/uploads into the bucket the S3_* settings
 * name, with the same configuration the server reads. Safe to repeat: what the bucket holds is skipped. */
const describe = (error: unknown): string =>
  error instanceof StorageUnavailableError
    ? `storage unavailable (${describe(error.reason)})`
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);

async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.s3) {
    process.stderr.write('storage:copy needs S3_BUCKET (and the other S3_* settings BeXtr will run with).\n');
    return 2;
  }
  // A wrong DATA_DIR would otherwise "copy" nothing and report success; the operator would then switch
  // to S3 without the images.
  if (!statSync(config.uploadsDir, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(
      `There is no uploads directory at ${config.uploadsDir}: check DATA_DIR (the one BeXtr ran with).\n`,
    );
    return 1;
  }
  const target = `s3://${config.s3.bucket}/${config.s3.prefix}`;
  process.stdout.write(`Copying ${config.uploadsDir} to ${target}\n`);
  const to = createS3Storage(config.s3);
  try {
    const result = await copyStorage(createLocalStorage(config.uploadsDir), to, {
      onListed: (count) => process.stdout.write(`Found ${count} upload files in ${config.uploadsDir}.\n`),
      onProgress: (done, total) => {
        if (done % 500 === 0 || done === total) process.stdout.write(`  ${done}/${total}\n`);
      },
    });
    process.stdout.write(
      `Copied ${result.copied}, already there ${result.skipped}, failed ${result.failed.length}.\n`,
    );
    for (const { key, error } of result.failed)
      process.stderr.write(`  not copied: ${key}: ${describe(error)}\n`);
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    to.close?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`storage:copy failed: ${describe(error)}\n`);
    process.exit(1);
  },
);
