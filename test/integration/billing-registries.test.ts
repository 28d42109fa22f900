import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { businessToday } from '../../src/server/modules/billing/billing-common.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

type Line = {
  lineNo: number;
  status: string;
  problem: string | null;
  amountKopecks: number | null;
  accountNumber: string | null;
};
type Report = {
  id: string;
  matchedCount: number;
  unmatchedCount: number;
  errorCount: number;
  duplicateCount: number;
  totalKopecks: number;
  totalsMatch: boolean | null;
  encoding: string;
  lines: Line[];
};

function multipart(name: string, bytes: Buffer) {
  const boundary = '----mpdom-billing-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);

  return {
    payload: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('bank payment registries', () => {
  let world: AccessWorld;
  let accountant: Session;
  let orgId: string;
  let numbers: string[];
  const day = businessToday().split('-').reverse().join('.');

  const upload = async (name: string, bytes: Buffer, session: Session = accountant) => {
    const body = multipart(name, bytes);

    return world.platform.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${orgId}/payment-registries`,
      payload: body.payload,
      headers: {
        'content-type': body.contentType,
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
      },
    });
  };
  const paidTo = async (number: string) =>
    (
      await world.platform.ctx.db.query<{ n: number }>(
        `SELECT coalesce(sum(-l.amount_kopecks), 0)::int AS n FROM billing_ledger l
           JOIN personal_accounts a ON a.id = l.personal_account_id WHERE a.number = $1 AND l.kind = 'payment'`,
        [number],
      )
    )[0]!.n;

  beforeAll(async () => {
    world = await createAccessWorld();
    accountant = await world.openSession('accountant@mpdom.test');
    orgId = world.orgs.managing;
    numbers = (
      await world.platform.ctx.db.query<{ number: string }>(
        'SELECT number FROM personal_accounts WHERE organisation_id = $1 ORDER BY number LIMIT 3',
        [orgId],
      )
    ).map((r) => r.number);
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should match by account number or by the ЕЛС in the purpose, and report the broken line', async () => {
    const file = [
      '#FILESUM 2500.50',
      `${day};10:00;${numbers[0]};8606;1;1000,00;0;Иванов И.И.`,
      `${day};10:01;;8606;2;500,50;0;Петров П.П.;Оплата ЖКУ, л/с ${numbers[1]!.toLowerCase()}`,
      `8606;0001;x;x;1000.00;15.00;method_pay: card;${day.replaceAll('.', '/')}`,
      `${day};10:03;99ZZ999999;8606;3;0,01;0;Неизвестный`,
      '',
    ].join('\r\n');
    const response = await upload('registry.txt', iconv.encode(file, 'win1251'));
    const report = response.json<Report>();

    expect(response.statusCode).toBe(201);
    expect(report.encoding).toBe('cp1251');
    expect([report.matchedCount, report.unmatchedCount, report.errorCount]).toEqual([2, 1, 1]);
    expect(report.lines.map((l) => l.status)).toEqual(['matched', 'matched', 'error', 'unmatched']);
    expect(report.lines[2]!.problem).toContain('no_account');
    // The broken line's amount still counts: 1000 + 500.50 + 1000 + 0.01 against a declared 2500.50.
    expect(report.totalKopecks).toBe(250051);
    expect(report.totalsMatch).toBe(false);
    expect(await paidTo(numbers[0]!)).toBe(100000);
    expect(await paidTo(numbers[1]!)).toBe(50050);
  });

  it('should add nothing when the same file comes again', async () => {
    const file = Buffer.from(`${day};11:00;${numbers[2]};8606;1;700,00;0;Сидоров\r\n`);

    expect((await upload('a.txt', file)).statusCode).toBe(201);

    const again = await upload('a-copy.txt', file);

    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('registry_file_duplicate');
    expect(await paidTo(numbers[2]!)).toBe(70000);
  });

  it('should keep two identical payments of one file, and skip a line a later file repeats', async () => {
    const line = `${day};12:00;${numbers[2]};8606;9;100,00;0;Сидоров`;
    const twice = await upload('twice.txt', Buffer.from(`${line}\r\n${line}\r\n`));

    expect(twice.json<Report>().matchedCount).toBe(2);
    expect(await paidTo(numbers[2]!)).toBe(90000);

    const overlap = await upload(
      'overlap.txt',
      Buffer.from(`${line}\r\n${day};12:30;${numbers[2]};8606;9;1,00;0;Сидоров\r\n`),
    );

    expect(overlap.json<Report>().lines.map((l) => l.status)).toEqual(['duplicate', 'matched']);
    expect(await paidTo(numbers[2]!)).toBe(90100);
  });

  it('should refuse what is not a registry with a clear reason, storing nothing', async () => {
    const before = await world.platform.ctx.db.query('SELECT 1 FROM billing_registries');

    for (const [bytes, code] of [
      [Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'registry_file_unreadable'],
      [Buffer.from(''), 'registry_file_unreadable'],
      [Buffer.from('#FILESUM 0\r\n=0;0,00\r\n'), 'registry_file_unreadable'],
    ] as const) {
      const response = await upload('bad.txt', bytes);

      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe(code);
    }

    const json = await world.platform.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${orgId}/payment-registries`,
      payload: { file: 'x' },
      headers: { cookie: accountant.cookie, 'x-csrf-token': accountant.csrf },
    });

    expect(json.statusCode).toBe(415);
    expect(await world.platform.ctx.db.query('SELECT 1 FROM billing_registries')).toHaveLength(
      before.length,
    );
  });

  it('should treat hostile lines as data: quotes, formula prefixes, huge and control characters', async () => {
    const file = [
      `${day};13:00;${numbers[0]}';DROP TABLE billing_ledger;--;8606;1;5,00;0;=HYPERLINK("x")`,
      `${day};13:01;${numbers[0]};8606;1;5,00;0;${'Я'.repeat(3000)}`,
      `${day};13:02;${numbers[0]};8606;1;5,00;0;Иванов\u0007`,
      `${day};13:03;${numbers[0]};8606;1;99999999999999,00;0;Иванов`,
    ].join('\r\n');
    const before = await paidTo(numbers[0]!);
    const report = (await upload('hostile.txt', Buffer.from(file))).json<Report>();

    // The injected quote shifts the fields: the line names no account and waits for a person.
    expect(report.lines.map((l) => l.status)).toEqual(['unmatched', 'error', 'error', 'error']);
    expect(report.lines.map((l) => l.problem?.split(':')[0] ?? null)).toEqual([
      null,
      'line_too_long',
      'control_chars',
      'bad_amount',
    ]);
    expect(await paidTo(numbers[0]!)).toBe(before);
  });

  it('should book an unmatched line by hand, and put a reversed registry payment back in the queue', async () => {
    const as = requestAs(world.platform, accountant);
    const queue = (await as('GET', `/api/v1/organisations/${orgId}/unmatched-payments`)).json<{
      items: { id: string }[];
    }>();
    const lineId = queue.items[0]!.id;

    expect(
      (await as('POST', `/api/v1/registry-lines/${lineId}/match`, { personalAccount: 'nope' }))
        .statusCode,
    ).toBe(400);

    const matched = await as('POST', `/api/v1/registry-lines/${lineId}/match`, {
      personalAccount: numbers[0],
    });

    expect(matched.statusCode).toBe(200);
    expect(
      (
        await as('POST', `/api/v1/registry-lines/${lineId}/match`, { personalAccount: numbers[0] })
      ).json().code,
    ).toBe('registry_line_not_unmatched');

    const entryId = matched.json<{ ledgerEntryId: string }>().ledgerEntryId;
    const reversed = await as('POST', `/api/v1/ledger-entries/${entryId}/reversal`, {
      reason: 'не тот счёт',
    });

    expect(reversed.statusCode).toBe(201);
    expect(
      (await as('POST', `/api/v1/ledger-entries/${entryId}/reversal`, { reason: 'ещё раз' })).json()
        .code,
    ).toBe('ledger_entry_not_reversible');
    expect(
      (await as('GET', `/api/v1/organisations/${orgId}/unmatched-payments`))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id),
    ).toContain(lineId);

    // The ledger refuses edits outright: only a reversal undoes an entry.
    await expect(
      world.platform.ctx.db.query('UPDATE billing_ledger SET amount_kopecks = 0 WHERE id = $1', [
        entryId,
      ]),
    ).rejects.toThrow(/append-only/);
  });

  it('should refuse imports to staff without the right and to other organisations', async () => {
    const dispatcher = await world.openSession('dispatcher@mpdom.test');
    const chair = await world.openSession('tsj@mpdom.test');

    expect((await upload('x.txt', Buffer.from('x'), dispatcher)).statusCode).toBe(403);
    expect((await upload('x.txt', Buffer.from('x'), chair)).statusCode).toBe(403);
  });
});
