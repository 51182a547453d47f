import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/** http(s) addresses in running text; trailing punctuation is left out of the link. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"»]+$/;

/** The parts of a message body: plain text, and http(s) links. */
export function splitLinks(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let candidate = match[0];
    const trailing = candidate.match(TRAILING);
    if (trailing) candidate = candidate.slice(0, -trailing[0].length);
    let href: string | null = null;
    try {
      const url = new URL(candidate);
      // An address with a user name or password in it stays text: such links are a phishing trick
      // (https://bank.example@evil.example/) and hand credentials around.
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) {
        href = url.href;
      }
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** A message body as text (React escapes it; markup stays markup), line breaks kept, http(s)
 * addresses without credentials as links that open in a new tab without handing over this page. */
export function MessageText({ text }: { text: string }) {
  const nodes: ReactNode[] = splitLinks(text).map((part, i) =>
    part.href ? (
      <Anchor
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
        key={i}
        href={part.href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        inherit
        underline="always"
        c="inherit"
      >
        {part.text}
      </Anchor>
    ) : (
      part.text
    ),
  );
  return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{nodes}</div>;
}
