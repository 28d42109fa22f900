import { expect, test } from '@playwright/test';

test.describe('error states', () => {
  test('an unknown page shows the 404 page with a way back', async ({ page }) => {
    await page.goto('/no/such/page');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
    await page.getByRole('link', { name: 'Искать дом' }).click();
    await expect(page).toHaveURL(/\/houses$/);
  });

  test('a house that does not exist shows the server’s problem detail', async ({ page }) => {
    const id = '00000000-0000-4000-8000-000000000000';
    const problem = await (await page.request.get(`/api/v1/buildings/${id}`)).json();

    expect(problem.code).toBe('not_found');

    await page.goto(`/houses/${id}`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Дом не найден');
    await expect(page.getByTestId('problem-detail')).toHaveText(problem.detail);
  });

  test('a malformed house id is refused, not crashed on', async ({ page }) => {
    await page.goto('/houses/not-a-uuid');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Дом не найден');
    await expect(page.getByRole('alert')).toBeVisible();
  });

  test('a lost connection says so and offers a retry', async ({ page }) => {
    const isSearch = (url: URL) => url.pathname === '/api/v1/buildings';

    await page.route(isSearch, (route) => route.abort('internetdisconnected'));

    await page.goto('/houses?q=' + encodeURIComponent('Малышева'));

    await expect(page.getByRole('alert')).toContainText('Нет связи с сервером');

    await page.unroute(isSearch);
    await page.getByRole('button', { name: 'Повторить' }).click();

    await expect(page.getByRole('list', { name: 'Результаты поиска' })).toBeVisible();
  });
});
