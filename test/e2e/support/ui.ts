import { expect, type Page } from '@playwright/test';

/** The registry's own spelling of a real house used across the journeys (built in 1956). */
export const MALYSHEVA_1 = 'обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 1';

/** The same house as results lists show it: without the region every house shares. */
export const MALYSHEVA_1_IN_LIST = 'г. Екатеринбург, ул. Малышева, д. 1';

/** Clicks a language in the header switch, the way a mouse user does. */
export async function switchLanguage(page: Page, language: 'RU' | 'EN') {
  const group = page.getByRole('radiogroup', { name: /Язык интерфейса|Interface language/ });

  await group.locator('label').filter({ hasText: language }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language.toLowerCase());
}

/** The list of found houses on /houses. */
export function resultsList(page: Page, name = 'Результаты поиска') {
  return page.getByRole('list', { name });
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
export async function fitsViewport(page: Page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}
