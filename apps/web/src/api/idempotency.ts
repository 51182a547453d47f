import { newClientId } from '../threads/outbox.ts';

/** A fresh key for one submit of a form (see `CallOptions.idempotencyKey`): made when the form opens
 * and renewed after a success, never per click — two clicks of one submit must share it. A repeated
 * submit gets the first one's answer. (The same random id as a message's client id, which also works
 * where `crypto.randomUUID` is missing: pages served over plain http on a LAN address.) */
export const newIdempotencyKey = (): string => newClientId();
