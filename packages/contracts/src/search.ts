/** The one text normalization of search: lowercase, decomposed (NFD), combining marks stripped,
 * so "Káva" and "kava" are the same word. Stored text and queries both pass through it. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a search query, normalized (letters and digits only, at most 8). */
export function searchTerms(query: string): string[] {
  return normalizeSearchText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}
