import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';
import exifr from 'exifr';

import { fitsViewport } from './support/ui.js';

const PASSWORD = 'demo-2026-mpdom';
const PHOTO = path.resolve(import.meta.dirname, '../fixtures/files/photo-exif-gps.jpg');

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveCount(0);
}

/** «Новая заявка»: the flat of Малышева 15, a category, the assistant's answers, a text. */
async function startRequest(page: Page, category: string) {
  await page.goto('/owner/requests');
  await page.getByTestId('new-request').click();
  await page.getByTestId('request-place').click();
  await page
    .getByRole('option', { name: /Малышева, д\. 15, пом\./ })
    .first()
    .click();
  await page.getByTestId('request-category').click();
  await page.getByRole('option', { name: category }).click();
}

test('[SERVICE REQUESTS]: a leak with a photo goes from the resident to the executor and back', async ({
  page,
  browser,
}) => {
  await signIn(page, 'owner@mpdom.test');
  await startRequest(page, 'Водопровод и канализация');
  await page.getByRole('button', { name: 'Капает кран или подтекает труба' }).click();
  await page.getByRole('button', { name: 'Да', exact: true }).click();
  await expect(page.getByTestId('self-help')).toContainText('Перекройте кран');
  await page.getByTestId('request-description').fill('Подтекает труба под раковиной в ванной');
  await page.locator('input[type="file"]').setInputFiles(PHOTO);
  await expect(page.getByTestId('photos-ready')).toBeVisible();
  await page.getByTestId('submit-request').click();

  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);

  const requestUrl = page.url();

  await expect(page.getByTestId('deadline-response')).toContainText('осталось');
  await expect(page.getByTestId('deadline-response')).toContainText('10 рабочих дней');

  // The photo as anyone downloads it: portrait, and its GPS position gone.
  const src = await page.getByTestId('request-photo').getAttribute('src');
  const download = await page.request.get(src!);

  expect(download.headers()['content-type']).toBe('image/jpeg');
  expect(await exifr.parse(await download.body(), { gps: true })).toBeUndefined();

  await signOut(page);

  // The dispatcher assigns it to the demo plumber.
  await signIn(page, 'dispatcher@mpdom.test');
  await page.goto(requestUrl);
  await page.getByTestId('executor-select').click();
  await page.getByRole('option', { name: /Белов/ }).click();
  await page.getByTestId('assign').click();
  await expect(page.getByTestId('request-status').first()).toHaveText('Принята');
  await signOut(page);

  // The executor, on a phone, starts and completes it.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'ru-RU',
  });
  const executor = await phone.newPage();

  await signIn(executor, 'master@mpdom.test');
  await executor.goto('/org/requests');
  await expect(executor.getByRole('heading', { name: 'Мои задачи' })).toBeVisible();
  await executor.goto(requestUrl);
  await executor.getByTestId('action-start').click();
  await expect(executor.getByTestId('request-status').first()).toHaveText('В работе');
  await executor.getByTestId('action-complete').click();
  await expect(executor.getByTestId('request-status').first()).toHaveText('Выполнена');
  expect(await fitsViewport(executor)).toBe(true);
  await phone.close();

  // The resident rates it.
  await signIn(page, 'owner@mpdom.test');
  await page.goto(requestUrl);
  // Mantine draws each star as the label of a visually hidden radio: tap the fifth star.
  const panel = page.getByTestId('rate-panel');
  const fifth = await panel.getByRole('radio', { name: '5' }).getAttribute('id');

  await panel.locator(`label[for="${fifth}"]`).click();
  await page.getByTestId('send-rating').click();
  await expect(page.getByTestId('rate-panel')).toHaveCount(0);
  await expect(page.getByText('Оценка жителя')).toBeVisible();
});

test('[SERVICE REQUESTS]: an emergency shows its short deadline, an overdue request is escalated', async ({
  page,
}) => {
  await signIn(page, 'owner@mpdom.test');
  await startRequest(page, 'Водопровод и канализация');
  await page.getByRole('button', { name: 'Течёт сильно, заливает квартиру или соседей' }).click();
  // The instructions appear as soon as the answer names an emergency, before anything is sent.
  await expect(page.getByTestId('emergency-instructions')).toContainText('Перекройте воду');
  await page.getByTestId('request-description').fill('Прорвало трубу, заливает соседей снизу');
  await page.getByTestId('submit-request').click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Аварийная', { exact: true })).toBeVisible();
  await expect(page.getByTestId('deadline-localisation')).toContainText('ПП 416 п. 13');
  await expect(page.getByTestId('deadline-response')).toContainText(/осталось (\d+ мин|0 ч)/);
  await signOut(page);

  // The demo's three-week-old written request is past its 10 working days: the dispatcher
  // checks the deadlines (the minute job does the same) and finds it escalated.
  await signIn(page, 'dispatcher@mpdom.test');
  await page.goto('/org/requests?overdue=true');
  await page.getByTestId('sweep').click();
  await expect(page.getByTestId('sweep-result')).toBeVisible();

  const overdue = page.getByTestId('queue-item').filter({ hasText: 'детскую площадку' });

  await expect(overdue).toHaveAttribute('data-overdue', 'true');
  await expect(overdue.getByTestId('overdue')).toBeVisible();
  await expect(overdue).toContainText('Просрочена — передана руководителю');
});
