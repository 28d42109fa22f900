/**
 * Money is integer kopecks as `bigint`; quantities and tariffs are exact decimals held as scaled
 * integers. Nothing here touches a float, and every rounding says which rule it applies.
 */

export type Kopecks = bigint;

/** A decimal as an integer and its number of fraction digits: 3.250 → { units: 3250n, scale: 3 }. */
export type Decimal = { units: bigint; scale: number };

const DECIMAL = /^([+-])?(\d{1,15})(?:[.,](\d{1,8}))?$/;

/** Reads an exact decimal ('3.25', '3,250', '-0.5'); null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text.trim());

  if (!match) {
    return null;
  }

  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`) * (sign === '-' ? -1n : 1n);

  return { units, scale: fraction.length };
}

export function decimalToString(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = value.scale > 0 ? `.${digits.slice(digits.length - value.scale)}` : '';

  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Integer division rounded half away from zero (0.5 kopeck → 1, −0.5 → −1): the commercial
 * rounding of settlements, and what PostgreSQL's round(numeric) does, so SQL and code agree.
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new RangeError('division by zero');
  }

  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);

  return negative ? -quotient : quotient;
}

/** quantity × rate (roubles per unit) in kopecks, rounded once, half up, at the end. */
export function chargeKopecks(quantity: string, rateRoubles: string): Kopecks {
  const q = parseDecimal(quantity);
  const r = parseDecimal(rateRoubles);

  if (!q || !r) {
    throw new RangeError(`not a decimal: ${q ? rateRoubles : quantity}`);
  }

  // roubles → kopecks is ×100; the product carries q.scale + r.scale fraction digits.
  return divRoundHalfUp(q.units * r.units * 100n, 10n ** BigInt(q.scale + r.scale));
}

/** Multiplies two decimals exactly. */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Rounds a decimal half up to `scale` fraction digits (volumes are kept to 3 digits). */
export function roundDecimal(value: Decimal, scale: number): Decimal {
  if (value.scale <= scale) {
    return { units: value.units * 10n ** BigInt(scale - value.scale), scale };
  }

  return { units: divRoundHalfUp(value.units, 10n ** BigInt(value.scale - scale)), scale };
}

const AMOUNT = /^(-)?(\d{1,13})(?:[.,](\d{1,2}))?$/;

/**
 * Reads an amount of roubles as people and banks write it — `1500,00`, `1000.00`, `1 500,5`,
 * `1500` — into kopecks. A third fraction digit, a thousands comma or a stray letter is refused
 * rather than guessed at (C16: `1500,50` must not become 1500).
 */
export function parseRoubles(text: string): Kopecks | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = AMOUNT.exec(compact);

  if (!match) {
    return null;
  }

  const [, sign, whole, fraction = ''] = match;
  const kopecks = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0') || '0');

  return sign ? -kopecks : kopecks;
}

/** 123456n → '1 234,56' (a narrow no-break space between thousands), as the ЕПД prints it. */
export function formatRoubles(kopecks: Kopecks): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const fraction = (abs % 100n).toString().padStart(2, '0');

  return `${negative ? '−' : ''}${whole},${fraction}`;
}

/** 123456n → '1234.56', the plain form for APIs and files. */
export function kopecksToDecimal(kopecks: Kopecks): string {
  return decimalToString({ units: kopecks, scale: 2 });
}

export function sumKopecks(values: Iterable<Kopecks>): Kopecks {
  let total = 0n;

  for (const value of values) {
    total += value;
  }

  return total;
}

/** '55.4600' → '55,46', '34.1000' → '34,10' (minScale 2): a decimal as the bill prints it. */
export function displayDecimal(text: string, minScale = 0): string {
  const [whole, fraction = ''] = text.split('.');
  let kept = fraction.replace(/0+$/, '');

  if (kept.length < minScale) {
    kept = kept.padEnd(minScale, '0');
  }

  return kept ? `${whole},${kept}` : whole!;
}
