import { expect, test } from '@playwright/test';

import { switchLanguage } from './support/ui.js';

const PASSWORD = 'demo-2026-mpdom';

test.describe('Powers of attorney', () => {
  test('the owner opens the page from her account menu, picks her premise and learns what a grant needs', async ({
    page,
  }) => {
    await page.goto('/signin');
    await page.getByLabel('Электронная почта или телефон').fill('owner@mpdom.test');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();

    await page.goto('/powers-of-attorney');
    await expect(page.getByRole('heading', { level: 1, name: 'Доверенности' })).toBeVisible();
    await expect(page.getByText('Нет доверенностей.').first()).toBeVisible();

    // Only premises she owns are offered: the flat in the managed house and her HOA share.
    const premise = page.getByRole('textbox', { name: 'Помещение' });

    await expect(premise).not.toHaveValue('');
    await premise.click();
    await expect(page.getByRole('option')).toHaveCount(2);
    await page.keyboard.press('Escape');

    await page.getByLabel('Почта или телефон представителя').fill('resident@mpdom.test');
    await page.getByRole('button', { name: 'Выдать', exact: true }).click();

    // The demo owner has confirmed only her contacts; a power of attorney needs a verified identity,
    // and the page says which steps are missing instead of a bare refusal.
    const problem = page.getByRole('alert');

    await expect(problem).toContainText('подтвердите личность');
    await expect(page.getByText('Доверенность выдана')).toHaveCount(0);

    await switchLanguage(page, 'EN');
    await expect(page.getByRole('heading', { level: 1, name: 'Powers of attorney' })).toBeVisible();
  });
});
