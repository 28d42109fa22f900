/**
 * Exact shares of ownership. A share is a fraction of integers kept in lowest terms; sums and
 * comparisons use bigint cross-multiplication, so 1/3 + 1/3 + 1/3 is exactly one, never 0.999….
 */

export type Share = { numerator: number; denominator: number };

export type ShareProblem = 'format' | 'zero' | 'above_one' | 'too_large';

export type ShareParse = { ok: true; share: Share } | { ok: false; problem: ShareProblem };

/** The largest denominator accepted: registry shares like 1/1000 of a car park exist, 10⁹ not. */
export const MAX_DENOMINATOR = 1_000_000;

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);

  while (y !== 0) {
    [x, y] = [y, x % y];
  }

  return x;
}

export function reduce(share: Share): Share {
  const divisor = gcd(share.numerator, share.denominator) || 1;

  return { numerator: share.numerator / divisor, denominator: share.denominator / divisor };
}

/**
 * Reads what a person typed: `1/2`, `1 / 3`, `1` (whole), or a percent like `50%`. A share is
 * above zero and at most one; `3/2` and `0` are refused with the reason.
 */
export function parseShare(input: string): ShareParse {
  const text = input.trim().replace(/\s+/g, '');
  const percent = /^(\d{1,3})%$/.exec(text);
  const fraction = /^(\d{1,9})(?:\/(\d{1,9}))?$/.exec(text);

  if (!percent && !fraction) {
    return { ok: false, problem: 'format' };
  }

  const numerator = Number(percent ? percent[1] : fraction?.[1]);
  const denominator = percent ? 100 : Number(fraction?.[2] ?? 1);

  if (denominator === 0) {
    return { ok: false, problem: 'format' };
  }

  return checkShare({ numerator, denominator });
}

/** Validates a fraction given as two numbers (from an API body or a database row). */
export function checkShare(share: Share): ShareParse {
  const { numerator, denominator } = share;

  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    return { ok: false, problem: 'format' };
  }

  if (numerator <= 0) {
    return { ok: false, problem: 'zero' };
  }

  if (numerator > denominator) {
    return { ok: false, problem: 'above_one' };
  }

  const reduced = reduce(share);

  if (reduced.denominator > MAX_DENOMINATOR) {
    return { ok: false, problem: 'too_large' };
  }

  return { ok: true, share: reduced };
}

export function addShares(a: Share, b: Share): Share {
  const numerator =
    BigInt(a.numerator) * BigInt(b.denominator) + BigInt(b.numerator) * BigInt(a.denominator);
  const denominator = BigInt(a.denominator) * BigInt(b.denominator);
  const divisor = bigGcd(numerator, denominator);

  return { numerator: Number(numerator / divisor), denominator: Number(denominator / divisor) };
}

export function sumShares(shares: Share[]): Share {
  return shares.reduce(addShares, { numerator: 0, denominator: 1 });
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareShares(a: Share, b: Share): number {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);

  return left === right ? 0 : left < right ? -1 : 1;
}

export function sharesEqual(a: Share, b: Share): boolean {
  return compareShares(a, b) === 0;
}

export const WHOLE: Share = { numerator: 1, denominator: 1 };

/** `1/2`, or `1` for a whole premise. */
export function formatShare(share: Share): string {
  const reduced = reduce(share);

  return reduced.denominator === 1
    ? String(reduced.numerator)
    : `${reduced.numerator}/${reduced.denominator}`;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;

  while (y !== 0n) {
    [x, y] = [y, x % y];
  }

  return x === 0n ? 1n : x;
}
