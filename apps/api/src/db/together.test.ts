import { describe, expect, it } from 'vitest';
import { together } from './together.ts';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('together: statements a transaction issued at once', () => {
  it('answers every result in order', async () => {
    expect(await together([later(5, 'a'), Promise.resolve(2)])).toEqual(['a', 2]);
  });

  it('throws the first failure only once every branch has settled (no rollback while one still sends)', async () => {
    const done: string[] = [];
    const failing = Promise.reject(new Error('first'));
    const slow = later(20, 'slow').then((v) => {
      done.push(v);
      return v;
    });
    const second = later(5, null).then(() => {
      throw new Error('second');
    });
    await expect(together([failing, slow, second])).rejects.toThrow('first');
    expect(done).toEqual(['slow']);
  });
});
