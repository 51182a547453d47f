/** Waits for statements a transaction issued together (they share a round trip on PostgreSQL:
 * db/client.ts) and answers their results, or throws the first failure once every one has settled.
 * Unlike `Promise.all`, it never lets the transaction roll back — and its connection go back to the
 * pool — while another branch still has statements to send on it. */
export async function together<T extends readonly unknown[]>(
  branches: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(branches);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
