import { createHash } from 'node:crypto';

import canonicalize from 'canonicalize';

/**
 * The one serialisation the journal hashes: RFC 8785 canonical JSON (sorted keys, fixed number
 * and string forms), so a digest computed today can be recomputed by anyone, in any language.
 * `undefined` has no JSON form; it is read as null so a missing value still has a digest.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value === undefined ? null : value) ?? 'null';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The digest of a whole before/after value, personal data included, for integrity checks. */
export function digestOf(value: unknown): string | null {
  if (value === undefined) {
    return null;
  }

  return sha256Hex(canonicalJson(value));
}
