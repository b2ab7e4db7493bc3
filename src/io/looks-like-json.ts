/**
 * Whether a file's first bytes open JSON — one test for every reader (the registry's and every
 * CSV input's), so that a file is named JSON alike wherever it is given (docs/input-registry.md
 * "Dialects").
 */

/** The first bytes (a byte-order mark and blanks aside) open a JSON array of objects or an object: `[{`, `[]`, `{"`, or a lone `[` / `{`. */
export function looksLikeJson(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return /^\[\s*([{\]]|$)/.test(text) || /^\{\s*("|$)/.test(text);
}
