import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const PASSWORD = 'demo-2026-mpdom';
const DEMO_HOUSE = /ул\. Малышева, д\. 15$/;

async function signIn(page: Page, login: string) {
  await page.context().clearCookies();
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

/** The QR of the PDF's first page, as a phone's banking app would read it. */
function qrOfPdf(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-epd-'));

  try {
    fs.writeFileSync(path.join(dir, 'epd.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', 'epd.pdf', 'page'], {
      cwd: dir,
    });

    const file = fs.readdirSync(dir).find((name) => name.endsWith('.png'))!;
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, file)));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);

    if (!code) {
      throw new Error('no QR code found on the first page of the ЕПД');
    }

    const bytes = Buffer.from(code.binaryData);

    // The header's seventh byte names the encoding of what follows (ГОСТ Р 56042-2014).
    return iconv.decode(bytes, bytes[6] === 0x31 ? 'win1251' : 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function previousPeriod(): string {
  const now = new Date();

  return new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1)).toISOString().slice(0, 7);
}

test.describe('billing, the ЕПД and payments', () => {
  test('the organisation bills a house, the owner pays the ЕПД by its QR amount, a registry is reconciled', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const period = previousPeriod();

    // The organisation runs billing for the demo house and closes the period.
    await signIn(page, 'uk-admin@mpdom.test');
    await page.goto('/org/charges');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Начисления и платежи' }),
    ).toBeVisible();
    await page.getByRole('textbox', { name: 'Дом', exact: true }).click();
    await page.getByRole('option', { name: DEMO_HOUSE }).click();
    await expect(page.getByRole('textbox', { name: 'Период' })).toHaveValue(period);
    await page.getByRole('button', { name: 'Рассчитать' }).click();

    const progress = page.getByTestId('run-progress');

    await expect(progress).toContainText('Черновик', { timeout: 30_000 });
    await expect(progress).toContainText(/Рассчитано (\d+) из \1 лицевых счетов/);
    await page.getByRole('button', { name: 'Закрыть период' }).click();
    await expect(
      page.getByTestId('run-row').filter({ hasText: 'ул. Малышева, д. 15' }).first(),
    ).toHaveAttribute('data-status', 'closed');

    // A bank registry: two payments for other accounts, one naming nobody, one broken line.
    const session = (await (await page.request.get('/api/v1/sessions/current')).json()) as {
      user: { roles: { organisationId: string | null }[] };
    };
    const orgId = session.user.roles.find((r) => r.organisationId)!.organisationId!;
    const accounts = (await (
      await page.request.get(`/api/v1/organisations/${orgId}/personal-accounts?limit=10`)
    ).json()) as { items: { number: string }[] };
    const [first, second] = accounts.items.slice(3, 5).map((a) => a.number);
    const today = new Date().toLocaleDateString('ru-RU', { timeZone: 'Asia/Yekaterinburg' });
    const registry = [
      '#FILESUM 1750.50',
      `${today};10:00;${first};8606;1;1000,00;0;Плательщик Один`,
      `${today};10:05;8606;2;2;500,50;0;Плательщик Два;Оплата ЖКУ, ЕЛС ${second}`,
      `${today};10:07;00AA000000;8606;3;250,00;0;Неизвестный плательщик`,
      `${today};10:10;${first};8606;4;сто рублей;0;Ошибка в сумме`,
      '',
    ].join('\r\n');

    await page.getByRole('tab', { name: 'Платежи' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: '6670001001_40702810016540000000_001_1126.txt',
      mimeType: 'text/plain',
      buffer: iconv.encode(registry, 'win1251'),
    });
    await page.getByRole('button', { name: 'Загрузить реестр' }).click();

    const report = page.getByTestId('registry-report');

    await expect(report).toContainText('Сопоставлено 2, в очереди 1, ошибок 1, повторов 0');
    await expect(report.locator('[data-status="error"]')).toContainText(
      'сумма «сто рублей» не читается',
    );
    await expect(report.locator('[data-status="matched"]')).toHaveCount(2);
    await expect(page.getByTestId('unmatched-line')).toContainText('00AA000000');

    // The owner opens the ЕПД; its QR names the payee and the amount due.
    await signIn(page, 'owner@mpdom.test');
    await page.goto('/owner/bills');

    const card = page.getByTestId('billing-account').filter({ hasText: /Малышева, д\. 15/ });

    await card.getByRole('link', { name: /^ЕПД за / }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^ЕПД за / })).toBeVisible();
    await expect(page.getByTestId('bill-line').first()).toContainText('по площади');

    const accountId = page.url().split('/').at(-2)!;
    const bill = (await (
      await page.request.get(`/api/v1/personal-accounts/${accountId}/bills/${period}`)
    ).json()) as {
      totalDueKopecks: number;
      executor: { payeeName: string; settlementAccount: string };
    };
    const pdf = await page.request.get(
      `/api/v1/personal-accounts/${accountId}/bills/${period}/epd.pdf`,
    );
    const qr = qrOfPdf(await pdf.body());

    expect(
      qr.startsWith(
        `ST00011|Name=${bill.executor.payeeName}|PersonalAcc=${bill.executor.settlementAccount}|`,
      ),
    ).toBe(true);
    expect(qr).toContain(`|Sum=${bill.totalDueKopecks}|`);
    expect(bill.totalDueKopecks).toBeGreaterThan(0);

    const due = await page.getByTestId('bill-total').innerText();

    expect(due.replace(/\D/g, '')).toBe(String(bill.totalDueKopecks));

    // Pays it through the sandbox bank; the bank calls back on its own.
    await page.getByRole('button', { name: /^Оплатить / }).click();
    await expect(page.getByRole('heading', { name: 'Тестовый банк МП-дом' })).toBeVisible();
    expect((await page.getByTestId('sandbox-amount').innerText()).replace(/\D/g, '')).toBe(
      String(bill.totalDueKopecks),
    );
    await page.getByRole('button', { name: 'Оплатить (успешно)' }).click();
    await expect(page.getByText('Оплата прошла')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('receipt-number')).toHaveText(/Квитанция № \d{8}-[0-9A-F]{8}/);

    await page.goto('/owner/bills');
    await expect(card.getByTestId('account-balance')).toHaveText('0,00\u00a0₽');
  });
});
