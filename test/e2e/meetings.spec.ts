import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  expect,
  request,
  test,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';

const PASSWORD = 'demo-2026-mpdom';
const SCAN = path.resolve(import.meta.dirname, '../fixtures/files/scan.jpg');
const HOA_HOUSE = /Малышева, д\. 21/;

async function signIn(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('signed-in-name')).not.toBeEmpty();
}

/** An API client signed in as a demo user, writes carrying the CSRF token. */
async function apiAs(baseURL: string | undefined, login: string): Promise<APIRequestContext> {
  const signIn = await request.newContext({ baseURL });
  const answer = await signIn.post('/api/v1/sessions', { data: { login, password: PASSWORD } });

  expect(answer.status(), `${login} signs in`).toBe(201);

  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  const storageState = await signIn.storageState();

  await signIn.dispose();

  return request.newContext({
    baseURL,
    storageState,
    extraHTTPHeaders: { 'x-csrf-token': csrfToken },
  });
}

async function choose(page: Page, label: string, option: RegExp | string, scope?: Locator) {
  await (scope ?? page).getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Moves the demo's meetings clock: a meeting needs 10 days of notice and 7 of voting. */
async function travel(admin: APIRequestContext, days: number) {
  const answer = await admin.put('/api/v1/meetings/demo-clock', { data: { days } });

  expect(answer.status()).toBe(200);
}

type Entry = {
  entryId: string;
  premiseNumber: string;
  premiseKind: string;
  area: string;
  share: string | null;
  ownerName: string | null;
};
type Fraction = { num: bigint; den: bigint };

/** Σ area × share of the entries as an exact fraction, computed here independently. */
function exactVotes(entries: { area: string; share: string | null }[]): Fraction {
  let num = 0n;
  let den = 1n;

  for (const e of entries) {
    const [whole, frac = ''] = e.area.split('.');
    const [sn, sd = '1'] = (e.share ?? '0').split('/');
    const n = BigInt(`${whole}${frac.padEnd(2, '0')}`) * BigInt(sn!);
    const d = 100n * BigInt(sd);

    num = num * d + n * den;
    den *= d;
  }

  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const g = gcd(num, den);

  return { num: num / g, den: den / g };
}

const exact = (f: Fraction) => (f.den === 1n ? String(f.num) : `${f.num}/${f.den}`);

test.describe('owners’ general meeting', () => {
  test('the ТСЖ convenes an electronic meeting, owners vote, the count and the protocol are exact', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);

    const admin = await apiAs(baseURL, 'admin@mpdom.test');
    const tsj = await apiAs(baseURL, 'tsj@mpdom.test');

    await travel(admin, 0);

    try {
      // The ТСЖ convenes the meeting; dates that break the notice period are refused first.
      await signIn(page, 'tsj@mpdom.test');
      await page.goto('/org/meetings');
      await page.getByRole('button', { name: 'Созвать собрание' }).click();
      await choose(page, 'Дом', HOA_HOUSE, page.getByTestId('create-meeting'));
      await page.getByLabel('Название').fill('Собрание о ремонте и договорах');

      const today = new Date().toISOString().slice(0, 10);

      await page.getByLabel('Начало голосования').fill(today);
      await page
        .getByLabel('Вопрос 1: Формулировка вопроса')
        .fill('Избрать председателя и секретаря');
      await page.getByRole('button', { name: 'Добавить вопрос' }).click();
      await page
        .getByLabel('Вопрос 2: Формулировка вопроса')
        .fill('Взнос на капремонт выше минимального');
      await page.getByRole('textbox', { name: 'Вид решения по ЖК РФ' }).nth(1).click();
      await page.getByRole('option', { name: /п\. 1\.1-1 ч\. 2/ }).click();
      await page.getByRole('button', { name: 'Добавить вопрос' }).click();
      await page.getByLabel('Вопрос 3: Формулировка вопроса').fill('Прямые договоры с РСО');
      await page.getByRole('textbox', { name: 'Вид решения по ЖК РФ' }).nth(2).click();
      await page.getByRole('option', { name: /п\. 4\.2 ч\. 2/ }).click();

      const majorities = page.getByTestId('question-majority');

      await expect(majorities.nth(0)).toContainText('большинство голосов участников');
      await expect(majorities.nth(1)).toContainText('не менее 2/3 голосов всех собственников');
      await expect(majorities.nth(2)).toContainText('более 50 % голосов всех собственников');

      await page.getByRole('button', { name: 'Объявить собрание и разослать сообщение' }).click();
      await expect(page.getByRole('alert')).toContainText('не позднее чем за 10 дней');

      const starts = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const ends = new Date(Date.now() + 16 * 86_400_000).toISOString().slice(0, 10);

      await page.getByLabel('Начало голосования').fill(starts);
      await page.getByLabel('Окончание голосования').fill(ends);
      await page.getByRole('button', { name: 'Объявить собрание и разослать сообщение' }).click();
      await expect(page.getByTestId('meeting-status')).toHaveText('Объявлено');

      const meetingId = page.url().split('/').pop()!;

      // Ten days later voting opens and the register is frozen.
      await travel(admin, 10);
      await page.reload();
      await expect(page.getByTestId('meeting-status')).toHaveText('Идёт голосование');

      // The owner of half of flat 1 votes her half electronically.
      const owner = await page.context().browser()!.newPage();

      await signIn(owner, 'owner@mpdom.test');
      await owner.goto(`/meetings/${meetingId}`);

      const mine = owner.getByTestId('my-entry');

      await expect(mine).toContainText('доля 1/2');

      for (const group of await mine.getByRole('radiogroup').all()) {
        await group.getByRole('radio', { name: 'За' }).check();
      }

      await mine.getByRole('button', { name: 'Проголосовать' }).click();

      const receipt = (await owner.getByTestId('receipt').innerText()).trim();

      expect(receipt).toMatch(/^[0-9a-f]{64}$/);

      // The administrator enters the other co-owner's paper ballot with its scan, in the UI.
      const register = (await (await tsj.get(`/api/v1/meetings/${meetingId}/register`)).json()) as {
        entries: Entry[];
      };
      const detail = (await (await tsj.get(`/api/v1/meetings/${meetingId}`)).json()) as {
        questions: { id: string }[];
      };
      const [ownerEntry] = (
        (await (
          await (await apiAs(baseURL, 'owner@mpdom.test')).get(`/api/v1/meetings/${meetingId}`)
        ).json()) as {
          myEntries: { entryId: string; premiseNumber: string }[];
        }
      ).myEntries;
      const flat = register.entries.find((e) => e.entryId === ownerEntry!.entryId)!;
      const coOwner = register.entries.find(
        (e) =>
          e.premiseNumber === flat.premiseNumber &&
          e.premiseKind === flat.premiseKind &&
          e.entryId !== flat.entryId,
      )!;

      await page.reload();
      await choose(page, 'Собственник из реестра', new RegExp(`· ${coOwner.ownerName} ·`));
      await page.getByRole('checkbox', { name: '1. За' }).check();
      await page.getByRole('checkbox', { name: '2. За' }).check();
      await page.getByRole('checkbox', { name: '3. За' }).check();
      await page.locator('input[type="file"]').setInputFiles(SCAN);
      await page.getByRole('button', { name: 'Внести бюллетень' }).click();
      await expect(page.getByText('Бумажный бюллетень внесён')).toBeVisible();

      // More paper ballots arrive, enough for a quorum: every other owner votes «за».
      const upload = await tsj.post('/api/v1/files', {
        multipart: {
          file: { name: 'ballot.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(SCAN) },
        },
      });
      const scanId = ((await upload.json()) as { id: string }).id;
      const others = register.entries.filter(
        (e, i) =>
          e.share &&
          e.entryId !== ownerEntry!.entryId &&
          e.entryId !== coOwner.entryId &&
          i % 3 !== 0,
      );

      for (const e of others) {
        const answers = Object.fromEntries(detail.questions.map((q) => [q.id, ['for']]));
        const entered = await tsj.post(`/api/v1/meetings/${meetingId}/paper-ballots`, {
          data: { entryId: e.entryId, scanFileId: scanId, answers },
        });

        expect(entered.status()).toBe(201);
      }

      // The live figures equal Σ area × share of the counted ballots, exactly.
      const voted = exactVotes([...others, coOwner, flat]);
      // All votes: the area of every premise of the register once, co-owned or not.
      const premises = new Map(
        register.entries.map((e) => [`${e.premiseKind}:${e.premiseNumber}`, e]),
      );
      const all = exactVotes([...premises.values()].map((e) => ({ area: e.area, share: '1' })));
      const above = (k: bigint, m: bigint) => voted.num * all.den * m > all.num * voted.den * k;
      const atLeast = (k: bigint, m: bigint) => voted.num * all.den * m >= all.num * voted.den * k;
      const quorum = above(1n, 2n);

      await page.reload();
      await expect(page.getByTestId('participants')).toContainText(`Точно: ${exact(voted)} м²`);

      // Voting ends; the results are fixed and each decision is shown.
      await travel(admin, 17);
      await page.reload();
      await expect(page.getByTestId('meeting-status')).toHaveText('Итоги подведены');

      const decisions = page.getByTestId('decision');
      const shown = (adopted: boolean) => (adopted ? 'Принято' : 'Не принято');

      await expect(page.getByTestId('quorum')).toHaveText(quorum ? 'Кворум есть' : 'Кворума нет');
      // Everyone voted «за»: the participants' majority, 2/3 of all, and more than half of all.
      await expect(decisions.nth(0)).toHaveText(shown(quorum));
      await expect(decisions.nth(1)).toHaveText(shown(quorum && atLeast(2n, 3n)));
      await expect(decisions.nth(2)).toHaveText(shown(quorum && above(1n, 2n)));

      // The protocol: drawn up with its attachments; the PDF names the chain head.
      await page.getByLabel('Председатель (логин)').fill('tsj@mpdom.test');
      await page.getByLabel('Секретарь (логин)').fill('owner@mpdom.test');
      await page.getByRole('button', { name: 'Составить протокол' }).click();
      await expect(page.getByTestId('protocol')).toContainText('по форме приказа № 266/пр');

      const pdf = await tsj.get(`/api/v1/meetings/${meetingId}/protocol/file`);

      expect(pdf.headers()['content-type']).toBe('application/pdf');

      const file = path.join(os.tmpdir(), `e2e-protocol-${meetingId}.pdf`);

      fs.writeFileSync(file, await pdf.body());

      const text = execFileSync('pdftotext', [file, '-']).toString();
      const head = (
        (await (await tsj.get(`/api/v1/meetings/${meetingId}`)).json()) as {
          results: { chainHead: string };
        }
      ).results.chainHead;

      expect(text).toContain('Реестр собственников');
      expect(text).toContain('Список участников');
      expect(text).toContain('Бюллетени');
      expect(text.replace(/\s+/g, '')).toContain(head);

      // The voter checks her receipt: her ballot is in the count.
      await owner.goto(`/meetings/${meetingId}`);
      await owner.getByLabel('Квитанция (64 символа)').fill(receipt);
      await owner.getByRole('button', { name: 'Проверить' }).click();
      await expect(owner.getByTestId('receipt-result')).toContainText('учтён в подсчёте');
      await expect(owner.getByTestId('receipt-result')).toContainText('Цепочка бюллетеней цела');
    } finally {
      await travel(admin, 0);
    }
  });
});
