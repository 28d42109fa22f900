import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { MALYSHEVA_1_IN_LIST, resultsList, switchLanguage } from './support/ui.js';

/** WCAG 2.1 A and AA rules checked by axe-core: contrast, labels, landmarks, names, lang. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();

  // Summarised so a failure names the rule and the offending elements, not a wall of JSON.
  return result.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

test.describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  test('start page, search results and a house page, in Russian and English', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('registry-count')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    // One landmark of each kind a screen reader user jumps between.
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('search')).toHaveCount(1);

    await page.goto('/houses?q=' + encodeURIComponent('Малышева'));
    await expect(resultsList(page).getByRole('link').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('link', { name: MALYSHEVA_1_IN_LIST, exact: true }).click();
    await expect(page.getByTestId('house-year')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await switchLanguage(page, 'EN');
    await expect(page.getByText('Year built')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('sign-in page with an error, a coming section and the 404 page', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Электронная почта или телефон').fill('nobody@mpdom.test');
    await page.getByLabel('Пароль').fill('wrong');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.goto('/owner/appeals');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Обращения');
    expect(await violations(page)).toEqual([]);

    await page.goto('/nothing-here');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
    expect(await violations(page)).toEqual([]);
  });

  test('phone layout with the menu open', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Открыть меню' }).click();
    await expect(page.getByRole('dialog', { name: 'Меню' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
