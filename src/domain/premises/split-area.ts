/**
 * Splits an area given in hundredths of a square metre into parts proportional to `weights`, so
 * that the parts add up to the total exactly. Largest-remainder rounding: each part gets the floor
 * of its exact share, then the leftover hundredths go to the parts that lost the most.
 */
export function splitArea(totalCenti: number, weights: number[]): number[] {
  if (!Number.isInteger(totalCenti) || totalCenti < 0) {
    throw new RangeError(`total must be a non-negative integer of hundredths, got ${totalCenti}`);
  }

  if (weights.length === 0 || weights.some((w) => !(w > 0))) {
    throw new RangeError('weights must be a non-empty list of positive numbers');
  }

  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (totalCenti * w) / sum);
  const parts = exact.map(Math.floor);
  let leftover = totalCenti - parts.reduce((a, b) => a + b, 0);

  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);

  for (const { index } of byRemainder) {
    if (leftover === 0) {
      break;
    }

    parts[index] = (parts[index] ?? 0) + 1;
    leftover -= 1;
  }

  return parts;
}

/** "4964.60" → 496460; refuses anything that is not a plain decimal with at most 2 places. */
export function toCenti(area: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(area.trim());

  if (!match) {
    throw new RangeError(`not an area in square metres: ${area}`);
  }

  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** 496460 → "4964.60". */
export function fromCenti(centi: number): string {
  return `${Math.trunc(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}
