import { describe, expect, it } from 'vitest';
import { todayUtc } from './policy.ts';

describe('todayUtc', () => {
  it('answers the UTC day of any moment, the kept day included, across midnight both ways', () => {
    const day = (iso: string) => todayUtc(new Date(iso));
    expect(day('2026-11-28T12:00:00.000Z')).toBe('2026-11-28');
    expect(day('2026-11-28T23:59:59.999Z')).toBe('2026-11-28');
    expect(day('2026-11-29T00:00:00.000Z')).toBe('2026-11-29');
    expect(day('2026-11-28T00:00:00.000Z')).toBe('2026-11-28');
    expect(day('2026-11-27T23:59:59.999Z')).toBe('2026-11-27');
    expect(day('1969-12-31T23:59:59.999Z')).toBe('1969-12-31');
    expect(todayUtc()).toBe(new Date().toISOString().slice(0, 10));
  });
});
