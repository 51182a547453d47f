import { type ComponentType, lazy, Suspense } from 'react';

/** A page loaded on first visit (its own chunk: code split per area). Nothing is shown in its place
 * during the short load; the layout around it stays. */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module load, never in a render
  return function LazyPage() {
    return (
      <Suspense fallback={null}>
        <Page />
      </Suspense>
    );
  };
}
