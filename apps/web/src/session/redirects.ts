/** Where to go after signing in: the page that asked for it, when it is a path of this app. */
export function safeNextPath(next: string | null, fallback = '/dashboard'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function signInPathFor(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return `/sign-in?${new URLSearchParams({ next }).toString()}`;
}
