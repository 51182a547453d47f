/** The two sizes of marketplace the bench fills. `heavy` are the offers of the busiest campaigns
 * (skew: the rest are spread over every other campaign that took offers). */
export interface Scale {
  name: 'small' | 'large';
  businesses: number;
  campaigns: number;
  influencers: number;
  offers: number;
  messages: number;
  /** Messages of the one long thread (the first offer's). */
  bigThread: number;
  heavy: number[];
}

export const scales: Record<Scale['name'], Scale> = {
  small: {
    name: 'small',
    businesses: 2_000,
    campaigns: 10_000,
    influencers: 5_000,
    offers: 100_000,
    messages: 200_000,
    bigThread: 10_000,
    heavy: [4_000, 2_500, 1_500, 1_000, 800, 800, 800, 800, 800],
  },
  large: {
    name: 'large',
    businesses: 20_000,
    campaigns: 100_000,
    influencers: 50_000,
    offers: 1_000_000,
    messages: 2_000_000,
    bigThread: 10_000,
    heavy: [30_000, 20_000, 10_000, 5_000, 5_000, 5_000, 5_000, ...Array(10).fill(2_000)],
  },
};

export function scaleOf(name: string | undefined): Scale {
  if (name === 'small' || name === 'large') return scales[name];
  throw new Error(`--scale must be small or large (got ${name ?? 'nothing'})`);
}

/** Everyone the generator makes shares this password (one argon2 hash, computed once per run). */
export const BENCH_PASSWORD = 'bench-Password-2026';
export const benchEmail = (kind: 'business' | 'influencer', n: number) => `${kind}${n}@bench.bextr.test`;

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/bextr_bench';
export const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
