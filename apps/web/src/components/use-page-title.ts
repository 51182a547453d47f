import { useDocumentTitle } from '@mantine/hooks';

/** Names the browser tab after the page, as screen readers announce it on navigation. */
export function usePageTitle(title: string) {
  useDocumentTitle(`${title} · BeXtr`);
}
