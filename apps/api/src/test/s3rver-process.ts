// Runs s3rver in a process of its own for the tests (test/s3.ts starts it): s3rver 3.7.1 makes
// ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3 offers only with
// `--openssl-legacy-provider` — a flag for this process, not for the test workers.
// argv[2]: {"directory": "...", "buckets": ["..."]}. Prints {"port": N} once listening.
import S3rver from 's3rver';

const { directory, buckets } = JSON.parse(process.argv[2] ?? '{}') as {
  directory: string;
  buckets: string[];
};
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on('SIGTERM', () => {
  server.httpServer?.closeAllConnections();
  void server.close().then(() => process.exit(0));
});
