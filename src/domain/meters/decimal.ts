/**
 * Exact decimal arithmetic for meter readings: a value is a bigint scaled by 10^6 (micro-units),
 * never a float, so 245.300 − 244.9 is exactly 0.4 whatever the digits.
 */
export const SCALE = 6;

const UNIT = 10n ** BigInt(SCALE);

export type Scaled = bigint;

export type ParsedDecimal =
  | { ok: true; value: Scaled; fractionDigits: number }
  | { ok: false; code: 'reading_not_a_number' | 'reading_negative' | 'reading_too_precise' };

/**
 * Reads what a person typed: digits with a decimal comma or point, spaces between thousands
 * allowed ("1 250,5"). Anything else — letters, exponents, two separators — is not a number.
 */
export function parseDecimal(input: string): ParsedDecimal {
  const text = input.trim().replace(/[\s\u00a0\u202f]/g, '');

  if (/^-/.test(text)) {
    return { ok: false, code: 'reading_negative' };
  }

  const match = /^\+?(\d{1,15})(?:[.,](\d*))?$/.exec(text);

  if (!match) {
    return { ok: false, code: 'reading_not_a_number' };
  }

  const whole = match[1]!;
  const fraction = (match[2] ?? '').replace(/0+$/, '');

  if (fraction.length > SCALE) {
    return { ok: false, code: 'reading_too_precise' };
  }

  const value = BigInt(whole) * UNIT + BigInt(fraction.padEnd(SCALE, '0') || '0');

  return { ok: true, value, fractionDigits: fraction.length };
}

/** The scaled value of a database numeric or a canonical decimal string. */
export function toScaled(text: string): Scaled {
  const parsed = parseDecimal(text);

  if (!parsed.ok) {
    throw new Error(`not a decimal: ${text}`);
  }

  return parsed.value;
}

/**
 * Writes a scaled value with exactly `digits` fraction digits ('3.250'); zero is written '0'.
 * Digits beyond `digits` are kept rather than rounded away: exactness wins over looks.
 */
export function formatDecimal(value: Scaled, digits = 3): string {
  if (value === 0n) {
    return '0';
  }

  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / UNIT;
  const raw = (abs % UNIT).toString().padStart(SCALE, '0');
  const significant = raw.replace(/0+$/, '').length;
  const fraction = raw.slice(0, Math.max(digits, significant));
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;

  return negative ? `-${text}` : text;
}

/** The integer part of a scaled value. */
export function wholePart(value: Scaled): bigint {
  return value / UNIT;
}

/** 10^n as a scaled value: the capacity of a meter with n integer digits. */
export function powerOfTen(n: number): Scaled {
  return 10n ** BigInt(n) * UNIT;
}

export function fromWhole(n: bigint | number): Scaled {
  return BigInt(n) * UNIT;
}
