import { useRef } from 'react';
import { newClientId } from '../threads/outbox.ts';

/** A fresh key for one submit of a form (see `CallOptions.idempotencyKey`): made when the form opens
 * and renewed after a success, never per click — two clicks of one submit must share it. A repeated
 * submit gets the first one's answer. (The same random id as a message's client id, which also works
 * where `crypto.randomUUID` is missing: pages served over plain http on a LAN address.) */
export const newIdempotencyKey = (): string => newClientId();

/** The key of a form's next submit: `key()` while it is pending or failed, `renew()` after a success
 * (the next submit is a new item). Made once per mounted form, not on every render. */
export function useSubmitKey(): { key: () => string; renew: () => void } {
  const ref = useRef<{ current: string; key: () => string; renew: () => void } | null>(null);
  if (!ref.current) {
    const state = {
      current: newIdempotencyKey(),
      key: () => state.current,
      renew: () => {
        state.current = newIdempotencyKey();
      },
    };
    ref.current = state;
  }
  return ref.current;
}
