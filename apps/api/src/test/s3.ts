import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { S3Settings } from '../config.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiDir = path.resolve(here, '../..');
const runner = path.join(here, 's3rver-process.ts');

// The SDK warns once per process that its releases after January 2027 need Node 22 (we run Node 20
// with client-s3 pinned, see decision 008). Production shows it; test output need not.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface TestS3 {
  /** Settings of a fresh, empty bucket on the server, as config.ts builds them from S3_*. */
  settings(overrides?: Partial<S3Settings>): S3Settings;
  endpoint: string;
  /** Freezes the server (SIGSTOP): connections are accepted by the kernel, never answered. */
  pause(): void;
  resume(): void;
  /** Ends the server: its port then refuses connections. */
  stop(): Promise<void>;
}

/** A real S3-protocol server (s3rver) on 127.0.0.1 and a random port, in a process of its own (see
 * s3rver-process.ts), storing in a temp directory removed by `stop`. Each `settings()` call names
 * one of its `bucketCount` empty buckets, so tests never share objects. */
export async function startS3rver(bucketCount = 4): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'bextr-s3rver-'));
  const names = Array.from({ length: bucketCount }, (_, i) => `bextr-test-${i}`);
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '--import', 'tsx', runner, JSON.stringify({ directory, buckets: names })],
    {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`s3rver exited (${code}): ${stderr}`)));
    });
    const endpoint = `http://127.0.0.1:${port}`;
    let used = 0;
    return {
      endpoint,
      settings(overrides = {}) {
        const bucket = names[used++];
        if (!bucket) throw new Error(`startS3rver(${bucketCount}) made ${bucketCount} buckets: ask for more`);
        return {
          bucket,
          endpoint,
          region: 'us-east-1',
          forcePathStyle: true,
          prefix: '',
          // s3rver's fixed credentials: it checks request signatures as S3 does.
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          ...overrides,
        };
      },
      pause() {
        child.kill('SIGSTOP');
      },
      resume() {
        child.kill('SIGCONT');
      },
      async stop() {
        if (child.exitCode === null) {
          child.kill('SIGCONT');
          const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.kill('SIGTERM');
          await exited;
          clearTimeout(force);
        }
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/** An endpoint where object storage is away: `refused` = nothing listens on the port; `silent` =
 * connections are accepted and never answered (a hung server or a blackholing firewall). */
export async function startDeadEndpoint(mode: 'refused' | 'silent') {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  if (mode === 'refused') await close();
  return { endpoint: `http://127.0.0.1:${port}`, close: mode === 'refused' ? async () => {} : close };
}
