import fs from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { checkSnils } from '../../src/domain/identifiers/checksums.js';
import { E2E_DATA_DIR } from './support/env.js';
import { randomSnils } from './support/identity.js';

const PASSWORD = 'demo-2026-mpdom';
const HOUSE = 'г. Екатеринбург, ул. Малышева, д. 15';
const SCAN = path.resolve(import.meta.dirname, '../fixtures/files/scan.jpg');

/** The demo registry extract the first start wrote: what an owner's ЕГРН extract says. */
function extractRow(premiseNumber: string) {
  const text = fs.readFileSync(path.join(E2E_DATA_DIR, 'demo', 'registry-extract.csv'), 'utf8');
  const rows = parse<Record<string, string>>(text, { delimiter: ';', columns: true });
  const row = rows.find(
    (candidate) =>
      candidate.premise_number === premiseNumber && candidate.address?.includes('Малышева, д. 15'),
  );

  expect(row, `the demo extract lists ${premiseNumber} of Малышева, 15`).toBeDefined();

  return row!;
}

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

/**
 * «Мой профиль → МП‑дом → Добавить объект недвижимости»; a demo account has the basic level, so
 * the page sends the owner to give passport and СНИЛС first, and back.
 */
async function openAddProperty(page: Page, passport: string) {
  await page.getByTestId('signed-in-name').click();
  await page.getByRole('tab', { name: 'МП‑дом' }).click();
  await page.getByRole('link', { name: 'Добавить объект недвижимости' }).click();
  await expect(page).toHaveURL(/\/owner\/properties\/add$/);
  await expect(page.getByText('Нужен стандартный уровень подтверждения личности')).toBeVisible();

  await page.getByRole('link', { name: 'Указать паспорт и СНИЛС' }).click();
  await page.getByLabel('Серия и номер паспорта').fill(passport);
  await page.getByLabel('Дата выдачи').fill('2016-03-10');
  await page.getByLabel('Код подразделения').fill('660-002');
  await page.getByRole('textbox', { name: 'СНИЛС' }).fill(randomSnils((s) => checkSnils(s).valid));
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('assurance-level')).toHaveAttribute('data-level', 'standard');

  await page.getByRole('tab', { name: 'МП‑дом' }).click();
  await page.getByRole('link', { name: 'Добавить объект недвижимости' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Дом' })).toBeVisible();
}

type Claim = {
  cadastralNumber: string;
  kind: string;
  number: string;
  area: string;
  title: string;
};

/** The six steps: house, object, share, title document, scans (a real JPEG), review and send. */
async function fillClaim(page: Page, claim: Claim) {
  const next = page.getByRole('button', { name: 'Далее' });

  await page.getByRole('textbox', { name: 'Адрес дома' }).fill('Малышева 15');
  await page.getByRole('option', { name: HOUSE, exact: true }).click();
  await next.click();

  await page.getByLabel('Кадастровый номер').fill(claim.cadastralNumber);
  await page.getByRole('textbox', { name: 'Тип помещения' }).click();
  await page.getByRole('option', { name: claim.kind, exact: true }).click();
  await page.getByLabel('Номер помещения').fill(claim.number);
  await page.getByLabel('Общая площадь, м²').fill(claim.area);
  await next.click();

  await page.getByLabel('Ваша доля в праве').fill('1');
  await next.click();

  await page.getByRole('textbox', { name: 'Документ — основание права' }).click();
  await page.getByRole('option', { name: claim.title, exact: true }).click();
  await page.getByLabel('Номер документа').fill('66АА 1234567');
  await page.getByLabel('Дата документа').fill('2021-03-01');
  await next.click();

  // A step cannot be skipped: without a scan the wizard stays on «Сканы».
  await next.click();
  await expect(page.getByText('Приложите хотя бы один скан')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(SCAN);
  await expect(page.getByTestId('scan-file')).toContainText('scan.jpg');
  await next.click();

  const review = page.getByTestId('claim-review');

  await expect(review).toContainText(HOUSE);
  await expect(review).toContainText(claim.cadastralNumber);
  await expect(review).toContainText(claim.area);
  await page.getByRole('button', { name: 'Отправить заявку' }).click();
}

test.describe('adding a property, reconciled with the registry', () => {
  test('an owner whose data match the registry sees the property confirmed at once', async ({
    page,
  }) => {
    const parking = extractRow('М-7');

    await signIn(page, 'owner@mpdom.test');
    await openAddProperty(page, '65 14 246810');
    await fillClaim(page, {
      cadastralNumber: parking.cadastral_number!,
      kind: 'Машино\u2011место',
      number: 'М-7',
      // Typed the Russian way, with a comma.
      area: parking.area!.replace('.', ','),
      title: 'Договор купли\u2011продажи',
    });

    const result = page.getByTestId('claim-result');

    await expect(result).toHaveAttribute('data-status', 'confirmed');
    await expect(result).toContainText('Право собственности подтверждено');
    await expect(result.getByTestId('mismatch')).toHaveCount(0);

    await page.getByRole('link', { name: 'Перейти в «Мой МП‑дом»' }).click();
    await expect(page).toHaveURL(/\/owner\/properties$/);
    await expect(page.getByTestId('premise-card').filter({ hasText: 'М-7' })).toBeVisible();
  });

  test('a claim with a wrong area goes to the managing organisation, who decides it', async ({
    page,
  }) => {
    const storage = extractRow('К-1');

    // The second owner types 5,90 m² where the registry says 4,20 m².
    await signIn(page, 'resident@mpdom.test');
    await openAddProperty(page, '65 15 135791');
    await fillClaim(page, {
      cadastralNumber: storage.cadastral_number!,
      kind: 'Кладовая',
      number: 'К-1',
      area: '5,90',
      title: 'Договор купли\u2011продажи',
    });

    const result = page.getByTestId('claim-result');

    await expect(result).toHaveAttribute('data-status', 'conflict');
    await expect(result).toContainText('Заявка передана на проверку');
    await expect(result.getByTestId('mismatch')).toHaveCount(1);
    await expect(result.getByTestId('mismatch')).toHaveAttribute('data-code', 'area');
    await expect(result.getByTestId('mismatch')).toHaveText(
      'Площадь: вы указали 5,90 м², в реестре — 4,20 м².',
    );
    await signOut(page);

    // The managing organisation's admin finds it in the queue, mismatch named, and approves.
    await signIn(page, 'uk-admin@mpdom.test');
    await page.getByRole('link', { name: 'Заявки на объекты недвижимости' }).click();
    await expect(page).toHaveURL(/\/org\/claims/);

    const card = page.getByTestId('queue-claim').filter({ hasText: storage.cadastral_number! });

    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Заявитель: Демидов Павел');
    await expect(card.getByTestId('mismatch')).toHaveText(
      'Площадь: заявитель указал 5,90 м², в реестре — 4,20 м².',
    );
    await expect(card.getByTestId('registry-facts')).toContainText('Демидов Павел Андреевич');
    await expect(card.getByRole('link', { name: 'Открыть scan.jpg' })).toBeVisible();

    const axe = await new AxeBuilder({ page })
      .include('main')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();

    expect(
      axe.violations.map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
      })),
    ).toEqual([]);

    // A decision needs a reason.
    await card.getByRole('button', { name: /^Одобрить заявку/ }).click();
    await expect(card.getByText('Напишите комментарий — не меньше 2 символов')).toBeVisible();

    const reason = 'Площадь указана с тамбуром; право подтверждено выпиской ЕГРН, площадь — по ней';

    await card.getByLabel('Комментарий к решению').fill(reason);
    await card.getByRole('button', { name: /^Одобрить заявку/ }).click();
    await expect(card).toHaveCount(0);

    await page.getByRole('textbox', { name: 'Показать' }).click();
    await page.getByRole('option', { name: 'Одобрено после проверки' }).click();
    await expect(card.getByTestId('claim-status')).toHaveText('Одобрено после проверки');
    await signOut(page);

    // The owner sees the outcome with its reason, and the storage room among their premises.
    await signIn(page, 'resident@mpdom.test');
    await page.getByTestId('signed-in-name').click();
    await page.getByRole('tab', { name: 'МП‑дом' }).click();

    const mine = page.getByTestId('my-claim').filter({ hasText: storage.cadastral_number! });

    await expect(mine).toHaveAttribute('data-status', 'approved');
    await expect(mine.getByTestId('claim-status')).toHaveText('Одобрено после проверки');
    await expect(mine.getByTestId('claim-decision')).toContainText(reason);

    await page.getByRole('link', { name: 'Открыть «Мой МП‑дом»' }).click();

    const premise = page.getByTestId('premise-card').filter({ hasText: 'К-1' });

    await expect(premise).toBeVisible();
    // Recorded with the registry's area, the legal record, not the one typed.
    await expect(premise).toContainText('4,2');
  });
});
