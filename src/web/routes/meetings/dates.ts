/** YYYY-MM-DD `days` from today, for the default dates of the forms. */
export function isoAfter(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
