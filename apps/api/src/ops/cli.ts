import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { codeMigrationLevel } from './dump-format.ts';
import { exportData } from './export.ts';
import { importData } from './import.ts';

/** `npm run data:export -- --out <file>` and `npm run data:import -- --in <file> [--replace]`: move
 * BeXtr's data between databases (embedded PGlite → PostgreSQL, typically). Both read the same
 * configuration as the server (DATA_DIR, DATABASE_URL). */

const USAGE = `usage:
  npm run data:export -- --out <file> [--ignore-lock]
  npm run data:import -- --in <file> [--replace] [--ignore-lock]

The database is the configured one: DATABASE_URL when set, else the embedded one in DATA_DIR/pglite.
Stop BeXtr before exporting from (or importing into) the embedded database.`;

function table(rows: Record<string, number>): string {
  const width = Math.max(...Object.keys(rows).map((t) => t.length), 5);
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const lines = Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `  ${t.padEnd(width)}  ${String(n).padStart(8)}`);
  return [
    ...lines,
    `  ${'total'.padEnd(width)}  ${String(total).padStart(8)}  (${Object.keys(rows).length} tables)`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      in: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'ignore-lock': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  // Where the uploaded files are, which the dump does not hold.
  const uploads = config.s3
    ? `the S3 bucket ${config.s3.bucket}${config.s3.prefix ? ` (prefix ${config.s3.prefix})` : ''}`
    : config.uploadsDir;
  if (command === 'export' && values.out) {
    const result = await exportData({
      target: config.database,
      out: path.resolve(values.out),
      ignoreLock: values['ignore-lock'],
    });
    process.stdout.write(
      `Exported to ${result.file} (migration ${result.migration.tag}):\n${table(result.rows)}\n`,
    );
    if (result.migration.when !== codeMigrationLevel().when)
      process.stdout.write(
        `Note: this code is at migration ${codeMigrationLevel().tag}; import the file with the BeXtr version at migration ${result.migration.tag}.\n`,
      );
    process.stdout.write(
      config.s3
        ? `Uploaded files are not in the file: they stay in ${uploads}.\n`
        : `Uploaded files are not in the file: they stay in ${uploads} — copy that directory too.\n`,
    );
    return 0;
  }
  if (command === 'import' && values.in) {
    const result = await importData({
      target: config.database,
      input: path.resolve(values.in),
      replace: values.replace,
      ignoreLock: values['ignore-lock'],
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(
      `Imported (migration ${result.migration.tag}${result.replaced ? ', replacing the earlier data' : ''}); rows now in the database:\n${table(result.rows)}\n`,
    );
    process.stdout.write(`Uploaded files are not in the file: BeXtr reads them from ${uploads}.\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
