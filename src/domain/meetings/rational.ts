/**
 * Exact non-negative rationals over bigint, for vote counting. Areas are decimals and shares are
 * fractions, so a vote is area × share: held as numerator/denominator in lowest terms, summed and
 * compared by cross-multiplication. Nothing is rounded until a figure is shown to a person.
 */

export type Rational = { n: bigint; d: bigint };

export const ZERO: Rational = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;

  while (y !== 0n) {
    [x, y] = [y, x % y];
  }

  return x === 0n ? 1n : x;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  const num = BigInt(n);
  const den = BigInt(d);

  if (den === 0n) {
    throw new RangeError('a rational needs a non-zero denominator');
  }

  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den);

  return { n: (sign * num) / divisor, d: (sign * den) / divisor };
}

/** "52.3" → 523/10; a plain decimal with up to 4 places (areas come with 2). */
export function fromDecimal(text: string): Rational {
  const match = /^(\d{1,12})(?:\.(\d{1,4}))?$/.exec(text.trim());

  if (!match) {
    throw new RangeError(`not a plain non-negative decimal: "${text}"`);
  }

  const fraction = match[2] ?? '';

  return rational(BigInt(`${match[1]}${fraction}`), 10n ** BigInt(fraction.length));
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sum(values: Rational[]): Rational {
  return values.reduce(add, ZERO);
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) {
    throw new RangeError('division by zero');
  }

  return rational(a.n * b.d, a.d * b.n);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;

  return left === right ? 0 : left < right ? -1 : 1;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** "523/10", or "52" when whole: the exact form the API and the protocol carry. */
export function formatExact(a: Rational): string {
  return a.d === 1n ? String(a.n) : `${a.n}/${a.d}`;
}

/** Reads back what `formatExact` wrote. */
export function parseExact(text: string): Rational {
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text);

  if (!match) {
    throw new RangeError(`not an exact fraction: "${text}"`);
  }

  return rational(BigInt(match[1]!), BigInt(match[2] ?? 1));
}

/**
 * A decimal for display, rounded half up to `places`: 1/3 → "0.33". Only for people to read;
 * every decision compares the exact values.
 */
export function toFixed(a: Rational, places = 2): string {
  const scale = 10n ** BigInt(places);
  const scaled = (a.n * scale * 2n + a.d) / (2n * a.d);
  const whole = scaled / scale;
  const part = String(scaled % scale).padStart(places, '0');

  return places === 0 ? String(whole) : `${whole}.${part}`;
}

/** a as a percentage of b for display: 1/3 of 1 → "33.33". Zero when b is zero. */
export function percentOf(a: Rational, b: Rational, places = 2): string {
  return isZero(b) ? toFixed(ZERO, places) : toFixed(multiply(divide(a, b), rational(100)), places);
}
