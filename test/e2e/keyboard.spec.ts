import { expect, test, type Locator, type Page } from '@playwright/test';

import { resultsList } from './support/ui.js';

/** Presses Tab until `target` has focus, failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 30) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }

    await page.keyboard.press('Tab');
  }

  await expect(target).toBeFocused();
}

/** The focused element draws an outline a sighted keyboard user can see. */
async function expectVisibleFocus(target: Locator) {
  const outline = await target.evaluate((element) => {
    const style = getComputedStyle(element);

    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThan(0);
}

test('keyboard only: skip link, search, open a result', async ({ page }) => {
  await page.goto('/');

  await page.keyboard.press('Tab');

  const skip = page.getByRole('link', { name: 'Перейти к содержанию' });

  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');

  // Skipping the header and menu lands on the first control of the page: the address box.
  const address = page.getByLabel('Адрес дома');

  await expect(address).toBeFocused();

  await page.keyboard.type('Малышева');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/houses\?q=/);

  const firstResult = resultsList(page).getByRole('link').first();

  await expect(firstResult).toContainText('Малышева');

  await tabTo(page, firstResult);
  await expectVisibleFocus(firstResult);

  const name = await firstResult.textContent();

  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText(name ?? '');
});

test('keyboard only: the language switch works with arrow keys', async ({ page }) => {
  await page.goto('/');

  const russian = page.getByRole('radio', { name: 'Русский' });

  await tabTo(page, russian);
  await page.keyboard.press('ArrowRight');

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Everything about your apartment building in one place',
  );
});
