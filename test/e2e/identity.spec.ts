import AxeBuilder from '@axe-core/playwright';
import { expect, request as apiRequest, test, type Page } from '@playwright/test';
import { generate } from 'otplib';

import { checkSnils } from '../../src/domain/identifiers/checksums.js';
import {
  latestCode,
  OPERATOR,
  operatorApi,
  passportScanPng,
  randomSnils,
  registerThroughApi,
  uniqueContacts,
} from './support/identity.js';
import { fitsViewport, switchLanguage } from './support/ui.js';

const PASSWORD = 'Надёжный-пароль-2026';

async function signInThroughUi(page: Page, login: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

test.describe('identity (issue 3)', () => {
  test('a new person registers, is verified by the operator and sees the verified state', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);

    const api = await operatorApi(baseURL);

    // Every journey comes from 127.0.0.1: start from clean daily counters for this address.
    expect((await api.delete('/api/v1/otp-counters', { params: { ip: '127.0.0.1' } })).ok()).toBe(
      true,
    );

    const contacts = uniqueContacts();
    const snils = randomSnils((input) => checkSnils(input).valid);
    const started = Date.now() - 1000;

    // The operator works in a browser of their own all along.
    const operatorContext = await browser.newContext({ baseURL });
    const desk = await operatorContext.newPage();

    await signInThroughUi(desk, OPERATOR.login, OPERATOR.password);

    // Step 1: names and contacts.
    await page.goto('/');
    await page.getByRole('link', { name: 'Регистрация' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await expect(page.getByText('Укажите телефон или электронную почту').first()).toBeVisible();

    await page.getByLabel('Фамилия').fill('Проверкина');
    await page.getByLabel('Имя').fill('Алиса');
    await page.getByLabel('Отчество').fill('Игоревна');
    await page.getByLabel('Мобильный телефон').fill(contacts.phone);
    await page.getByLabel('Электронная почта').fill(contacts.email);
    await page.getByRole('button', { name: 'Продолжить' }).click();

    // Step 2: a code for each contact. A wrong one first: the attempts left are named.
    const phone = page.getByRole('region', { name: /^Телефон/ });
    const email = page.getByRole('region', { name: /^Почта/ });

    await expect(phone.getByText(/Код отправлен/)).toBeVisible();
    await expect(phone.getByRole('button', { name: /Повторно — через \d+ секунд/ })).toBeDisabled();

    const phoneCode = await latestCode(api, contacts.phoneDigits, started);
    const wrong = phoneCode === '0000' ? '1111' : '0000';

    await phone.getByLabel('Код из SMS').fill(wrong);
    await phone.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(phone.getByRole('alert')).toContainText('Осталось 9 попыток');
    // The pause between attempts runs out before the right code goes in.
    await expect(phone.getByText(/Следующая попытка/)).toHaveCount(0, { timeout: 10_000 });

    await phone.getByLabel('Код из SMS').fill(phoneCode);
    await phone.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page.getByTestId('confirmed-phone')).toBeVisible();

    // The e-mail code is read on the operator's outbox page, as a tester without mail would.
    await desk.goto('/operator/outbox');
    await desk.getByLabel('Получатель (телефон или почта)').fill(contacts.email);
    await desk.getByRole('button', { name: 'Показать' }).click();

    const letter = desk.getByTestId('outbox-message').filter({ hasText: contacts.email }).first();

    await expect(letter).toContainText('Ваш код подтверждения');

    const emailCode = /код подтверждения:\s*(\d+)/i.exec((await letter.textContent()) ?? '')?.[1];

    expect(emailCode).toMatch(/^\d{6}$/);
    await email.getByLabel('Код из письма').fill(emailCode ?? '');
    await email.getByRole('button', { name: 'Подтвердить' }).click();

    // Step 3: two separate consents; neither is optional.
    await expect(page.getByText('Согласия', { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Далее' }).click();
    await expect(page.getByText('Без этого согласия регистрация невозможна')).toHaveCount(2);
    await page.getByLabel('Я даю согласие на обработку моих персональных данных').check();
    await page.getByLabel(/Я принимаю пользовательское соглашение/).check();
    await page.getByRole('button', { name: 'Далее' }).click();

    // Step 4: the password, with its rules checked while typing.
    await page.getByRole('textbox', { name: 'Пароль' }).fill('aaaaaaa1');
    await expect(page.getByTestId('password-rule-length')).toHaveAttribute('data-met', 'true');
    await expect(page.getByTestId('password-rule-distinct')).toHaveAttribute('data-met', 'false');
    await page.getByRole('textbox', { name: 'Пароль' }).fill(PASSWORD);
    await expect(page.getByTestId('password-rule-distinct')).toHaveAttribute('data-met', 'true');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    await expect(page.getByTestId('register-done')).toBeVisible();
    await expect(page.getByTestId('signed-in-name')).toContainText('Проверкина Алиса');

    // Signed in with the new password from a clean browser too.
    await page.context().clearCookies();
    await signInThroughUi(page, contacts.email, PASSWORD);

    // Profile: passport and СНИЛС raise the level to standard; hints come before sending.
    await page.getByTestId('signed-in-name').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мой профиль' })).toBeVisible();
    await page.getByRole('tab', { name: 'Подтверждение личности' }).click();
    await expect(page.getByTestId('assurance-level')).toHaveAttribute('data-level', 'basic');

    await page.getByLabel('Серия и номер паспорта').fill('65 12 123456');
    await page.getByLabel('Дата выдачи').fill('2015-06-01');
    await page.getByLabel('Код подразделения').fill('660-001');

    const snilsField = page.getByRole('textbox', { name: 'СНИЛС' });
    const lastDigit = Number(snils.at(-1));

    await snilsField.fill(`${snils.slice(0, -1)}${(lastDigit + 1) % 10}`);
    await snilsField.blur();
    await expect(page.getByText('Контрольное число СНИЛС не сходится')).toBeVisible();
    await snilsField.fill(snils);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByTestId('assurance-level')).toHaveAttribute('data-level', 'standard');

    // A real PNG scan, uploaded and handed to the operator.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'passport.png',
      mimeType: 'image/png',
      buffer: passportScanPng(),
    });
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await expect(page.getByTestId('verification-pending')).toBeVisible();

    // The operator sees the request, opens the scan and approves.
    await desk.goto('/operator/verifications');

    const item = desk.getByTestId('queue-item').filter({ hasText: 'Проверкина Алиса' });

    await expect(item).toBeVisible();
    expect(await violations(desk)).toEqual([]);
    await item.getByRole('button', { name: 'Показать скан' }).click();

    const frame = item.locator('iframe');

    await expect(frame).toBeVisible();

    const scan = await desk.request.get((await frame.getAttribute('src')) ?? '');

    expect(scan.status()).toBe(200);
    expect(scan.headers()['content-type']).toContain('image/png');

    await item.getByRole('button', { name: /^Подтвердить личность: Проверкина Алиса/ }).click();
    await expect(item).toHaveCount(0);

    // The person sees the verified state.
    await page.reload();
    await expect(page.getByTestId('assurance-level')).toHaveAttribute('data-level', 'verified');
    await expect(page.getByTestId('assurance-level')).toHaveText('Подтверждённый');
    expect(await violations(page)).toEqual([]);

    await operatorContext.close();
    await api.dispose();
  });

  test('a wrong password past the limit locks the account and says until when', async ({
    page,
    request,
    baseURL,
  }) => {
    const api = await operatorApi(baseURL);
    const { email } = uniqueContacts();

    // The account is made through the API: this journey is about the lock, not the wizard.
    await registerThroughApi(request, api, {
      email,
      surname: 'Замкова',
      name: 'Вера',
      password: PASSWORD,
    });
    await api.dispose();

    await page.context().clearCookies();
    await page.goto('/signin');
    await page.getByLabel('Электронная почта или телефон').fill(email);

    let lockedUntil: string | undefined;

    for (let attempt = 1; attempt <= 10 && !lockedUntil; attempt += 1) {
      await page.getByLabel('Пароль').fill(`wrong-password-${attempt}`);

      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/v1/sessions')),
        page.getByRole('button', { name: 'Войти', exact: true }).click(),
      ]);

      if (answer.status() === 423) {
        lockedUntil = ((await answer.json()) as { lockedUntil: string }).lockedUntil;
      } else {
        expect(answer.status()).toBe(401);
        await expect(page.getByRole('alert')).toContainText('Неверный логин или пароль');
      }
    }

    expect(lockedUntil, 'the account locks within ten wrong passwords').toBeDefined();

    const shown = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        ),
      lockedUntil ?? '',
    );
    const alert = page.getByRole('alert');

    await expect(alert).toContainText('Вход временно заблокирован');
    await expect(alert).toContainText(`Вход заблокирован до ${shown}`);
    await expect(alert.getByRole('link', { name: /Восстановить доступ/ })).toBeVisible();

    // Even the right password waits for the lock to end.
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(alert).toContainText(`Вход заблокирован до ${shown}`);

    // In English the same moment is written the English way.
    await switchLanguage(page, 'EN');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    const shownEn = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        ),
      lockedUntil ?? '',
    );

    await expect(page.getByRole('alert')).toContainText(`Sign-in is locked until ${shownEn}`);
  });
});

