import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test, type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';

import { latestCode, operatorApi } from './support/identity.js';

const PASSWORD = 'demo-2026-mpdom';
const OWNER_PHONE = '+79000000001';

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

async function pageAs(browser: Browser, login: string) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();

  await signIn(page, login);

  return page;
}

/** Reads the QR code printed on the PDF, as a phone camera would: the image, then the code. */
async function qrLinkOf(pdf: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-qr-'));

  execFileSync('pdfimages', ['-png', pdf, path.join(dir, 'image')]);

  for (const name of fs.readdirSync(dir)) {
    const { data, info } = await sharp(path.join(dir, name))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const found = jsQR(new Uint8ClampedArray(data), info.width, info.height);

    if (found) {
      return found.data;
    }
  }

  throw new Error('the certificate carries no readable QR code');
}

/** A tiny PDF to file as the act. */
function actPdf(): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Act of completed works) Tj ET\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];

  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });

  const xref = body.length;

  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;

  return Buffer.from(body, 'latin1');
}

test('[DOCUMENTS] a certificate checks out by its QR code; an act is signed with a code', async ({
  browser,
  baseURL,
}) => {
  const owner = await pageAs(browser, 'owner@mpdom.test');

  // The owner requests an ownership certificate in a few clicks and downloads it.
  await owner.goto('/owner/documents');
  await owner.getByRole('button', { name: 'Заказать справку' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Справка №' })).toBeVisible();

  const row = owner.getByTestId('certificate-row').first();
  const downloading = owner.waitForEvent('download');

  await row.getByRole('link', { name: 'Скачать PDF' }).click();

  const download = await downloading;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-cert-')), 'справка.pdf');

  await download.saveAs(file);

  const bytes = fs.readFileSync(file);

  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // The QR code leads to the public page, which needs no sign-in.
  const link = new URL(await qrLinkOf(file));
  const visitor = await (await browser.newContext()).newPage();

  await visitor.goto(link.pathname);
  await expect(visitor.getByTestId('verification-state')).toContainText(
    'Справка подлинная и действует',
  );

  // The same file altered by one byte fails; the file as issued passes.
  const altered = Buffer.from(bytes);

  altered[Math.floor(altered.length / 2)]! ^= 0x01;
  await visitor.locator('input[type="file"]').setInputFiles({
    name: 'справка.pdf',
    mimeType: 'application/pdf',
    buffer: altered,
  });
  await expect(visitor.getByTestId('file-check')).toContainText('Файл изменён');
  await visitor.locator('input[type="file"]').setInputFiles({
    name: 'справка.pdf',
    mimeType: 'application/pdf',
    buffer: bytes,
  });
  await expect(visitor.getByTestId('file-check')).toContainText('Файл не изменён');

  // The organisation files an act and sends it to the owner for signature.
  const title = `Акт выполненных работ ${Date.now()}`;
  const office = await pageAs(browser, 'uk-admin@mpdom.test');

  await office.goto('/org/documents');
  await office.getByLabel('Название документа').fill(title);
  await office.locator('input[type="file"]').setInputFiles({
    name: 'акт.pdf',
    mimeType: 'application/pdf',
    buffer: actPdf(),
  });
  await office.getByRole('button', { name: 'Загрузить' }).click();

  const actRow = office.getByTestId('document-row').filter({ hasText: title });

  await actRow.getByRole('button', { name: 'Отправить на подпись' }).click();
  await office.getByLabel('Поиск собственника (фамилия или номер помещения)').fill('Демидова');
  await office.getByRole('textbox', { name: 'Кому' }).click();
  await office
    .getByRole('option', { name: /Демидова Анна Сергеевна/ })
    .first()
    .click();
  await office.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(office.getByTestId('outgoing-request').filter({ hasText: title })).toContainText(
    'Ждёт подписи',
  );

  // The owner signs it with the code from the SMS.
  const operator = await operatorApi(baseURL);
  const since = Date.now();

  await owner.goto('/owner/documents');

  const card = owner.getByTestId('signature-request').filter({ hasText: title });

  await card.getByRole('button', { name: 'Получить код для подписи' }).click();
  await card.getByLabel('Код из сообщения').fill(await latestCode(operator, OWNER_PHONE, since));
  await card.getByRole('button', { name: 'Подписать' }).click();
  await expect(card).toContainText('Подписан');
  await operator.dispose();

  // Both see it signed.
  await office.reload();
  await expect(office.getByTestId('outgoing-request').filter({ hasText: title })).toContainText(
    'Подписан',
  );
  await expect(office.getByTestId('document-row').filter({ hasText: title })).toContainText(
    'Подписан',
  );
});
