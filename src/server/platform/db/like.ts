/**
 * Escapes `%`, `_` and the backslash so user text matches literally inside a LIKE pattern; use
 * with `ESCAPE '\'`.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
