/** Where to go after signing in: the page that asked for it, when it is a path of this app. */
export function safeNextPath(next: string | null, fallback = '/dashboard'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Browsers drop tabs and line breaks from URLs ("/\t/evil.example" reads as "//evil.example") and
  // read a backslash as a slash: a path with either, or any other control character, is refused.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  return next;
}

export function signInPathFor(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return `/sign-in?${new URLSearchParams({ next }).toString()}`;
}
