/** "2026-11" → "ноябрь 2026" / "November 2026". */
export function periodLabel(period: string, language: string): string {
  const date = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1));

  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(date)
    .replace(' г.', '');
}

/** The month before today's: the period a run usually bills. */
export function previousPeriod(today = new Date()): string {
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));

  return date.toISOString().slice(0, 7);
}
