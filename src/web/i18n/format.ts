/**
 * Number and date formatting for the registry's values. Areas arrive as exact decimal strings;
 * they are only ever displayed, so turning them into numbers for Intl loses nothing visible.
 */

const locales: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

function locale(language: string) {
  return locales[language] ?? 'ru-RU';
}

export function formatArea(value: string, language: string): string {
  const number = Number(value);

  if (!Number.isFinite(number)) {
    return value;
  }

  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(number);
}

export function formatInteger(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(value);
}

export function formatCoordinate(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 6,
    maximumFractionDigits: 6,
  }).format(value);
}

/** A moment, as a date in the given zone (the house's own, where known). */
export function formatDate(iso: string, language: string, timeZone?: string): string {
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) {
    return iso;
  }

  try {
    return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone }).format(date);
  } catch {
    // An unknown zone name must not break the page; the visitor's zone is close enough.
    return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long' }).format(date);
  }
}

/**
 * A calendar day (`2007-12-21`). Read as UTC and printed as UTC, so no time zone can move it to
 * the day before.
 */
export function formatDay(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);

  if (!match) {
    return isoDate;
  }

  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));

  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

/** A moment with date and time, in the visitor's own time zone (lock ends, code limits). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) {
    return iso;
  }

  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
