import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { fitsViewport, switchLanguage } from './support/ui.js';

const PASSWORD = 'demo-2026-mpdom';

/** The demo's managed house (Малышева, 15), as the organisation's list shows it. */
const DEMO_HOUSE = /ул\. Малышева, д\. 15$/;

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
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

/** Picks an option of a Mantine select the way a mouse user does. */
async function choose(page: Page, label: string, option: RegExp | string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test.describe('the house register of a management organisation', () => {
  test('the manager finds the demo flat on the chessboard and registers a sale', async ({
    page,
  }) => {
    await signIn(page, 'uk-admin@mpdom.test');
    await page.goto('/org/houses');
    await expect(page.getByRole('heading', { level: 1, name: 'Дома организации' })).toBeVisible();

    const row = page
      .getByTestId('org-house')
      .filter({ has: page.getByRole('link', { name: DEMO_HOUSE }) });

    await expect(row).toContainText('Договор № ДУ-');
    await row.getByRole('link', { name: DEMO_HOUSE }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Паспорт дома' })).toBeVisible();
    await expect(page.getByTestId('contract').first()).toContainText('Действует');

    const board = page.getByTestId('chessboard');

    await expect(board.getByRole('columnheader', { name: 'Подъезд 1', exact: true })).toBeVisible();

    // The demo owner owns flat 1 outright; her ЕЛС is on the tile beside her name.
    const flat1 = board.locator('[data-testid="premise-tile"][data-number="1"]');

    await expect(flat1.getByTestId('tile-owner')).toHaveText(['Демидова Анна Сергеевна — 1']);
    await expect(flat1).toContainText(/66[A-Z]{2}\d{6}/);

    // Another owned flat is sold: its owners go to the history, the buyer becomes the owner.
    const sold = board
      .locator('[data-testid="premise-tile"]:not([data-number="1"])')
      .filter({ has: page.getByTestId('tile-owner') })
      .first();
    const number = await sold.getAttribute('data-number');
    const sellers = (await sold.getByTestId('tile-owner').allInnerTexts()).map((line) =>
      line.replace(/ — .*$/, ''),
    );

    expect(sellers.length).toBeGreaterThan(0);
    await sold.click();

    const dialog = page.getByRole('dialog', { name: `Квартира ${number}` });

    await expect(dialog.getByTestId('card-owner')).toHaveCount(sellers.length);
    await dialog.getByRole('button', { name: 'Смена собственника' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Дата регистрации перехода' })).toHaveValue(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await dialog.getByRole('textbox', { name: 'Фамилия' }).fill('Покупателев');
    await dialog.getByRole('textbox', { name: 'Имя', exact: true }).fill('Семён');
    await dialog.getByRole('textbox', { name: 'Отчество' }).fill('Ильич');
    await dialog.getByRole('textbox', { name: 'Документ‑основание' }).fill('Договор купли‑продажи');
    await dialog.getByRole('button', { name: 'Зарегистрировать смену собственника' }).click();

    await expect(dialog.getByTestId('card-owner')).toHaveCount(1);
    await expect(dialog.getByTestId('card-owner')).toContainText('Покупателев Семён Ильич');
    await expect(dialog.getByTestId('card-owner')).toContainText('Договор купли‑продажи');

    const former = dialog.getByTestId('card-former-owner');

    await expect(former).toHaveCount(sellers.length);
    for (const seller of sellers) {
      await expect(former.filter({ hasText: seller })).toContainText('Купля‑продажа');
    }

    // The seller's account is closed and the buyer has one of his own.
    await expect(
      dialog.getByTestId('card-account').filter({ hasText: 'Покупателев Семён Ильич' }),
    ).toContainText('открыт');
    await page.keyboard.press('Escape');
    await expect(sold.getByTestId('tile-owner')).toHaveText(['Покупателев Семён Ильич — 1']);
  });

  test('the manager opens an account for a resident and closes it again', async ({ page }) => {
    await signIn(page, 'uk-admin@mpdom.test');
    await page.goto('/org/accounts');
    await expect(page.getByRole('heading', { level: 1, name: 'Лицевые счета' })).toBeVisible();
    await expect(page.getByTestId('account-row').first()).toBeVisible();

    await page.getByRole('button', { name: 'Открыть лицевой счёт' }).click();

    const dialog = page.getByRole('dialog', { name: 'Открыть лицевой счёт' });

    await choose(page, 'Дом', DEMO_HOUSE);
    await choose(page, 'Помещение', /^Квартира 1$/);
    await choose(page, 'Плательщик', 'Демидов Павел Андреевич (жилец)');
    await dialog.getByRole('button', { name: 'Открыть лицевой счёт' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('textbox', { name: 'Поиск' }).fill('Демидов Павел');

    const rows = page.getByTestId('account-row');

    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Квартира 1');

    const number = (await rows.getAttribute('data-number')) ?? '';

    expect(number).toMatch(/^66[A-Z]{2}\d{6}$/);
    await rows.getByRole('button', { name: `Закрыть лицевой счёт ${number}` }).click();

    const closing = page.getByRole('dialog', { name: 'Закрыть' });

    // A reason is required: the form stays open without one.
    await closing.getByRole('button', { name: 'Закрыть лицевой счёт' }).click();
    await expect(closing).toBeVisible();
    await closing.getByRole('textbox', { name: 'Причина закрытия' }).fill('Снят с учёта');
    await closing.getByRole('button', { name: 'Закрыть лицевой счёт' }).click();
    await expect(closing).toBeHidden();
    await expect(page.getByTestId('accounts-empty')).toBeVisible();

    await choose(page, 'Состояние', 'Закрытые');
    await expect(page.getByTestId('account-row').filter({ hasText: number })).toContainText(
      'Снят с учёта',
    );
  });

  test('the register pages pass axe, fit a phone and speak English', async ({ page }) => {
    await signIn(page, 'uk-admin@mpdom.test');
    await page.goto('/org/houses');
    await page.getByRole('link', { name: DEMO_HOUSE }).click();
    await expect(page.getByTestId('premise-tile').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByTestId('premise-tile').first().click();
    await expect(page.getByTestId('premise-card')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await fitsViewport(page)).toBe(true);
    await page.goto('/org/accounts');
    await expect(page.getByTestId('account-row').first()).toBeVisible();
    expect(await fitsViewport(page)).toBe(true);
    expect(await violations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 800 });
    await switchLanguage(page, 'EN');
    await expect(page.getByRole('heading', { level: 1, name: 'Personal accounts' })).toBeVisible();
    await page.goto('/org/houses');
    await expect(page.getByRole('columnheader', { name: 'Management' })).toBeVisible();
  });
});
