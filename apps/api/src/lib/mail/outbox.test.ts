import { describe, expect, it } from 'vitest';
import { backoffSeconds } from './outbox.ts';

describe('backoffSeconds', () => {
  it('waits 5 s after the first failure and doubles after each next one', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffSeconds)).toEqual([5, 10, 20, 40, 80, 160]);
  });

  it('treats a count below one as the first failure', () => {
    expect(backoffSeconds(0)).toBe(5);
    expect(backoffSeconds(-3)).toBe(5);
  });

  it('never waits longer than an hour, however many failures', () => {
    expect(backoffSeconds(10)).toBe(2560);
    expect(backoffSeconds(11)).toBe(3600);
    expect(backoffSeconds(1000)).toBe(3600);
  });

  it('never shortens the wait as failures pile up', () => {
    for (let n = 1; n < 40; n++) expect(backoffSeconds(n + 1)).toBeGreaterThanOrEqual(backoffSeconds(n));
  });
});
