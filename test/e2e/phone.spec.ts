import { expect, test } from '@playwright/test';

import { fitsViewport, resultsList } from './support/ui.js';

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

test('phone: the menu folds into a burger and the search works', async ({ page }) => {
  await page.goto('/');

  const burger = page.getByRole('button', { name: 'Открыть меню' });

  await expect(burger).toBeVisible();
  // The desktop sidebar is not shown on a phone; its sections live behind the burger.
  await expect(page.getByRole('navigation', { name: 'Разделы для пользователей' })).toBeHidden();
  expect(await fitsViewport(page)).toBe(true);

  await burger.click();

  const menu = page.getByRole('dialog', { name: 'Меню' });

  await expect(menu.getByRole('link', { name: /Мои объекты/ })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Войти' })).toBeVisible();

  await menu.locator('a[href="/owner/appeals"]').click();

  await expect(menu).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Обращения');
  await expect(page.getByText('Раздел в разработке')).toBeVisible();

  await page.goto('/');
  await page.getByLabel('Адрес дома').fill('Малышева');
  await page.getByRole('button', { name: 'Найти' }).tap();

  await expect(resultsList(page).getByRole('link').first()).toContainText('Малышева');
  expect(await fitsViewport(page)).toBe(true);

  await resultsList(page).getByRole('link').first().tap();

  await expect(page.getByText('Год постройки')).toBeVisible();
  expect(await fitsViewport(page)).toBe(true);
});
