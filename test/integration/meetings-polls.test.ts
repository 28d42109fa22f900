import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAccessWorld, type AccessWorld, type Session } from '../support/access-world.js';
import { as, hoaHouse, travel } from './meetings-world.js';

type Poll = {
  id: string;
  open: boolean;
  options: { index: number; votes: number }[];
  myOwnerships: number;
  myAnswered: number;
};

describe('polls of owners', () => {
  let world: AccessWorld;
  let tsj: Session;
  let owner: Session;
  let resident: Session;
  let house: { houseId: string };
  let poll: Poll;

  beforeAll(async () => {
    world = await createAccessWorld();
    tsj = await world.openSession('tsj@mpdom.test');
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    house = await hoaHouse(world);
  });

  afterAll(async () => {
    travel(0);
    await world?.platform.stop();
  });

  it('should be started by the managing organisation only', async () => {
    const body = {
      houseId: house.houseId,
      organisationId: world.orgs.hoa,
      question: 'Нужна ли во дворе велопарковка?',
      options: ['Да', 'Нет', 'Всё равно'],
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    };
    const byOwner = await as(world, owner)('POST', '/api/v1/polls', body);
    const oneOption = await as(world, tsj)('POST', '/api/v1/polls', { ...body, options: ['Да'] });
    const created = await as(world, tsj)('POST', '/api/v1/polls', body);

    expect(byOwner.json().code).toBe('forbidden');
    expect(oneOption.statusCode).toBe(400);

    const twins = await as(world, tsj)('POST', '/api/v1/polls', {
      ...body,
      options: ['Синий', ' синий ', 'Зелёный'],
    });
    const closed = await as(world, tsj)('POST', '/api/v1/polls', {
      ...body,
      closesAt: '2020-01-01T00:00:00Z',
    });

    expect(twins.statusCode).toBe(400);
    expect(twins.json().errors).toMatchObject([{ field: 'body.options.1', rule: 'duplicate' }]);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors).toMatchObject([{ field: 'body.closesAt', rule: 'in_future' }]);
    expect(created.statusCode, created.body).toBe(201);
    poll = created.json<Poll>();
    expect(poll.options.map((o) => o.votes)).toEqual([0, 0, 0]);

    const listed = await as(world, tsj)('GET', `/api/v1/organisations/${world.orgs.hoa}/polls`);

    expect(listed.json<Poll[]>().map((p) => p.id)).toContain(poll.id);
  });

  it('should take one answer per ownership and show counts only', async () => {
    const first = await as(world, owner)('POST', `/api/v1/polls/${poll.id}/answers`, { option: 1 });
    const again = await as(world, owner)('POST', `/api/v1/polls/${poll.id}/answers`, { option: 0 });
    const wrong = await as(world, owner)('POST', `/api/v1/polls/${poll.id}/answers`, { option: 7 });

    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Poll>().options.map((o) => o.votes)).toEqual([0, 1, 0]);
    expect(first.json()).not.toHaveProperty('voters');
    expect(again.json().code).toBe('poll_already_voted');
    expect(wrong.json().code).toBe('poll_option_invalid');
  });

  it('should keep non-owners out and refuse answers after the close', async () => {
    const stranger = await as(world, resident)('GET', `/api/v1/polls/${poll.id}`);

    travel(8);

    const late = await as(world, tsj)('POST', `/api/v1/polls/${poll.id}/answers`, { option: 0 });

    expect(stranger.statusCode).toBe(404);
    expect(late.json().code).toBe('poll_closed');
  });
});
