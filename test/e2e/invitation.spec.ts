import { expect, request as apiRequest, test } from '@playwright/test';

import { OPERATOR, operatorApi, registerThroughApi, uniqueContacts } from './support/identity.js';

const PASSWORD = 'Надёжный-пароль-2026';

type CurrentSession = { user: { roles: { role: string; organisationId?: string }[] } };

test('an invited person opens the link, signs in, accepts and becomes an employee', async ({
  page,
  request,
  baseURL,
}) => {
  const operator = await operatorApi(baseURL);
  const { email } = uniqueContacts();

  await registerThroughApi(request, operator, {
    email,
    surname: 'Приглашённая',
    name: 'Вера',
    password: PASSWORD,
  });

  // The management company's admin invites the new person as a dispatcher.
  const admin = await apiRequest.newContext({ baseURL });
  const signedIn = await admin.post('/api/v1/sessions', {
    data: { login: 'uk-admin@mpdom.test', password: OPERATOR.password },
  });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const current = (await (await admin.get('/api/v1/sessions/current')).json()) as CurrentSession;
  const organisationId = current.user.roles.find(
    (grant) => grant.role === 'organisation_admin',
  )?.organisationId;
  const invited = await admin.post(`/api/v1/organisations/${organisationId}/invitations`, {
    data: { email, role: 'dispatcher' },
    headers: { 'x-csrf-token': csrfToken },
  });

  expect(invited.status()).toBe(201);
  await admin.dispose();

  // The link arrives by e-mail; the demo outbox shows it to the operator.
  let link = '';

  await expect
    .poll(async () => {
      const answer = await operator.get('/api/v1/outbox-messages', {
        params: { recipient: email, limit: 5 },
      });
      const items = ((await answer.json()) as { items: { body: string }[] }).items;

      link = items.map((item) => /\/invitations\/[\w-]+/.exec(item.body)?.[0]).find(Boolean) ?? '';

      return link;
    })
    .not.toBe('');
  await operator.dispose();

  // Opening the link signed out leads through sign-in and back to the invitation.
  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByLabel('Электронная почта или телефон').fill(email);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Приглашение в организацию' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Принять приглашение' }).click();
  await expect(page.getByRole('status')).toContainText('Приглашение принято');
  await expect(page.getByRole('status')).toContainText('Диспетчер');

  // A second use of the same link is refused with the reason.
  await page.goto(link);
  await page.getByRole('button', { name: 'Принять приглашение' }).click();
  await expect(page.getByTestId('problem-detail')).not.toBeEmpty();
});
