import { once } from 'node:events';
import { createReadStream, readFileSync, type WriteStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { migrationsFolder } from '../db/migrate.ts';

/** The data dump moved between databases (`npm run data:export` / `data:import`): gzip'd JSON lines.
 *
 *   1. a header `{format, version, createdAt, source, migration}`
 *   2. per table: `{"table": name, "columns": [...]}`, then one JSON array per row
 *   3. `{"sequences": [{name, lastValue, isCalled}]}`
 *   4. a footer `{"end": true, "rows": {table: count}}` — its absence means the file was cut short
 *
 * Every value is PostgreSQL's own text form of it (`col::text`, under fixed session settings) or
 * null, and goes back in through the column type's input function: bytea, timestamps, json, arrays
 * and floats come back exactly, with no JavaScript conversion in between. */
export const DUMP_FORMAT = 'bextr-data-dump';
export const DUMP_VERSION = 1;

/** Session settings both sides run under, so the text forms are unambiguous and exact. */
export const SESSION_SETTINGS = [
  "set TimeZone = 'UTC'",
  "set DateStyle = 'ISO, YMD'",
  "set IntervalStyle = 'postgres'",
  'set extra_float_digits = 3',
  "set bytea_output = 'hex'",
];

export interface MigrationLevel {
  /** The journal tag of the last applied migration, e.g. "0009_idempotency_profile_items". */
  tag: string;
  /** Its journal timestamp: what drizzle stores as `created_at` in `drizzle.__drizzle_migrations`. */
  when: number;
}

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migration: MigrationLevel;
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export type DumpValue = string | null;

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(): JournalEntry[] {
  const file = path.join(migrationsFolder, 'meta', '_journal.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The level this code migrates to: the last entry of the migrations journal. */
export function codeMigrationLevel(): MigrationLevel {
  const last = journal().at(-1);
  if (!last) throw new Error('the migrations journal is empty');
  return { tag: last.tag, when: last.when };
}

/** The journal tag of an applied migration, from drizzle's `created_at` (null if this code lacks it). */
export function tagOfMigration(when: number): string | null {
  return journal().find((e) => e.when === when)?.tag ?? null;
}

/** Writes a dump line by line, gzip'd, honouring back-pressure, into a file the caller opened (see
 * `createDumpFile`). A write error (disk full) fails the next `write` or `finish`, never the process. */
export class DumpWriter {
  private readonly gzip = createGzip();
  private readonly file: WriteStream;
  private readonly done: Promise<unknown>;

  constructor(handle: FileHandle) {
    // flush: fsync before the close, so "Exported" is printed only for a file that is on the disk.
    // The stream closes the handle when it ends or is destroyed.
    this.file = handle.createWriteStream({ flush: true });
    this.gzip.pipe(this.file);
    this.done = new Promise((resolve, reject) => {
      this.file.on('close', () => resolve(undefined));
      this.file.on('error', reject);
      this.gzip.on('error', reject);
    });
    // Nobody may be awaiting `done` when the error comes: the next write or finish reports it.
    this.done.catch(() => {});
  }

  async write(line: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(line)}\n`))
      await Promise.race([once(this.gzip, 'drain'), this.done]);
    if (this.file.errored || this.gzip.errored) await this.done;
  }

  async finish(): Promise<void> {
    this.gzip.end();
    await this.done;
  }

  /** Stops writing and closes the file; the caller removes it. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.file.destroy();
    await this.done.catch(() => {});
  }
}

/** Creates the dump file before anything is read: 'wx' never overwrites an existing file (an earlier
 * dump, say); 0600 because it holds password hashes, sessions and second-factor secrets, like the
 * database itself. A missing directory or a refused write is a one-line message, not a stack. */
export async function createDumpFile(filePath: string): Promise<FileHandle> {
  try {
    return await open(filePath, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new Error(`${filePath} exists already: choose another name (nothing is overwritten)`);
    if (code === 'ENOENT')
      throw new Error(`cannot write ${filePath}: the directory ${path.dirname(filePath)} does not exist`);
    throw new Error(`cannot write ${filePath}: ${(err as Error).message}`);
  }
}

/** A dump file that cannot be read as one: cut short, not gzip, not JSON lines, wrong shape. */
export class DumpFormatError extends Error {}

export type DumpEvent =
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; values: DumpValue[] }
  | { kind: 'sequences'; sequences: SequenceState[] }
  | { kind: 'end'; rows: Record<string, number> };

function isRow(value: unknown): value is DumpValue[] {
  return Array.isArray(value) && value.every((v) => v === null || typeof v === 'string');
}

/** Reads a dump: the header first, then every line as an event, checking the shape as it goes (a row
 * outside a table, a row of the wrong width, anything after the footer, no footer at all). */
export async function* readDump(filePath: string): AsyncGenerator<DumpHeader | DumpEvent> {
  const gunzip = createGunzip();
  const file = createReadStream(filePath);
  // pipe() does not pass on the file's errors (no such file): hand them to the stream readline reads.
  file.on('error', (err) => gunzip.destroy(err));
  const lines = readline.createInterface({
    input: file.pipe(gunzip),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNo = 0;
  let width = -1;
  let ended = false;
  const fail = (why: string): never => {
    throw new DumpFormatError(`${filePath}, line ${lineNo}: ${why}`);
  };
  try {
    for await (const text of lines) {
      lineNo += 1;
      if (ended) fail('data after the end of the dump');
      let line: unknown;
      try {
        line = JSON.parse(text);
      } catch {
        fail('not a JSON line (the file is damaged)');
      }
      if (lineNo === 1) {
        const header = line as Partial<DumpHeader> | null;
        if (header?.format !== DUMP_FORMAT) fail('not a BeXtr data dump');
        if (header?.version !== DUMP_VERSION)
          fail(`dump format version ${header?.version} (this code reads version ${DUMP_VERSION})`);
        if (typeof header?.migration?.tag !== 'string' || typeof header.migration.when !== 'number')
          fail('the header names no migration level');
        yield header as DumpHeader;
        continue;
      }
      if (isRow(line)) {
        if (width < 0) fail('a row outside any table');
        if (line.length !== width) fail(`a row of ${line.length} values in a table of ${width} columns`);
        yield { kind: 'row', values: line };
        continue;
      }
      const obj = line as Record<string, unknown>;
      if (typeof obj?.table === 'string' && Array.isArray(obj.columns)) {
        width = obj.columns.length;
        yield { kind: 'table', table: obj.table, columns: obj.columns as string[] };
      } else if (Array.isArray(obj?.sequences)) {
        width = -1;
        yield { kind: 'sequences', sequences: obj.sequences as SequenceState[] };
      } else if (obj?.end === true && typeof obj.rows === 'object' && obj.rows) {
        ended = true;
        yield { kind: 'end', rows: obj.rows as Record<string, number> };
      } else fail('a line of unknown shape');
    }
  } catch (err) {
    if (err instanceof DumpFormatError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new DumpFormatError(`${filePath}: no such file`);
    // zlib: Z_BUF_ERROR = cut short, Z_DATA_ERROR = not gzip or damaged.
    throw new DumpFormatError(
      `${filePath}: ${code === 'Z_BUF_ERROR' ? 'the file is cut short' : `not a gzip'd BeXtr dump, or damaged (${(err as Error).message})`}`,
    );
  }
  if (lineNo === 0) throw new DumpFormatError(`${filePath}: empty`);
  if (!ended)
    throw new DumpFormatError(`${filePath}: the file is cut short (no end marker after line ${lineNo})`);
}
