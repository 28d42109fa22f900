import { computeDeadlines } from '../../../domain/service-requests/deadlines.js';
import { descriptionKey } from '../../../domain/service-requests/intake.js';
import type { Queryable } from '../../platform/db/database.js';
import type { DemoHouse } from './demo.houses.js';

type DemoRequest = {
  who: 'owner' | 'resident';
  location: 'premise' | 'common_area';
  category: string;
  description: string;
  status: string;
  /** Hours before the demo was built. */
  ageHours: number;
  executor?: boolean;
  completedHoursAgo?: number;
  rating?: number;
  feedback?: string;
};

/**
 * A handful of requests of the management company's house in every state, one of them overdue
 * (a written request three weeks old, not answered: the deadline sweep escalates it on the
 * first minute of the running platform), and its planned works. Times are relative to the moment
 * the demo is built, so the states stay meaningful on any date.
 */
const REQUESTS: DemoRequest[] = [
  {
    who: 'owner',
    location: 'premise',
    category: 'plumbing',
    description: 'Подтекает смеситель на кухне, под мойкой лужа.',
    status: 'in_progress',
    ageHours: 26,
    executor: true,
  },
  {
    who: 'resident',
    location: 'common_area',
    category: 'lift',
    description:
      'Лифт во втором подъезде останавливается между этажами, двери открываются с трудом.',
    status: 'new',
    ageHours: 1,
  },
  {
    who: 'owner',
    location: 'premise',
    category: 'electricity',
    description: 'В ванной не работает розетка, автомат в щитке включён.',
    status: 'done',
    ageHours: 20 * 24,
    executor: true,
    completedHoursAgo: 18 * 24,
    rating: 5,
    feedback: 'Пришли вовремя, всё починили.',
  },
  {
    who: 'owner',
    location: 'common_area',
    category: 'yard',
    description: 'Прошу сообщить, когда отремонтируют детскую площадку во дворе: качели сломаны.',
    status: 'accepted',
    ageHours: 21 * 24,
  },
  {
    who: 'resident',
    location: 'common_area',
    category: 'intercom',
    description: 'Домофон у первого подъезда не открывает дверь с ключа.',
    status: 'waiting_resident',
    ageHours: 50,
    executor: true,
  },
];

const HOUR = 3600_000;

export async function seedDemoServiceRequests(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  const house = houses.find((h) => h.managingOrganisationId);

  if (!house?.managingOrganisationId) {
    return;
  }

  const users = await tx.query<{ email: string; id: string; personId: string }>(
    `SELECT email, id, person_id AS "personId" FROM users
     WHERE email IN ('owner@mpdom.test', 'resident@mpdom.test', 'master@mpdom.test',
                     'dispatcher@mpdom.test')`,
  );
  const user = (email: string) => users.find((u) => u.email === email);
  const [flat] = await tx.query<{ id: string }>(
    `SELECT o.premise_id AS id FROM ownerships o JOIN premises p ON p.id = o.premise_id
     WHERE o.person_id = $1 AND p.house_id = $2 LIMIT 1`,
    [user('owner@mpdom.test')?.personId, house.id],
  );
  const [zone] = await tx.query<{ timeZone: string }>(
    'SELECT time_zone AS "timeZone" FROM houses WHERE id = $1',
    [house.id],
  );
  const master = user('master@mpdom.test');
  const dispatcher = user('dispatcher@mpdom.test');
  const now = Date.now();

  for (const spec of REQUESTS) {
    const requester = user(`${spec.who}@mpdom.test`);

    if (!requester) {
      continue;
    }

    const createdAt = new Date(now - spec.ageHours * HOUR);
    const completedAt = spec.completedHoursAgo
      ? new Date(now - spec.completedHoursAgo * HOUR)
      : null;
    const answered = spec.status !== 'new';
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO service_requests (organisation_id, house_id, premise_id, location,
         requester_user_id, requester_person_id, requester_status, category, kind, priority,
         description, description_key, status, executor_user_id, first_response_at,
         completed_at, rating, feedback, rated_at, is_demo, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'owner_or_user', $7, 'repair', 'normal', $8, $9, $10,
         $11, $12, $13, $14, $15, $16, true, $17, $17)
       RETURNING id`,
      [
        house.managingOrganisationId,
        house.id,
        spec.location === 'premise' ? flat?.id : null,
        spec.location,
        requester.id,
        requester.personId,
        spec.category,
        spec.description,
        descriptionKey(spec.description),
        spec.status,
        spec.executor ? master?.id : null,
        answered ? new Date(createdAt.getTime() + 2 * HOUR) : null,
        completedAt,
        spec.rating ?? null,
        spec.feedback ?? null,
        spec.rating ? completedAt : null,
        createdAt,
      ],
    );
    const deadlines = computeDeadlines({
      receivedAt: createdAt,
      timeZone: zone?.timeZone ?? 'Asia/Yekaterinburg',
      kind: 'repair',
      priority: 'normal',
      blockage: null,
      requester: 'owner_or_user',
    });

    for (const deadline of deadlines) {
      // The overdue one keeps its answer owed: accepted by phone, never answered in writing.
      const met =
        spec.status === 'done'
          ? completedAt
          : deadline.kind === 'response' && answered && spec.ageHours < 24 * 10
            ? new Date(createdAt.getTime() + 2 * HOUR)
            : null;

      await tx.query(
        `INSERT INTO service_request_deadlines (request_id, kind, due_at, rule_id, met_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [row!.id, deadline.kind, deadline.dueAt, deadline.ruleId, met],
      );
    }

    await tx.query(
      `INSERT INTO service_request_events (request_id, actor_user_id, action, to_status, created_at)
       VALUES ($1, $2, 'filed', 'new', $3)`,
      [row!.id, requester.id, createdAt],
    );

    if (answered) {
      await tx.query(
        `INSERT INTO service_request_events (request_id, actor_user_id, action, from_status,
           to_status, created_at) VALUES ($1, $2, 'accept', 'new', 'accepted', $3)`,
        [row!.id, dispatcher?.id ?? null, new Date(createdAt.getTime() + 2 * HOUR)],
      );
    }
  }

  await seedPlannedWorks(tx, house, new Date(now));
}

async function seedPlannedWorks(tx: Queryable, house: DemoHouse, now: Date) {
  const day = (offset: number) =>
    new Date(now.getTime() + offset * 24 * HOUR).toISOString().slice(0, 10);
  const works = [
    [
      'maintenance',
      'Промывка и опрессовка системы отопления',
      'Горячая вода будет отключена с 9:00 до 17:00.',
      day(7),
      day(8),
      'planned',
    ],
    [
      'current_repair',
      'Ремонт кровли над третьим подъездом',
      'Замена участка мягкой кровли.',
      day(14),
      day(18),
      'planned',
    ],
    [
      'maintenance',
      'Осмотр электрощитовых',
      'Плановый осмотр и протяжка контактов.',
      day(-30),
      day(-30),
      'done',
    ],
  ] as const;

  for (const [kind, title, description, startsOn, endsOn, status] of works) {
    await tx.query(
      `INSERT INTO planned_works (organisation_id, house_id, kind, title, description, starts_on,
         ends_on, status, notified_at, completed_at, result_note, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, true)`,
      [
        house.managingOrganisationId,
        house.id,
        kind,
        title,
        description,
        startsOn,
        endsOn,
        status,
        status === 'done' ? now : null,
        status === 'done' ? 'Осмотрены 4 щитовые, протянуты контакты, замечаний нет.' : null,
      ],
    );
  }
}
