import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

type Owner = { ownershipId: string; name: string; share: string; personId: string | null };
type Problem = { code?: string; errors?: { field: string; rule?: string }[] };
type Card = {
  owners: (Owner & { endedOn: string | null; endedReason: string | null; titleDocument: string })[];
  history: (Owner & { endedOn: string; endedReason: string })[];
  sharesTotal: string;
  accounts: {
    id: string;
    number: string;
    payerName: string;
    closedOn: string | null;
    closeReason: string | null;
  }[];
  change: {
    ended: string[];
    started: string[];
    accountsClosed: string[];
    accountsOpened: string[];
  };
};

describe('POST /v1/premises/:premiseId/ownership-changes', () => {
  let world: AccessWorld;
  let accountant: Session;
  let houseId: string;
  let today: string;
  let seq = 0;

  const db = () => world.platform.ctx.db;
  const snapshot = async () =>
    (
      await db().query<{ o: number; p: number; a: number; j: number }>(
        `SELECT (SELECT count(*)::int FROM ownerships) AS o, (SELECT count(*)::int FROM persons) AS p,
           (SELECT count(*)::int FROM personal_accounts WHERE closed_on IS NULL) AS a,
           (SELECT count(*)::int FROM audit_entries) AS j`,
      )
    )[0]!;

  /** A flat of its own for each test: owners given as [name, share], the first one billed. */
  async function flatWith(owners: [string, number, number][], organisationOwner?: string) {
    seq += 1;

    const [premise] = await db().query<{ id: string }>(
      `INSERT INTO premises (house_id, number, kind, floor, entrance, area_total)
       VALUES ($1, $2, 'flat', 5, 1, '44.00') RETURNING id`,
      [houseId, `${100 + seq}`],
    );
    const ids: string[] = [];

    for (const [surname, n, d] of owners) {
      const [person] = await db().query<{ id: string }>(
        `INSERT INTO persons (surname, name) VALUES ($1, 'Тест') RETURNING id`,
        [surname],
      );
      const [right] = await db().query<{ id: string }>(
        `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator, started_on)
         VALUES ($1, $2, $3, $4, '2015-06-01') RETURNING id`,
        [premise!.id, person!.id, n, d],
      );

      ids.push(right!.id);

      if (ids.length === 1) {
        await db().query(
          `INSERT INTO personal_accounts (number, premise_id, organisation_id, payer_person_id, opened_on)
           VALUES ($1, $2, $3, $4, '2015-06-01')`,
          [`66TT${String(seq).padStart(6, '0')}`, premise!.id, world.orgs.managing, person!.id],
        );
      }
    }

    if (organisationOwner) {
      const [right] = await db().query<{ id: string }>(
        `INSERT INTO ownerships (premise_id, organisation_id, share_numerator, share_denominator,
           started_on) VALUES ($1, $2, 1, 1, '2001-01-01') RETURNING id`,
        [premise!.id, organisationOwner],
      );

      ids.push(right!.id);
    }

    return { premiseId: premise!.id, rights: ids };
  }

  const change = (premiseId: string, body: unknown, session: Session | null = accountant) =>
    requestAs(world.platform, session)(
      'POST',
      `/api/v1/premises/${premiseId}/ownership-changes`,
      body,
    );

  beforeAll(async () => {
    world = await createAccessWorld();
    accountant = await world.openSession('accountant@mpdom.test');

    const [row] = await db().query<{ houseId: string; today: string }>(
      `SELECT p.house_id AS "houseId",
         to_char((now() AT TIME ZONE h.time_zone)::date, 'YYYY-MM-DD') AS today
       FROM premises p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
      [world.ownerFlat],
    );

    houseId = row!.houseId;
    today = row!.today;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should record a sale: the seller in history, the buyer live, accounts swapped', async () => {
    const flat = await flatWith([['Продавцова', 1, 1]]);
    const response = await change(flat.premiseId, {
      reason: 'sale',
      date: '2026-01-15',
      ending: flat.rights,
      starting: [
        {
          person: { surname: 'Покупателев', name: 'Иван', patronymic: 'Петрович' },
          share: '1',
          titleDocument: 'Договор купли-продажи от 10.01.2026',
          rightNumber: '66:41:0702013:55-66/199/2026-3',
          rightRegisteredOn: '2026-01-15',
        },
      ],
      closeAccounts: true,
      openAccountFor: [0],
    });

    expect(response.statusCode).toBe(201);

    const card: Card = response.json();

    expect(card.owners).toEqual([
      expect.objectContaining({
        name: 'Покупателев Иван Петрович',
        share: '1',
        startedOn: '2026-01-15',
        endedOn: null,
        titleDocument: 'Договор купли-продажи от 10.01.2026',
        rightNumber: '66:41:0702013:55-66/199/2026-3',
      }),
    ]);
    expect(card.history).toEqual([
      expect.objectContaining({
        ownershipId: flat.rights[0],
        name: 'Продавцова Тест',
        endedOn: '2026-01-15',
        endedReason: 'sale',
      }),
    ]);
    expect(card.sharesTotal).toBe('1');

    const closed = card.accounts.find((a) => a.payerName === 'Продавцова Тест')!;
    const opened = card.accounts.find((a) => a.payerName === 'Покупателев Иван Петрович')!;

    expect(closed).toMatchObject({ closedOn: '2026-01-15', closeReason: 'ownership_change.sale' });
    expect(opened).toMatchObject({
      closedOn: null,
      number: expect.stringMatching(/^66[A-Z]{2}\d{6}$/),
    });
    expect(card.change).toMatchObject({ ended: flat.rights, accountsClosed: [closed.id] });

    const journal = await db().query<{ action: string; objectId: string }>(
      `SELECT action, object_id AS "objectId" FROM audit_entries
       WHERE request_id = (SELECT request_id FROM audit_entries WHERE object_id = $1
                           AND action = 'ownership.changed')
       ORDER BY seq`,
      [flat.premiseId],
    );

    expect(journal.map((e) => e.action)).toEqual([
      'ownership.changed',
      'personal_account.closed',
      'personal_account.opened',
    ]);
  });

  it('should keep the whole history across two changes, latest first', async () => {
    const flat = await flatWith([['Первая', 1, 1]]);
    const first: Card = (
      await change(flat.premiseId, {
        reason: 'gift',
        date: '2020-03-01',
        ending: flat.rights,
        starting: [{ person: { surname: 'Вторая', name: 'Тест' }, share: '1' }],
      })
    ).json();
    const second = await change(flat.premiseId, {
      reason: 'inheritance',
      date: '2024-05-20',
      ending: first.change.started,
      starting: [
        { person: { surname: 'Третий', name: 'Тест' }, share: '1/2' },
        { person: { surname: 'Четвёртая', name: 'Тест' }, share: '50%' },
      ],
    });

    expect(second.statusCode).toBe(201);

    const card: Card = second.json();

    expect(card.owners.map((o) => [o.name, o.share])).toEqual([
      ['Третий Тест', '1/2'],
      ['Четвёртая Тест', '1/2'],
    ]);
    expect(card.history.map((o) => [o.name, o.endedOn, o.endedReason])).toEqual([
      ['Вторая Тест', '2024-05-20', 'inheritance'],
      ['Первая Тест', '2020-03-01', 'gift'],
    ]);
  });

  it('should list co-owners who got their rights together by share, then by name', async () => {
    const flat = await flatWith([['Продавцова', 1, 1]]);
    const starting = [
      { person: { surname: 'Яшин', name: 'Тест' }, share: '1/6' },
      { person: { surname: 'Борисов', name: 'Тест' }, share: '1/6' },
      { person: { surname: 'Юдина', name: 'Тест' }, share: '2/3' },
    ];
    const response = await change(flat.premiseId, {
      reason: 'sale',
      date: '2024-01-10',
      ending: flat.rights,
      starting,
    });
    const expected = [
      ['Юдина Тест', '2/3'],
      ['Борисов Тест', '1/6'],
      ['Яшин Тест', '1/6'],
    ];

    expect(response.statusCode).toBe(201);
    expect(response.json<Card>().owners.map((o) => [o.name, o.share])).toEqual(expected);

    // The chessboard shows the same order, whatever order the rights were stored in.
    const register = await requestAs(world.platform, accountant)(
      'GET',
      `/api/v1/houses/${houseId}/register`,
    );
    const cells = register
      .json<{ entrances: { floors: { premises: { id: string; owners: Owner[] }[] }[] }[] }>()
      .entrances.flatMap((e) => e.floors.flatMap((f) => f.premises));

    expect(
      cells.find((cell) => cell.id === flat.premiseId)?.owners.map((o) => [o.name, o.share]),
    ).toEqual(expected);
  });

  it('should privatise a municipal flat into two halves', async () => {
    const flat = await flatWith([], world.orgs.municipality);
    const response = await change(flat.premiseId, {
      reason: 'privatisation',
      date: '2010-09-01',
      ending: flat.rights,
      starting: [
        { person: { surname: 'Жильцов', name: 'Олег' }, share: '1/2' },
        { person: { surname: 'Жильцова', name: 'Ольга' }, share: '1/2' },
      ],
      openAccountFor: [0],
    });

    expect(response.statusCode).toBe(201);
    expect(response.json().history[0]).toMatchObject({
      kind: 'organisation',
      endedReason: 'privatisation',
    });
    expect(response.json().accounts).toHaveLength(1);
  });

  it('should refuse shares like 3/2, 0 or words with the field named', async () => {
    const flat = await flatWith([['Дольщикова', 1, 1]]);
    const before = await snapshot();
    const share = async (value: string) => {
      const response = await change(flat.premiseId, {
        reason: 'sale',
        date: '2025-01-01',
        ending: flat.rights,
        starting: [{ person: { surname: 'Новиков', name: 'Нил' }, share: value }],
      });

      const problem = response.json<Problem>();

      return [response.statusCode, problem.code, problem.errors?.[0]];
    };

    expect(await share('3/2')).toEqual([
      422,
      'share_invalid',
      expect.objectContaining({ field: 'body.starting.0.share', rule: 'above_one' }),
    ]);
    expect(await share('0')).toEqual([
      422,
      'share_invalid',
      expect.objectContaining({ field: 'body.starting.0.share', rule: 'zero' }),
    ]);
    expect(await share('половина')).toEqual([
      422,
      'share_invalid',
      expect.objectContaining({ field: 'body.starting.0.share', rule: 'format' }),
    ]);
    expect(await share('1/2')).toEqual([
      400,
      'validation_failed',
      expect.objectContaining({ field: 'body.starting', rule: 'transfer_mismatch' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('should never let live shares exceed one', async () => {
    const flat = await flatWith([
      ['Половинкина', 1, 2],
      ['Половинкин', 1, 2],
    ]);
    const response = await change(flat.premiseId, {
      reason: 'court',
      date: '2025-01-01',
      ending: [],
      starting: [{ person: { surname: 'Истцов', name: 'Иван' }, share: '1/3' }],
    });

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'shares_exceed_whole',
      errors: [expect.objectContaining({ field: 'body.starting', rule: 'exceeds_whole' })],
    });

    // A court may take a right away without a successor; the total then drops below one.
    const taken = await change(flat.premiseId, {
      reason: 'court',
      date: '2025-01-01',
      ending: [flat.rights[1]],
      starting: [],
    });

    expect(taken.statusCode).toBe(201);
    expect(taken.json().sharesTotal).toBe('1/2');
  });

  it('should refuse dates out of order and rights of another premise', async () => {
    const flat = await flatWith([['Датова', 1, 1]]);
    const other = await flatWith([['Чужой', 1, 1]]);
    const body = (over: object) => ({
      reason: 'sale',
      date: '2025-01-01',
      ending: flat.rights,
      starting: [{ person: { surname: 'Новый', name: 'Нил' }, share: '1' }],
      ...over,
    });
    const first = async (over: object) =>
      (await change(flat.premiseId, body(over))).json<Problem>().errors?.[0];

    expect(await first({ date: '2099-01-01' })).toMatchObject({
      field: 'body.date',
      rule: 'future',
    });
    expect(await first({ date: '2015-05-31' })).toMatchObject({
      field: 'body.date',
      rule: 'before_start',
    });
    expect(await first({ ending: other.rights })).toMatchObject({
      field: 'body.ending.0',
      rule: 'not_live',
    });
    expect(await first({ ending: [] })).toMatchObject({ field: 'body.ending', rule: 'required' });
    expect(await first({ openAccountFor: [3] })).toMatchObject({ field: 'body.openAccountFor.0' });
    expect((await change(flat.premiseId, body({ date: today }))).statusCode).toBe(201);
  });

  it('should store nothing when a late step fails (an account that already exists)', async () => {
    const flat = await flatWith([
      ['Дарительница', 1, 2],
      ['Одаряемый', 1, 2],
    ]);
    const [billed] = await db().query<{ personId: string }>(
      `SELECT payer_person_id AS "personId" FROM personal_accounts WHERE premise_id = $1`,
      [flat.premiseId],
    );
    const before = await snapshot();
    // The second co-owner gives her half to the first, who is billed already: opening a second
    // account for him is refused after the rights have been written, and everything rolls back.
    const response = await change(flat.premiseId, {
      reason: 'gift',
      date: '2025-02-01',
      ending: [flat.rights[1]],
      starting: [
        { person: { surname: 'Посторонний', name: 'Тест' }, share: '1/4' },
        { personId: billed!.personId, share: '1/4' },
      ],
      openAccountFor: [0, 1],
    });

    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('personal_account_duplicate');
    expect(await snapshot()).toEqual(before);

    const card: Card = (
      await requestAs(world.platform, accountant)(
        'GET',
        `/api/v1/premises/${flat.premiseId}/register-card`,
      )
    ).json();

    expect(card.owners).toHaveLength(2);
    expect(card.history).toEqual([]);
  });

  it('should refuse malformed and hostile bodies before touching anything', async () => {
    const flat = await flatWith([['Формова', 1, 1]]);
    const before = await snapshot();
    const status = async (body: unknown) => (await change(flat.premiseId, body)).statusCode;
    const valid = {
      reason: 'sale',
      date: '2025-01-01',
      ending: flat.rights,
      starting: [{ person: { surname: 'Новый', name: 'Нил' }, share: '1' }],
    };

    expect(await status({ ...valid, reason: 'theft' })).toBe(400);
    expect(await status({ ...valid, date: '01.01.2025' })).toBe(400);
    expect(await status({ ...valid, ending: ["1' OR 1=1 --"] })).toBe(400);
    expect(
      await status({ ...valid, starting: [{ ...valid.starting[0], personId: flat.rights[0] }] }),
    ).toBe(400);
    expect(
      await status({
        ...valid,
        starting: [{ person: { surname: '<script>alert(1)</script>', name: 'X' }, share: '1' }],
      }),
    ).toBe(400);
    expect(await status({ ...valid, isDemo: true })).toBe(400);
    expect(await status({ ...valid, starting: [{ personId: flat.rights[0], share: '1' }] })).toBe(
      400,
    );
    expect(
      await status({ ...valid, starting: Array.from({ length: 101 }, () => valid.starting[0]) }),
    ).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('should let only the office of the managing organisation change owners', async () => {
    const flat = await flatWith([['Правова', 1, 1]]);
    const body = {
      reason: 'sale',
      date: '2025-01-01',
      ending: flat.rights,
      starting: [{ person: { surname: 'Новый', name: 'Нил' }, share: '1' }],
    };

    for (const login of ['dispatcher@mpdom.test', 'tsj@mpdom.test', 'owner@mpdom.test']) {
      expect((await change(flat.premiseId, body, await world.openSession(login))).statusCode).toBe(
        403,
      );
    }

    expect((await change(flat.premiseId, body, null)).statusCode).toBe(401);
    expect((await change('00000000-0000-4000-8000-000000000000', body)).statusCode).toBe(404);
  });
});
