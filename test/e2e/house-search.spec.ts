import { expect, test } from '@playwright/test';

import { MALYSHEVA_1, MALYSHEVA_1_IN_LIST, resultsList, switchLanguage } from './support/ui.js';

test.describe('house search', () => {
  test('finds houses on Малышева, opens one and keeps English after a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByTestId('registry-count')).toContainText('В реестре');

    await page.getByLabel('Адрес дома').fill('Малышева');
    await page.getByRole('button', { name: 'Найти' }).click();

    await expect(page).toHaveURL(/\/houses\?q=/);
    await expect(page.getByTestId('results-count')).toContainText(/Найден/);

    const links = resultsList(page).getByRole('link');

    await expect(links.first()).toBeVisible();

    // Every house on the page is on that street, not merely the first one.
    const addresses = await links.allTextContents();

    expect(addresses.length).toBeGreaterThan(5);

    for (const address of addresses) {
      expect(address.toLowerCase()).toContain('малышева');
    }

    await page.getByRole('link', { name: MALYSHEVA_1_IN_LIST, exact: true }).click();

    await expect(page).toHaveURL(/\/houses\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(MALYSHEVA_1);
    await expect(page.getByText('Год постройки')).toBeVisible();
    await expect(page.getByTestId('house-year')).toHaveText('1956');
    await expect(page).toHaveTitle(new RegExp(MALYSHEVA_1.replaceAll('.', '\\.')));

    // What the page shows is what the API holds for this house.
    const id = page.url().split('/').pop();
    const house = await (await page.request.get(`/api/v1/buildings/${id}`)).json();

    expect(house.yearBuilt).toBe(1956);

    await switchLanguage(page, 'EN');

    await expect(page.getByText('Year built')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Areas', exact: true })).toBeVisible();
    await expect(page.getByText('Год постройки')).toHaveCount(0);

    await page.reload();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('Year built')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Find a house' }).first()).toBeVisible();
    await expect(page.getByTestId('house-year')).toHaveText('1956');

    await switchLanguage(page, 'RU');

    await expect(page.getByText('Год постройки')).toBeVisible();
  });

  test('search ignores case, ё and abbreviations and pages through the results', async ({
    page,
  }) => {
    await page.goto('/houses?q=' + encodeURIComponent('УЛ. малышева'));

    const count = page.getByTestId('results-count');

    await expect(count).toContainText(/Найден/);
    await expect(resultsList(page).getByRole('link').first()).toContainText('Малышева');

    const total = Number((await count.textContent())?.replace(/\D/g, ''));

    expect(total).toBeGreaterThan(20);

    const firstPage = await resultsList(page).getByRole('link').allTextContents();

    await page.getByRole('button', { name: 'Следующая страница' }).click();

    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Страница 2 из/)).toBeVisible();
    // The first page stays on screen (dimmed) until the second arrives; wait for the swap.
    await expect(resultsList(page).getByRole('link').first()).not.toHaveText(firstPage[0] ?? '');

    const secondPage = await resultsList(page).getByRole('link').allTextContents();

    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((address) => firstPage.includes(address))).toEqual([]);
  });

  test('typing searches after a pause, and a nonsense address finds nothing', async ({ page }) => {
    await page.goto('/houses');

    await expect(page.getByTestId('results-count')).toContainText('Все дома реестра');

    await page.getByLabel('Адрес дома').fill('Щщщщщщ несуществующая');

    // No Enter: the debounced box updates the URL and the results by itself.
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByTestId('results-count')).toContainText('домов не найдено');
    await expect(resultsList(page)).toHaveCount(0);
  });

  test('a house links to its managing organisation, which lists its houses', async ({ page }) => {
    await page.goto('/houses?q=' + encodeURIComponent('Малышева 1'));
    await page.getByRole('link', { name: MALYSHEVA_1_IN_LIST, exact: true }).click();

    const organisation = page.getByRole('link', { name: 'ЗАО «УК «Верх-Исетская»»' });

    await organisation.click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ЗАО «УК «Верх-Исетская»»');
    await expect(page.getByText('Управляющая компания')).toBeVisible();

    const organisationId = page.url().split('/').pop() ?? '';
    const api = await (
      await page.request.get(`/api/v1/buildings?organisationId=${organisationId}&limit=100`)
    ).json();

    expect(api.total).toBeGreaterThan(20);

    const houses = resultsList(page, 'Дома под управлением').getByRole('link');

    await expect(houses).toHaveCount(20);
    await expect(
      page.getByText(new RegExp(`Страница 1 из ${Math.ceil(api.total / 20)}`)),
    ).toBeVisible();

    // The list really is filtered: every house the API gives for it is managed by it.
    const items = api.items as { managingOrganisation: { id: string } | null }[];

    expect(items.every((house) => house.managingOrganisation?.id === organisationId)).toBe(true);
  });
});
