/**
 * The URL's filters as an API query: empty ones and whatever the schema's field rejects are left out.
 * `toApi` converts a URL value to the API's form first (e.g. euros to cents).
 */
export function validFilters<K extends string>(
  keys: readonly K[],
  filters: Record<K, string>,
  shape: Record<K, { safeParse: (value: unknown) => { success: boolean } }>,
  toApi: Partial<Record<K, (value: string) => string>> = {},
): Partial<Record<K, string>> {
  const query: Partial<Record<K, string>> = {};
  for (const key of keys) {
    if (!filters[key]) continue;
    const value = toApi[key]?.(filters[key]) ?? filters[key];
    if (shape[key].safeParse(value).success) query[key] = value;
  }
  return query;
}
