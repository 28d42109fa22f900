/**
 * An area as a person types it: «15,3», «15.30», «4,2 м²». Kept in hundredths of a square metre
 * so every comparison with the registry is exact.
 */

export type AreaProblem = 'format' | 'zero' | 'too_large';

export type AreaParse = { ok: true; centi: number } | { ok: false; problem: AreaProblem };

/** The largest premise the platform accepts: 100 000 m² (a whole shopping centre is one object). */
export const MAX_AREA_CENTI = 100_000 * 100;

export function parseArea(input: string): AreaParse {
  const text = input
    .trim()
    .replace(/\s*(м²|м2|кв\.?\s*м\.?|m²|m2|sq\.?\s*m)\s*$/iu, '')
    .replace(/[\s\u00a0]/g, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text);

  if (!match) {
    return { ok: false, problem: 'format' };
  }

  const centi = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));

  if (centi === 0) {
    return { ok: false, problem: 'zero' };
  }

  if (centi > MAX_AREA_CENTI) {
    return { ok: false, problem: 'too_large' };
  }

  return { ok: true, centi };
}

/** 1530 → «15.30», the form areas take in the API and the database. */
export function formatAreaCenti(centi: number): string {
  return `${Math.trunc(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}
