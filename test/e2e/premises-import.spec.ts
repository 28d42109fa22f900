import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'demo-2026-mpdom';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/premises-import');

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

async function chooseFile(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');

  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(path.join(FIXTURES, name));
}

test.describe('Импорт помещений', () => {
  test('the management company checks a broken file, stores nothing, then imports a good one', async ({
    page,
  }) => {
    await signIn(page, 'uk-admin@mpdom.test');
    await page.goto('/org/import');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Импорт помещений, собственников и счетов' }),
    ).toBeVisible();

    // One of the company's houses.
    await page.getByTestId('import-house').click();
    await page.getByRole('option').first().click();

    // A file with one broken row: the check reports every row, the broken one with its reason.
    await chooseFile(page, 'broken.csv');
    await page.getByRole('button', { name: 'Проверить файл' }).click();

    const rows = page.getByTestId('import-row');

    await expect(page.getByTestId('import-outcome')).toContainText('ничего не сохранено');
    await expect(rows).toHaveCount(3);
    await expect(page.locator('[data-testid="import-row"][data-status="error"]')).toHaveCount(1);
    await expect(rows.filter({ hasText: 'И-902' })).toContainText(
      'доля не может быть больше целого',
    );
    await expect(page.getByRole('button', { name: 'Импортировать' })).toHaveCount(0);

    // The fixed file: the check shows every row as new, so nothing of the broken file was kept.
    await chooseFile(page, 'good.csv');
    await page.getByRole('button', { name: 'Проверить файл' }).click();
    await expect(page.getByTestId('import-outcome')).toContainText('Ошибок нет');
    await expect(rows).toHaveCount(4);
    await expect(page.locator('[data-testid="import-row"][data-status="create"]')).toHaveCount(4);

    await page.getByRole('button', { name: 'Импортировать' }).click();
    await expect(page.getByTestId('import-outcome')).toContainText(
      'Импорт выполнен: 4 строк обработано',
    );
    await expect(page.getByTestId('import-outcome')).toContainText('Создано помещений: 3');
    await expect(rows).toHaveCount(4);

    // Each new account got its ЕЛС, shown on its row.
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d{2}[A-Z]{2}\d{6}$/);
    }

    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Проверить файл' }).click();
    await expect(page.locator('[data-testid="import-row"][data-status="unchanged"]')).toHaveCount(
      4,
    );
  });
});
