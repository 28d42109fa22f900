/** How the meters pages write periods, dates and readings. */

const LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

export function formatPeriod(period: string, language: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];

  return new Intl.DateTimeFormat(LOCALES[language] ?? 'ru-RU', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

export function formatDay(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];

  return new Intl.DateTimeFormat(LOCALES[language] ?? 'ru-RU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** An exact decimal as the person's language writes it: «245,3» in Russian. */
export function formatValue(value: string, language: string): string {
  return language === 'ru' ? value.replace('.', ',') : value;
}

export function shortMonth(period: string, language: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];

  return new Intl.DateTimeFormat(LOCALES[language] ?? 'ru-RU', {
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}
