/** A fresh key for one submit of a form (see `CallOptions.idempotencyKey`): made when the form opens
 * and renewed after a success, never per click — two clicks of one submit must share it. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
