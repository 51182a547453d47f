import { rateLimited } from '../http/errors.ts';

export interface LimitRule {
  /** Attempts allowed per window before RATE_LIMIT_SCALE is applied. */
  max: number;
  windowSeconds: number;
}

/** Fixed-window counters kept in this process. Issue #11 moves the shared ones to PostgreSQL. */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly scale: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for each key; throws 429 with Retry-After when any is over its limit. */
  hit(rule: LimitRule, ...keys: string[]): void {
    const max = Math.max(1, Math.floor(rule.max * this.scale));
    const now = this.now();
    let retryAfter = 0;
    for (const key of keys) {
      let window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
        this.windows.set(key, window);
      }
      window.count += 1;
      if (window.count > max) retryAfter = Math.max(retryAfter, Math.ceil((window.resetAt - now) / 1000));
    }
    if (this.windows.size > 50_000) this.sweep(now);
    if (retryAfter > 0) throw rateLimited(retryAfter);
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export const limits = {
  loginPerIp: { max: 30, windowSeconds: 15 * 60 },
  /** One address guessing one account is stopped soon; the owner elsewhere is not locked out… */
  loginPerAccountIp: { max: 10, windowSeconds: 15 * 60 },
  /** …until guesses from many addresses add up (a distributed attack), and then only for a while. */
  loginPerAccount: { max: 100, windowSeconds: 15 * 60 },
  /** Guesses of the current password by a signed-in session (a stolen cookie). */
  passwordChangePerUser: { max: 10, windowSeconds: 15 * 60 },
  registerPerIp: { max: 10, windowSeconds: 60 * 60 },
  resetPerIp: { max: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { max: 5, windowSeconds: 60 * 60 },
  resendPerAccount: { max: 5, windowSeconds: 60 * 60 },
  /** Guesses of an admin's second factor (6 digits: a million codes, three of them good at a time). */
  secondFactorPerUser: { max: 10, windowSeconds: 15 * 60 },
  secondFactorPerIp: { max: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, LimitRule>;

/** The part of a client address a limit counts by: an IPv4 address as it is; an IPv6 address by its
 * /64 network, since one subscriber usually holds a whole /64 and can take any address inside it. */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  const network = groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
  return `${network.join(':')}::/64`;
}
