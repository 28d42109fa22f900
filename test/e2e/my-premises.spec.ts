import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { fitsViewport, switchLanguage } from './support/ui.js';

const PASSWORD = 'demo-2026-mpdom';

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

/**
 * Visible text and accessible names in the page's main region that are not in English, leaving
 * out what is marked `lang="ru"` (addresses, names, organisations: data, not interface).
 */
async function russianLeftovers(page: Page) {
  return page.getByRole('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;

    copy.querySelectorAll('[lang="ru"]').forEach((element) => element.remove());

    const labels = [...copy.querySelectorAll('[aria-label]')].map(
      (element) => element.getAttribute('aria-label') ?? '',
    );

    return [...(copy.innerText ?? copy.textContent ?? '').split('\n'), ...labels].filter((line) =>
      /[А-Яа-яЁё]/.test(line),
    );
  });
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

test.describe('«Мой МП‑дом»', () => {
  test('the demo owner sees her whole flat and her half, in Russian and in English', async ({
    page,
    context,
  }) => {
    await signIn(page, 'owner@mpdom.test');
    await page.getByRole('link', { name: 'Мои объекты', exact: true }).first().click();

    await expect(page).toHaveURL(/\/owner\/properties$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Мой МП‑дом' })).toBeVisible();

    const cards = page.getByTestId('premise-card');

    await expect(cards).toHaveCount(2);
    expect((await page.getByTestId('premise-share').allInnerTexts()).sort()).toEqual(['1', '1/2']);

    const half = cards.filter({ has: page.getByTestId('premise-share').getByText('1/2') });

    await expect(half).toContainText('Собственник');
    await expect(half).toContainText('ещё 1 собственник');
    await expect(half.getByRole('heading', { level: 3 })).toHaveText(/^Квартира 1$/);

    // Every premise shows its ЕЛС, and the number can be copied for a bank's payment form.
    const whole = cards.filter({ hasNot: page.getByText('1/2') });
    const number = (await whole.getByTestId('account-number').first().innerText()).trim();

    expect(number).toMatch(/^\d{2}[A-Z]{2}\d{6}$/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await whole.getByRole('button', { name: `Скопировать ЕЛС ${number}` }).click();
    await expect(whole.getByText('Скопировано')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(number);

    // The owner sees who is registered in her flat, the resident among them.
    await expect(whole).toContainText('Демидов Павел Андреевич');
    await expect(whole.getByRole('heading', { name: 'Управляющая организация' })).toBeVisible();

    const quickActions: Array<[string, string]> = [
      ['Оплатить', '/owner/bills'],
      ['Передать показания', '/owner/meters'],
      ['Подать заявку', '/owner/requests'],
      ['Собрания собственников', '/owner/meetings'],
    ];
    for (const [name, path] of quickActions) {
      await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', path);
    }

    await expect(
      page.getByRole('main').getByRole('link', { name: 'Добавить объект недвижимости' }),
    ).toHaveAttribute('href', '/owner/properties/add');
    expect(await violations(page)).toEqual([]);

    await switchLanguage(page, 'EN');

    await expect(page.getByRole('heading', { level: 1, name: 'My MP‑dom' })).toBeVisible();
    await expect(half).toContainText('1 more owner');
    await expect(half.getByRole('heading', { level: 3 })).toHaveText(/^Flat 1$/);
    await expect(page.getByRole('link', { name: 'Add a property' })).toBeVisible();
    expect(await russianLeftovers(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  test('fits a phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, 'owner@mpdom.test');
    await page.goto('/owner/properties');

    await expect(page.getByTestId('premise-card')).toHaveCount(2);
    expect(await fitsViewport(page)).toBe(true);
  });

  test('the resident sees his flat without anyone’s share or names', async ({ page }) => {
    await signIn(page, 'resident@mpdom.test');
    await page.goto('/owner/properties');

    const card = page.getByTestId('premise-card');

    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Зарегистрирован');
    await expect(card).toContainText('Имена жильцов видят только собственники помещения.');
    await expect(page.getByTestId('premise-share')).toHaveCount(0);
    await expect(card).not.toContainText('Демидова');
  });

  test('a person without premises learns how to add one', async ({ page }) => {
    await signIn(page, 'dispatcher@mpdom.test');
    await page.goto('/owner/properties');

    await expect(
      page.getByRole('heading', { name: 'Здесь пока нет ваших помещений' }),
    ).toBeVisible();
    await expect(page.getByText(/сверим данные с ЕГРН/)).toBeVisible();
    await expect(page.getByTestId('premise-card')).toHaveCount(0);

    await page
      .getByRole('main')
      .getByRole('link', { name: 'Добавить объект недвижимости' })
      .first()
      .click();
    await expect(page).toHaveURL(/\/owner\/properties\/add$/);
  });
});
