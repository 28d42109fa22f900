import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'demo-2026-mpdom';

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

type Meter = {
  id: string;
  resource: string;
  serialNumber: string;
  premiseNumber: string | null;
  zones: string[];
  fractionDigits: number;
  last: { zone: string; value: string }[];
};

/** The last value of a zone plus `step`, written with a decimal comma as a person types it. */
function next(meter: Meter, zone: string, step: number): string {
  const last = Number(meter.last.find((r) => r.zone === zone)!.value);

  return (last + step).toFixed(meter.fractionDigits).replace('.', ',');
}

test.describe('meters', () => {
  test('a resident submits water and two-zone electricity, is told why a lower value is refused, sees the chart; an organisation imports a file with a bad row', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'owner@mpdom.test');
    await page.getByRole('link', { name: 'Показания счётчиков', exact: true }).first().click();
    await expect(page).toHaveURL(/\/owner\/meters$/);
    await expect(page.getByTestId('reading-form-notice')).toContainText(
      'Показания будут учтены за',
    );

    const premises = (await (await page.request.get('/api/v1/me/premises')).json()) as {
      premises: {
        id: string;
        number: string;
        house: { id: string; address: string };
        ownership: { share: { text: string } } | null;
      }[];
    };
    const flat = premises.premises.find((p) => p.ownership?.share.text === '1')!;
    const meters = (await (await page.request.get(`/api/v1/premises/${flat.id}/meters`)).json())
      .meters as Meter[];

    if (premises.premises.length > 1) {
      await page.getByRole('textbox', { name: 'Помещение' }).click();
      await page.getByRole('option', { name: `${flat.house.address}, ${flat.number}` }).click();
    }

    const byResource = (resource: string) => meters.find((m) => m.resource === resource)!;

    // Cold and hot water, then the two zones of electricity, each accepted for the shown period.
    for (const [resource, steps] of [
      ['cold_water', { single: 1.5 }],
      ['hot_water', { single: 0.8 }],
      ['electricity', { day: 95, night: 41 }],
    ] as const) {
      const meter = byResource(resource);
      const card = page.getByTestId(`meter-${resource}`);

      for (const [zone, step] of Object.entries(steps)) {
        await card.locator(`input[name="${resource}-${zone}"]`).fill(next(meter, zone, step));
      }

      await card.getByRole('button', { name: /^Передать/ }).click();
      await expect(card.getByTestId('reading-accepted')).toContainText('Показания приняты за');
    }

    // A value below last month's is refused in the form, with the reason and the previous value.
    const cold = byResource('cold_water');
    const coldCard = page.getByTestId('meter-cold_water');

    await coldCard.locator('input[name="cold_water-single"]').fill(next(cold, 'single', -1));
    await coldCard.getByRole('button', { name: /^Передать/ }).click();
    await expect(coldCard.getByTestId('reading-refused')).toContainText('меньше предыдущего');
    await expect(coldCard.getByTestId('reading-refused')).toContainText(
      cold.last[0]!.value.replace('.', ','),
    );

    const chart = page.getByTestId('consumption-chart');

    await expect(chart.getByRole('img')).toBeVisible();
    await expect(chart.locator('rect').first()).toBeVisible();

    // The organisation's office imports a file: two good rows land, the bad one is reported.
    const office = await browser.newContext({ locale: 'ru-RU' });
    const staff = await office.newPage();

    await signIn(staff, 'uk-admin@mpdom.test');

    const houseMeters = (
      await (await staff.request.get(`/api/v1/houses/${flat.house.id}/meters`)).json()
    ).meters as Meter[];
    const others = houseMeters
      .filter((m) => m.resource === 'cold_water' && m.premiseNumber && m.id !== cold.id)
      .slice(3, 5);
    const csv = [
      'Заводской номер;Зона;Показание;Дата',
      ...others.map((m) => `${m.serialNumber};;${next(m, 'single', 2)};`),
      'НЕТ-ТАКОГО-ПРИБОРА;;10;',
    ].join('\n');

    await staff.goto('/org/meters');
    await staff.getByRole('tab', { name: 'Импорт' }).click();
    await staff.getByTestId('readings-import-file').click();
    await staff.locator('input[type="file"]').setInputFiles({
      name: 'readings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await staff.getByRole('button', { name: 'Загрузить' }).click();

    const report = staff.getByTestId('readings-import-report');

    await expect(report).toContainText('Строк: 3, принято: 2');
    await expect(report).toContainText('отклонено: 1');
    await expect(
      report.getByRole('row').filter({ hasText: 'нет среди действующих' }),
    ).toContainText('4');

    const landed = (
      await (await staff.request.get(`/api/v1/meters/${others[0]!.id}/readings`)).json()
    ).items as { value: string }[];

    expect(landed.at(-1)!.value).toBe(
      next(others[0]!, 'single', 2).replace(',', '.').replace(/0+$/, '').replace(/\.$/, ''),
    );
    await office.close();
  });
});
