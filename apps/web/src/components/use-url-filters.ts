import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Each filter key as a string ('' when absent). */
export type UrlFilters<K extends string> = Record<K, string>;

/** Reads the given filter keys from search params; missing ones become ''. */
export function filtersFrom<K extends string>(keys: readonly K[], params: URLSearchParams): UrlFilters<K> {
  return Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as UrlFilters<K>;
}

/** The URL's current filters, plus a key that changes whenever the search params do. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params] = useSearchParams();
  return { filters: filtersFrom(keys, params), paramsKey: params.toString() };
}

/** Form state for URL filters: edit locally, write to the URL on submit, clear both on reset. */
export function useUrlFilterForm<K extends string>(keys: readonly K[], initial: UrlFilters<K>) {
  const [, setParams] = useSearchParams();
  const [values, setValues] = useState<UrlFilters<K>>(initial);
  const set = (key: K) => (value: string | number | null) =>
    setValues((old) => ({ ...old, [key]: value === null ? '' : String(value) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of keys) if (values[key]) next.set(key, values[key]);
    setParams(next);
  };
  const reset = () => {
    setValues(filtersFrom(keys, new URLSearchParams()));
    setParams(new URLSearchParams());
  };
  return { values, set, submit, reset };
}
