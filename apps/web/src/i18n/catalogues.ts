import type { Locale } from '@bextr/contracts';
import { en, type Messages } from './messages/en.ts';
import { sk } from './messages/sk.ts';

export const catalogues: Record<Locale, Messages> = { en, sk };
export type { Messages };
