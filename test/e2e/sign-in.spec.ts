import { expect, test } from '@playwright/test';

import type { DemoInfo } from '../../src/web/api/types.js';
import { switchLanguage } from './support/ui.js';

test.describe('sign-in', () => {
  test('a wrong password shows the server’s message, in the chosen language', async ({ page }) => {
    await page.goto('/signin');

    await page.getByLabel('Электронная почта или телефон').fill('owner@mpdom.test');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();

    const alert = page.getByRole('alert');

    await expect(alert).toContainText('Не удалось войти');
    await expect(alert).toContainText('Неверный логин или пароль');
    await expect(page).toHaveURL(/\/signin$/);

    await switchLanguage(page, 'EN');

    await page.getByLabel('Password').fill('still-not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(page.getByRole('alert')).toContainText('Wrong login or password');
  });

  test('empty fields are named before anything is sent', async ({ page }) => {
    const posts: string[] = [];

    page.on('request', (request) => {
      if (request.method() === 'POST') {
        posts.push(request.url());
      }
    });

    await page.goto('/signin');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();

    await expect(page.getByText('Заполните это поле')).toHaveCount(2);
    expect(posts).toEqual([]);
  });

  test('a demo account signs in, shows its name and signs out', async ({ page }) => {
    const demo = (await (await page.request.get('/api/v1/demo')).json()) as DemoInfo;

    test.skip(!demo.enabled, 'the platform runs without the demo world');

    const account = demo.accounts.find((candidate) => candidate.audience === 'owner');

    if (!account) {
      throw new Error('the demo lists no owner sign-in');
    }

    // The demo accounts exist only where the first start built the demo world.
    const probe = await page.request.post('/api/v1/sessions', {
      data: { login: account.login, password: account.password },
    });

    test.skip(probe.status() !== 201, 'this database has no demo world');

    await page.context().clearCookies();
    await page.goto('/signin');

    await expect(page.getByTestId('demo-accounts')).toContainText(account.login);

    await page.getByRole('button', { name: `Подставить вход ${account.login}` }).click();

    await expect(page.getByLabel('Электронная почта или телефон')).toHaveValue(account.login);

    await page.getByRole('button', { name: 'Войти', exact: true }).click();

    await expect(page).toHaveURL(/\/$/);

    const name = page.getByTestId('signed-in-name');

    await expect(name).not.toBeEmpty();

    // Still signed in after a reload: the session comes from the cookie, not from memory.
    await page.reload();
    await expect(name).not.toBeEmpty();

    await page.getByRole('button', { name: 'Выйти' }).click();

    await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible();
    await expect(name).toHaveCount(0);

    const current = await page.request.get('/api/v1/sessions/current');

    expect(current.status()).toBe(401);
  });
});
