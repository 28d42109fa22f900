import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { OPERATOR } from './support/identity.js';
import { switchLanguage } from './support/ui.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/registry');

async function signIn(page: Page) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(OPERATOR.login);
  await page.getByLabel('Пароль').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();

  return result.violations.map((violation) => ({
    rule: violation.id,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

/** Each row of the report as «line outcome», in file order. */
async function reportedRows(page: Page) {
  const rows = page.getByTestId('registry-report-rows').locator('tbody tr');

  return rows.evaluateAll((trs) =>
    trs.map((tr) => `${tr.querySelector('td')?.textContent} ${tr.getAttribute('data-outcome')}`),
  );
}

test.describe('the property registry page', () => {
  test('the operator checks extracts, imports one and looks an object up', async ({ page }) => {
    await signIn(page);
    await page.goto('/operator/registry');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Реестр недвижимости' }),
    ).toBeVisible();

    const file = page.locator('input[type="file"]');
    const report = page.getByTestId('registry-report');

    // A file with broken rows: every row is reported, the broken ones with their reasons.
    await file.setInputFiles(path.join(FIXTURES, 'extract-broken.csv'));
    await page.getByRole('button', { name: 'Проверить без сохранения' }).click();
    await expect(report).toContainText('Выписка extract-broken.csv не импортирована');
    expect(await reportedRows(page)).toEqual([
      '2 valid',
      '3 refused',
      '4 refused',
      '5 refused',
      '6 valid',
      '7 refused',
      '8 refused',
      '9 refused',
    ]);
    await expect(report).toContainText('кадастровый номер: в неверном формате');
    await expect(report).toContainText('доля: больше целого (например, 3/2)');
    await expect(report).toContainText('доля: равна нулю');
    await expect(report).toContainText('дата регистрации: в неверном формате');
    await expect(page.getByRole('button', { name: 'Импортировать' })).toHaveCount(0);

    // A good file: the dry run shows what every row would do, then the import stores it.
    await file.setInputFiles(path.join(FIXTURES, 'extract-small.csv'));
    await page.getByRole('button', { name: 'Проверить без сохранения' }).click();
    await expect(report).toContainText('Проверка файла extract-small.csv: ничего не сохранено');
    expect(await reportedRows(page)).toEqual([
      '2 created',
      '3 created',
      '4 created',
      '5 created',
      '6 created',
    ]);
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Импортировать' }).click();
    await expect(report).toContainText('Выписка extract-small.csv импортирована');
    await expect(report).toContainText('Новых объектов: 4');
    expect(await reportedRows(page)).toHaveLength(5);

    // The object is in the registry now: look it up by its number.
    await page.getByLabel('Кадастровый номер').fill('66:41:0999001:101');
    await page.getByRole('button', { name: 'Найти', exact: true }).click();

    const object = page.getByTestId('registry-object');

    await expect(object.getByRole('heading', { level: 3 })).toHaveText('Объект 66:41:0999001:101');
    await expect(object).toContainText('ул. Реестровая, д. 5, кв. 1');
    await expect(object).toContainText('Квартира');
    await expect(object).toContainText('45,30 м²');

    const rights = object.getByTestId('registry-rights').locator('tbody tr');

    await expect(rights).toHaveCount(2);
    await expect(rights.first()).toContainText('Демидова Анна Сергеевна');
    await expect(rights.first()).toContainText('1/2');
    await expect(rights.first()).toContainText('66:41:0999001:101-66/001/2015-1');
    await expect(rights.first()).toContainText('01.06.2015');
    expect(await violations(page)).toEqual([]);

    // A row of the report opens its object too.
    await report.getByRole('button', { name: '66:41:0999001:103' }).click();
    await expect(object.getByRole('heading', { level: 3 })).toHaveText('Объект 66:41:0999001:103');
    await expect(object).toContainText('Нежилое помещение');

    await switchLanguage(page, 'EN');
    await expect(page.getByRole('heading', { level: 1, name: 'Property registry' })).toBeVisible();
    await expect(object).toContainText('Non-residential premise');
  });

  test('a malformed or unknown number is explained, not shown as an empty object', async ({
    page,
  }) => {
    await signIn(page);
    await page.goto('/operator/registry');

    await page.getByLabel('Кадастровый номер').fill('66:41:12');
    await page.getByRole('button', { name: 'Найти', exact: true }).click();
    await expect(page.getByText('Кадастровый номер имеет вид 66:41:0702013:1234')).toBeVisible();

    await page.getByLabel('Кадастровый номер').fill('66:41:0999999:1');
    await page.getByRole('button', { name: 'Найти', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('В реестре нет объекта 66:41:0999999:1');
    await expect(page.getByTestId('registry-object')).toHaveCount(0);
  });
});
