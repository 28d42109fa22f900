import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sweepDeadlines } from '../../src/server/modules/service-requests/deadline-sweep.js';
import { createRequestsWorld, leak, type RequestsWorld } from '../support/service-requests.js';

describe('dispatch, execution and closing of requests', () => {
  let world: RequestsWorld;
  let org: string;

  const file = async (overrides: Record<string, unknown> = {}) => {
    const response = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, overrides),
    );

    expect(response.statusCode).toBe(201);

    return response.json().id as string;
  };
  const status = (
    who: Parameters<RequestsWorld['as']>[0],
    id: string,
    action: string,
    reason?: string,
  ) => world.as(who)('POST', `/api/v1/service-requests/${id}/status`, { action, reason });
  const messages = (recipient: string, kind: string) =>
    world.platform.ctx.db.query<{ subject: string }>(
      `SELECT subject FROM outbox_messages WHERE recipient = $1 AND metadata->>'kind' = $2`,
      [recipient, kind],
    );

  beforeAll(async () => {
    world = await createRequestsWorld();
    org = world.orgs.managing;
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should walk a request from filing to rating', async () => {
    const id = await file();
    const queue = await world.as('dispatcher')(
      'GET',
      `/api/v1/organisations/${org}/service-requests`,
    );

    expect(queue.statusCode).toBe(200);

    type Item = { id: string; requester: { displayName: string }; actions: string[] };
    const inQueue = queue.json<{ items: Item[] }>().items.find((r) => r.id === id)!;

    expect(inQueue).toMatchObject({ viewer: 'dispatch', status: 'new' });
    expect(inQueue.requester.displayName).toContain('Демидова');
    expect(inQueue.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'assign']));

    const executors = await world.as('dispatcher')(
      'GET',
      `/api/v1/organisations/${org}/service-requests/executors`,
    );
    const executor = executors
      .json<{ userId: string; roles: string[] }[]>()
      .find((e) => e.userId === world.sessions.executor.userId)!;

    expect(executor.roles).toContain('executor');

    const assigned = await world.as('dispatcher')(
      'POST',
      `/api/v1/service-requests/${id}/assignment`,
      {
        executorUserId: world.sessions.executor.userId,
      },
    );

    expect(assigned.json()).toMatchObject({ status: 'accepted' });
    expect(assigned.json().deadlines[0].metAt).not.toBeNull();

    const tasks = await world.as('executor')(
      'GET',
      `/api/v1/organisations/${org}/service-requests`,
    );

    expect(
      tasks.json<{ items: { id: string }[] }>().items.map((r: { id: string }) => r.id),
    ).toEqual([id]);
    expect(tasks.json().items[0].viewer).toBe('executor');

    expect((await status('executor', id, 'start')).json().status).toBe('in_progress');

    const internal = await world.as('executor')('POST', `/api/v1/service-requests/${id}/comments`, {
      body: 'Нужна прокладка 1/2, взял со склада',
      visibility: 'internal',
    });

    expect(internal.statusCode).toBe(200);
    await world.as('executor')('POST', `/api/v1/service-requests/${id}/comments`, {
      body: 'Приду в 15:00',
    });

    const seenByOwner = await world.as('owner')('GET', `/api/v1/service-requests/${id}`);

    expect(
      seenByOwner
        .json<{ comments: { body: string }[] }>()
        .comments.map((c: { body: string }) => c.body),
    ).toEqual(['Приду в 15:00']);
    expect(seenByOwner.json().executor.displayName).toContain('Исполнитель');

    const seenByDispatch = await world.as('dispatcher')('GET', `/api/v1/service-requests/${id}`);

    expect(seenByDispatch.json().comments).toHaveLength(2);

    expect((await status('executor', id, 'complete')).json().status).toBe('done');

    const rated = await world.as('owner')('POST', `/api/v1/service-requests/${id}/rating`, {
      rating: 5,
      feedback: 'Спасибо!',
    });

    expect(rated.json()).toMatchObject({ rating: 5, feedback: 'Спасибо!' });

    const twice = await world.as('owner')('POST', `/api/v1/service-requests/${id}/rating`, {
      rating: 1,
    });

    expect(twice.json().code).toBe('service_request_not_ratable');

    const history = (await world.as('owner')('GET', `/api/v1/service-requests/${id}`)).json()
      .events;

    expect((history as { action: string }[]).map((e: { action: string }) => e.action)).toEqual([
      'filed',
      'assign',
      'start',
      'complete',
      'rate',
    ]);
    expect((await messages(world.sessions.owner.userId, 'service_request')).length).toBeGreaterThan(
      2,
    );
  });

  it('should refuse status changes out of order, by the wrong side, or without a reason', async () => {
    const id = await file();

    const early = await status('dispatcher', id, 'complete');

    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'service_request_status_out_of_order',
      currentStatus: 'new',
    });
    expect((await status('owner', id, 'accept')).json().code).toBe(
      'service_request_status_out_of_order',
    );
    expect((await status('dispatcher', id, 'reject')).json().code).toBe(
      'service_request_reason_required',
    );
    expect((await status('dispatcher', id, 'bogus')).statusCode).toBe(400);

    // The executor of another request, and a stranger, do not even see it.
    expect((await status('executor', id, 'start')).statusCode).toBe(404);
    expect((await status('stranger', id, 'reopen', 'x')).statusCode).toBe(404);
    expect((await world.as('inspector')('GET', `/api/v1/service-requests/${id}`)).statusCode).toBe(
      404,
    );

    const rejected = await status(
      'dispatcher',
      id,
      'reject',
      'Это зона ответственности собственника',
    );

    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Это зона ответственности собственника',
    });
    expect((await status('owner', id, 'reopen', 'не согласен')).statusCode).toBe(409);

    const internal = await world.as('owner')('POST', `/api/v1/service-requests/${id}/comments`, {
      body: 'секрет',
      visibility: 'internal',
    });

    expect(internal.statusCode).toBe(403);

    const bad = await world.as('dispatcher')('POST', `/api/v1/service-requests/${id}/assignment`, {
      executorUserId: world.sessions.owner.userId,
    });

    expect(bad.json().code).toBe('service_request_status_out_of_order');
  });

  it('should refuse an executor who is not staff of the organisation', async () => {
    const id = await file();
    const response = await world.as('dispatcher')(
      'POST',
      `/api/v1/service-requests/${id}/assignment`,
      {
        executorUserId: world.sessions.owner.userId,
      },
    );

    expect(response.json().code).toBe('service_request_executor_invalid');
  });

  it('should let the resident reopen within the period only', async () => {
    const id = await file();

    await world.as('dispatcher')('POST', `/api/v1/service-requests/${id}/assignment`, {
      executorUserId: world.sessions.executor.userId,
    });
    await status('executor', id, 'start');
    await status('executor', id, 'complete');

    expect((await status('owner', id, 'reopen')).json().code).toBe(
      'service_request_reason_required',
    );

    const reopened = await status('owner', id, 'reopen', 'Снова капает');

    expect(reopened.json()).toMatchObject({ status: 'reopened' });
    expect(
      reopened
        .json<{ deadlines: { kind: string; metAt: string | null }[] }>()
        .deadlines.find((d) => d.kind === 'resolution')!.metAt,
    ).toBeNull();

    await status('executor', id, 'start');
    await status('executor', id, 'complete');
    await world.platform.ctx.db.query(
      `UPDATE service_requests SET completed_at = now() - interval '15 days' WHERE id = $1`,
      [id],
    );

    expect((await status('owner', id, 'reopen', 'опять')).json().code).toBe(
      'service_request_reopen_expired',
    );
  });

  it('should remind before a deadline and escalate an overdue request to the head of dispatch', async () => {
    const db = world.platform.ctx.db;
    const id = await file({ description: 'Не работает вытяжка в ванной комнате' });
    const [deadline] = await db.query<{ dueAt: Date }>(
      `SELECT due_at AS "dueAt" FROM service_request_deadlines WHERE request_id = $1 AND kind = 'response'`,
      [id],
    );
    const due = new Date(deadline!.dueAt).getTime();

    await db.query(
      `UPDATE service_request_settings SET escalation_user_id = NULL WHERE organisation_id = $1`,
      [org],
    );

    const state = async () =>
      (
        await db.query<{ remindedAt: Date | null; escalatedAt: Date | null }>(
          `SELECT reminded_at AS "remindedAt", escalated_at AS "escalatedAt"
           FROM service_request_deadlines WHERE request_id = $1 AND kind = 'response'`,
          [id],
        )
      )[0]!;

    // Two days before: nothing to do for this request. Twelve hours before: a reminder, once.
    await sweepDeadlines(db, new Date(due - 48 * 3600_000), { organisationId: org });
    expect(await state()).toEqual({ remindedAt: null, escalatedAt: null });

    const remindAt = new Date(due - 12 * 3600_000);

    await sweepDeadlines(db, remindAt, { organisationId: org });
    expect((await state()).remindedAt?.toISOString()).toBe(remindAt.toISOString());
    expect(
      (await messages(world.sessions.dispatcher.userId, 'service_request_reminder')).length,
    ).toBeGreaterThanOrEqual(1);

    // A minute after the deadline by the test's clock: overdue, escalated, and only once.
    const after = new Date(due + 60_000);

    expect((await sweepDeadlines(db, after, { organisationId: org })).escalated).toBeGreaterThan(0);
    expect((await state()).escalatedAt?.toISOString()).toBe(after.toISOString());
    expect((await sweepDeadlines(db, after, { organisationId: org })).escalated).toBe(0);

    const heads = await messages(world.sessions.admin.userId, 'service_request_escalation');

    expect(heads.some((m) => m.subject.includes('Просрочена'))).toBe(true);

    const seen = (await world.as('dispatcher')('GET', `/api/v1/service-requests/${id}`)).json();

    expect(seen.escalatedAt).not.toBeNull();
    expect(
      (seen.events as { action: string }[]).map((e: { action: string }) => e.action),
    ).toContain('escalate');
  });

  it('should send escalations to the head of dispatch named in the settings', async () => {
    const saved = await world.as('admin')(
      'PUT',
      `/api/v1/organisations/${org}/service-requests/settings`,
      {
        repairTerm: 'P5D',
        escalationUserId: world.sessions.dispatcher.userId,
      },
    );

    expect(saved.statusCode).toBe(200);

    const tooLong = await world.as('admin')(
      'PUT',
      `/api/v1/organisations/${org}/service-requests/settings`,
      {
        repairTerm: 'P60D',
        escalationUserId: null,
      },
    );

    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('service_request_term_invalid');

    const id = await file({ description: 'Скрипит дверь в тамбуре квартиры' });
    const deadlines = (await world.as('owner')('GET', `/api/v1/service-requests/${id}`)).json()
      .deadlines;

    expect((deadlines as { ruleId: string }[]).map((d: { ruleId: string }) => d.ruleId)).toEqual([
      'org_term',
      'pp416_written_10_working_days',
    ]);

    const db = world.platform.ctx.db;

    await sweepDeadlines(db, new Date(Date.now() + 40 * 24 * 3600_000), { organisationId: org });

    expect(
      (await messages(world.sessions.dispatcher.userId, 'service_request_escalation')).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('should let an organisation edit its assistant, refusing a broken dialogue', async () => {
    const base = `/api/v1/organisations/${org}/service-requests/assistant`;
    const list = await world.as('admin')('GET', base);

    expect(list.json()).toHaveLength(9);

    const looped = {
      intro: { ru: 'Лифт', en: 'Lift' },
      questions: [
        {
          id: 'a',
          text: { ru: 'А?', en: 'A?' },
          options: [{ id: 'x', label: { ru: 'x', en: 'x' }, next: 'a' }],
        },
      ],
    };
    const refused = await world.as('admin')('PUT', `${base}/lift`, looped);

    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('assistant_script_invalid');

    const script = {
      intro: { ru: 'Что с лифтом?', en: 'What about the lift?' },
      questions: [
        {
          id: 'people',
          text: { ru: 'Внутри кто-нибудь есть?', en: 'Is anybody inside?' },
          options: [
            { id: 'yes', label: { ru: 'Да', en: 'Yes' }, emergency: 'lift_people' },
            { id: 'no', label: { ru: 'Нет', en: 'No' } },
          ],
        },
      ],
    };

    expect((await world.as('admin')('PUT', `${base}/lift`, script)).statusCode).toBe(200);
    expect((await world.as('dispatcher')('PUT', `${base}/lift`, script)).statusCode).toBe(403);

    const seen = await world.as('owner')(
      'GET',
      `/api/v1/service-requests/assistant/lift?houseId=${world.houseId}`,
    );

    expect(seen.json()).toMatchObject({ custom: true });
    expect(seen.json().questions[0].text.ru).toBe('Внутри кто-нибудь есть?');

    const filed = await world.as('owner')('POST', '/api/v1/service-requests', {
      houseId: world.houseId,
      location: 'common_area',
      category: 'lift',
      description: 'Лифт стоит на девятом этаже',
      answers: { people: 'yes' },
    });

    expect(filed.json()).toMatchObject({
      priority: 'emergency',
      emergencyReasons: ['lift_people'],
    });
  });

  it('should link requests to a mass incident, inform the house and close them with it', async () => {
    const one = await file({ category: 'heating', description: 'Холодные батареи в спальне' });
    const incident = await world.as('dispatcher')(
      'POST',
      `/api/v1/organisations/${org}/service-incidents`,
      {
        category: 'heating',
        title: 'Авария на теплотрассе',
        description: 'Отопление отключено во всём доме.',
        houseIds: [world.houseId],
        requestIds: [one],
      },
    );

    expect(incident.statusCode).toBe(201);
    expect(incident.json()).toMatchObject({ requests: 1 });
    expect((await messages(world.sessions.resident.userId, 'service_incident')).length).toBe(1);

    const foreign = await world.as('dispatcher')(
      'POST',
      `/api/v1/organisations/${org}/service-incidents`,
      {
        category: 'heating',
        title: 'Чужой дом',
        description: 'Не наш дом',
        houseIds: [world.otherFlat],
      },
    );

    expect(foreign.statusCode).toBe(400);

    const resolved = await world.as('dispatcher')(
      'POST',
      `/api/v1/organisations/${org}/service-incidents/${incident.json().id}/resolve`,
      { note: 'Теплотрасса восстановлена' },
    );

    expect(resolved.json().resolvedAt).not.toBeNull();
    expect((await world.as('owner')('GET', `/api/v1/service-requests/${one}`)).json().status).toBe(
      'done',
    );

    const again = await world.as('dispatcher')(
      'POST',
      `/api/v1/organisations/${org}/service-incidents/${incident.json().id}/resolve`,
      { note: 'ещё раз' },
    );

    expect(again.json().code).toBe('incident_resolved');
  });

  it('should plan works, tell the residents, and print the act when done', async () => {
    const start = new Date(Date.now() + 5 * 24 * 3600_000).toISOString().slice(0, 10);
    const planned = await world.as('dispatcher')(
      'POST',
      `/api/v1/organisations/${org}/planned-works`,
      {
        houseId: world.houseId,
        kind: 'maintenance',
        title: 'Промывка стояков',
        description: 'Без воды с 10 до 14',
        startsOn: start,
        endsOn: start,
      },
    );

    expect(planned.statusCode).toBe(201);
    expect(
      (await messages(world.sessions.owner.userId, 'planned_work')).some((m) =>
        m.subject.includes('Промывка'),
      ),
    ).toBe(true);

    const backwards = await world.as('dispatcher')(
      'POST',
      `/api/v1/organisations/${org}/planned-works`,
      {
        houseId: world.houseId,
        kind: 'maintenance',
        title: 'Наоборот',
        startsOn: start,
        endsOn: '2000-01-01',
      },
    );

    expect(backwards.statusCode).toBe(400);

    const calendar = await world.as('owner')('GET', '/api/v1/service-requests/planned-works');

    expect(calendar.json<{ id: string }[]>().map((w: { id: string }) => w.id)).toContain(
      planned.json().id,
    );

    const id = planned.json().id;
    const early = await world.as('dispatcher')(
      'GET',
      `/api/v1/organisations/${org}/planned-works/${id}/act`,
    );

    expect(early.statusCode).toBe(409);

    const done = await world.as('executor')(
      'POST',
      `/api/v1/organisations/${org}/planned-works/${id}/completion`,
      { resultNote: 'Стояки промыты, давление в норме' },
    );

    expect(done.json().status).toBe('done');

    const act = await world.as('dispatcher')(
      'GET',
      `/api/v1/organisations/${org}/planned-works/${id}/act`,
    );

    expect(act.headers['content-type']).toBe('application/pdf');
    expect(act.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('should give analytics to the organisation and to the inspector, not to residents', async () => {
    const url = `/api/v1/organisations/${org}/service-requests/analytics?months=3`;
    const analytics = await world.as('inspector')('GET', url);

    expect(analytics.statusCode).toBe(200);

    const body = analytics.json();

    expect(body.total).toBeGreaterThan(5);
    expect(body.byMonth).toHaveLength(3);
    expect(body.byCategory[0].count).toBeGreaterThan(0);
    expect(body.completedInTimeShare).toBeGreaterThan(0);
    expect(body.averageRating).toBe(5);
    expect((await world.as('owner')('GET', url)).statusCode).toBe(403);
    expect((await world.as('dispatcher')('GET', `${url.replace('=3', '=99')}`)).statusCode).toBe(
      400,
    );
  });
});
