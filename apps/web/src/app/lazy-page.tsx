import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { PageLoader } from '../components/PageLoader.tsx';

/** The loader, shown only when a page's chunk takes longer than a blink (no flash on fast loads). */
function SlowLoader() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 300);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <PageLoader /> : null;
}

/** A page loaded on first visit (its own chunk: code split per area). The layout around it stays;
 * a slow load shows the page loader in its place. */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module load, never in a render
  return function LazyPage() {
    return (
      <Suspense fallback={<SlowLoader />}>
        <Page />
      </Suspense>
    );
  };
}
