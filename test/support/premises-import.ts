import iconv from 'iconv-lite';

import { createAccessWorld, type AccessWorld, type Session } from './access-world.js';
import { insertHouse } from './factories.js';
import { multipartBody } from './sample-files.js';

/**
 * A world for the premises import: the demo, the management company's admin and accountant, a
 * fresh house the company manages (empty, so counts are exact) and a house of the ТСЖ.
 */
export async function createImportWorld() {
  const world = await createAccessWorld();
  const admin = await world.openSession('uk-admin@mpdom.test');
  const accountant = await world.openSession('accountant@mpdom.test');
  const dispatcher = await world.openSession('dispatcher@mpdom.test');
  const house = await insertHouse(world.platform.ctx.db, {
    managing_organisation_id: world.orgs.managing,
    address: 'обл. Свердловская, г. Екатеринбург, ул. Импортная, д. 7',
    search_text: 'свердловская екатеринбург импортная 7',
  });
  const hoaHouse = await insertHouse(world.platform.ctx.db, {
    managing_organisation_id: world.orgs.hoa,
  });

  return { world, admin, accountant, dispatcher, house, hoaHouse, ...helpers(world) };
}

export type ImportWorld = Awaited<ReturnType<typeof createImportWorld>>;

type Stored =
  'premises' | 'entrances' | 'ownerships' | 'accounts' | 'persons' | 'organisations' | 'journal';

function helpers(world: AccessWorld) {
  const db = world.platform.ctx.db;

  /** Uploads a file to the house's import, as a preview unless `dryRun` is false. */
  function upload(
    session: Session | null,
    houseId: string,
    file: { data: Buffer | string; filename: string; contentType?: string },
    options: { dryRun?: boolean; lang?: 'ru' | 'en' } = {},
  ) {
    const { payload, headers } = multipartBody([
      {
        name: 'file',
        filename: file.filename,
        contentType: file.contentType ?? 'text/csv',
        data: Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data),
      },
    ]);
    const query = new URLSearchParams({
      dryRun: String(options.dryRun ?? true),
      lang: options.lang ?? 'ru',
    });

    return world.platform.app.inject({
      method: 'POST',
      url: `/api/v1/houses/${houseId}/premises-imports?${query.toString()}`,
      payload,
      headers: {
        ...headers,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      },
    });
  }

  /** What the house holds, and the platform-wide rows an import may add to. */
  async function stored(houseId: string) {
    const [row] = await db.query<Record<Stored, number>>(
      `SELECT
         (SELECT count(*)::int FROM premises WHERE house_id = $1) AS premises,
         (SELECT count(*)::int FROM entrances WHERE house_id = $1) AS entrances,
         (SELECT count(*)::int FROM ownerships o JOIN premises p ON p.id = o.premise_id
          WHERE p.house_id = $1) AS ownerships,
         (SELECT count(*)::int FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
          WHERE p.house_id = $1) AS accounts,
         (SELECT count(*)::int FROM persons) AS persons,
         (SELECT count(*)::int FROM organisations) AS organisations,
         (SELECT count(*)::int FROM audit_entries WHERE action = 'premises.imported') AS journal`,
      [houseId],
    );

    return row!;
  }

  return { upload, stored };
}

/** `;`-separated CSV text from rows of cells, CRLF line ends as Excel writes them. */
export function csv(rows: string[][]): string {
  return `${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
}

export function win1251(text: string): Buffer {
  return iconv.encode(text, 'win1251');
}

export const HEADER = [
  'Номер помещения',
  'Тип помещения',
  'Подъезд',
  'Этаж',
  'Общая площадь',
  'Жилая площадь',
  'Кадастровый номер',
  'Вид собственника',
  'ФИО',
  'Наименование организации',
  'ИНН',
  'Доля',
  'ЕЛС',
  'Лицевой счёт',
  'Дата открытия счёта',
];

/** Four premises: a flat of two owners, a flat of one, a shop of a company, a bare storage. */
// prettier-ignore
export const GOOD_ROWS = [
  ['1', 'кв', '1', '1', '45,3', '30,1', '', 'ФЛ', 'Иванова Мария Петровна', '', '', '1/2', '', 'ПИ-1001', '01.03.2015'],
  ['1', 'кв', '1', '1', '45,3', '30,1', '', 'ФЛ', 'Иванов Пётр Сергеевич', '', '', '1/2', '', 'ПИ-1002', '01.03.2015'],
  ['2', 'кв', '1', '2', '60', '40', '', 'ФЛ', 'Сидоров Олег', '', '', '1', '', '', '15.06.2020'],
  ['1Н', 'нп', '', '1', '120,5', '', '', 'ЮЛ', '', 'ООО «Ромашка»', '7707083893', '', '', '', '01.01.2021'],
  ['К-3', 'кл', '', '', '4,2', '', '', '', '', '', '', '', '', '', ''],
];