/** WCAG 2.1 A/AA rules by axe-core, summarised to rule and elements. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();

  return result.violations.map((violation) => ({
    rule: violation.id,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

test.describe('identity pages for everyone', () => {
  test('registration, recovery and sign-in are accessible and fit a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });

    await page.goto('/register');
    await expect(page.getByTestId('register-step')).toHaveText('Шаг 1 из 4: Контакты');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await expect(page.getByLabel('Фамилия')).toHaveAttribute('aria-invalid', 'true');
    // The error is tied to its field, so a screen reader reads it with the field.
    const describedBy = (await page.getByLabel('Фамилия').getAttribute('aria-describedby')) ?? '';

    expect(describedBy).not.toBe('');
    await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`)).toHaveText(
      'Заполните это поле',
    );
    expect(await fitsViewport(page)).toBe(true);
    expect(await violations(page)).toEqual([]);

    await page.goto('/recovery');
    await page.getByRole('button', { name: 'Получить код' }).click();
    await expect(page.getByText('Заполните это поле')).toBeVisible();
    expect(await fitsViewport(page)).toBe(true);
    expect(await violations(page)).toEqual([]);

    await page.goto('/signin');
    await expect(page.getByRole('link', { name: 'Забыли пароль?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Войти с ключом доступа' })).toBeVisible();
    expect(await fitsViewport(page)).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  test('recovery answers the same for an unknown login and asks for the code', async ({ page }) => {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Восстановление доступа');
    await page.getByLabel('Электронная почта или телефон').fill('nobody-here@example.ru');
    await page.getByRole('button', { name: 'Получить код' }).click();

    await expect(page.getByText('Если учётная запись существует, код уже отправлен')).toBeVisible();
    await expect(page.getByLabel('Код из письма')).toBeVisible();
  });

  test('the platform admin reads the journal with filters and the chain is intact', async ({
    page,
  }) => {
    await signInThroughUi(page, 'admin@mpdom.test', OPERATOR.password);
    await page.goto('/journal');

    await expect(page.getByTestId('chain-status')).toContainText('Цепочка журнала цела');
    await expect(page.getByTestId('journal-table')).toBeVisible();

    await page.getByLabel('Действие').fill('session.started');
    await page.getByRole('button', { name: 'Применить' }).click();
    await expect(page).toHaveURL(/action=session\.started/);

    const actions = page.getByTestId('journal-table').locator('tbody tr td:nth-child(4) code');

    await expect(actions.first()).toHaveText('session.started');
    expect(new Set(await actions.allTextContents())).toEqual(new Set(['session.started']));
    expect(await violations(page)).toEqual([]);

    // An actor that is not an id is named at the field, not sent.
    await page.getByLabel('Идентификатор пользователя').fill('не-идентификатор');
    await page.getByRole('button', { name: 'Применить' }).click();
    await expect(page.getByText('Нужен идентификатор вида')).toBeVisible();
  });

  test('an organisation admin sees the employees and their roles', async ({ page }) => {
    await signInThroughUi(page, 'uk-admin@mpdom.test', OPERATOR.password);
    await page.getByRole('link', { name: 'Сотрудники и роли' }).first().click();

    await expect(page.getByRole('heading', { level: 1, name: 'Сотрудники и роли' })).toBeVisible();
    await expect(page.getByRole('group', { name: /^Роли: Орлова Елена/ })).toBeVisible();
    await expect(
      page
        .getByRole('group', { name: /^Роли: Орлова Елена/ })
        .getByLabel('Администратор организации'),
    ).toBeChecked();

    await page.getByLabel('Почта или телефон').fill('new-dispatcher@example.ru');
    await page.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect(page.getByRole('status')).toContainText('Приглашение отправлено');
    expect(await violations(page)).toEqual([]);
  });
});

test('security settings: end another session, turn on the app, sign in with a recovery code', async ({
  page,
  request,
  baseURL,
}) => {
  const api = await operatorApi(baseURL);
  const { email } = uniqueContacts();

  await registerThroughApi(request, api, {
    email,
    surname: 'Защитова',
    name: 'Нина',
    password: PASSWORD,
  });
  await api.dispose();

  // A second device: another session of the same person.
  const laptop = await apiRequest.newContext({ baseURL, userAgent: 'Laptop test agent' });

  expect(
    (
      await laptop.post('/api/v1/sessions', { data: { login: email, password: PASSWORD } })
    ).status(),
  ).toBe(201);

  await page.context().clearCookies();
  await signInThroughUi(page, email, PASSWORD);
  await page.goto('/profile?tab=security');

  const sessions = page.getByTestId('sessions').locator(':scope > li');

  await expect(sessions.filter({ hasText: 'Этот сеанс' })).toHaveCount(1);
  // Registration itself signed in once more, so three; ending the other two leaves this one.
  await expect(sessions).toHaveCount(3);
  await sessions
    .getByRole('button', { name: /^Завершить сеанс/ })
    .first()
    .click();
  await expect(sessions).toHaveCount(2);
  await sessions.getByRole('button', { name: /^Завершить сеанс/ }).click();
  await expect(sessions).toHaveCount(1);
  expect((await laptop.get('/api/v1/sessions/current')).status()).toBe(401);
  await laptop.dispose();

  // The authenticator app: secret and QR code, a code from it, ten recovery codes shown once.
  await page.getByRole('button', { name: 'Включить' }).click();

  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';

  await expect(
    page.getByRole('img', { name: 'QR‑код для приложения‑аутентификатора' }),
  ).toBeVisible();
  await page.getByLabel('Код из приложения').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Подтвердить и включить' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);

  const recoveryCode = (await page.getByTestId('recovery-code').first().textContent()) ?? '';

  await page.getByRole('button', { name: 'Я сохранил коды' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(0);
  await expect(page.getByTestId('totp-enabled')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // Signing in again asks for the second step; a recovery code passes it.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(email);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByText('Второй шаг входа')).toBeVisible();
  await page
    .getByRole('radiogroup', { name: 'Чем подтвердить вход' })
    .locator('label')
    .filter({ hasText: 'Резервный код' })
    .click();
  await page.getByRole('textbox', { name: 'Резервный код' }).fill(recoveryCode);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).toContainText('Защитова Нина');
});
