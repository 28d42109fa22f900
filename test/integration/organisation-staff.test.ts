import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

describe('organisation staff: invitations, roles, departments', () => {
  let world: AccessWorld;
  let admin: Session;

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  const tokenFromOutbox = async (recipient: string) => {
    const [message] = await world.platform.ctx.db.query<{ body: string }>(
      'SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY seq DESC LIMIT 1',
      [recipient],
    );

    return /\/invitations\/([\w-]+)/.exec(message?.body ?? '')?.[1] ?? '';
  };

  it('should invite by e-mail through the outbox and let only the invitee accept', async () => {
    const as = requestAs(world.platform, admin);
    const sent = await as('POST', `/api/v1/organisations/${world.orgs.managing}/invitations`, {
      email: ' New.Dispatcher@MPDOM.test ',
      role: 'dispatcher',
    });

    expect(sent.statusCode).toBe(201);
    expect(sent.json().sentTo).toBe('n•••@mpdom.test');

    const token = await tokenFromOutbox('new.dispatcher@mpdom.test');

    expect(token.length).toBeGreaterThan(20);

    const stranger = await world.createUser('stranger@mpdom.test');
    const strangerAccept = await requestAs(
      world.platform,
      await world.openSession('stranger@mpdom.test'),
    )('POST', `/api/v1/invitations/${token}/acceptance`);

    expect(strangerAccept.statusCode).toBe(410);
    expect(stranger.userId).toBeTruthy();

    const invitee = await world.createUser('new.dispatcher@mpdom.test', 'Диспетчер');
    const inviteeAs = requestAs(
      world.platform,
      await world.openSession('new.dispatcher@mpdom.test'),
    );
    const accepted = await inviteeAs('POST', `/api/v1/invitations/${token}/acceptance`);

    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ organisationId: world.orgs.managing, roles: ['dispatcher'] });

    const replay = await inviteeAs('POST', `/api/v1/invitations/${token}/acceptance`);

    expect(replay.json().code).toBe('invitation_invalid');

    const staff = await as('GET', `/api/v1/organisations/${world.orgs.managing}/employees`);

    expect(staff.json().items).toContainEqual(
      expect.objectContaining({ userId: invitee.userId, roles: ['dispatcher'] }),
    );

    const firstPage = await as(
      'GET',
      `/api/v1/organisations/${world.orgs.managing}/employees?limit=1`,
    );
    const tooMany = await as(
      'GET',
      `/api/v1/organisations/${world.orgs.managing}/employees?limit=1000`,
    );

    expect(firstPage.json().items).toHaveLength(1);
    expect(firstPage.json().total).toBe(staff.json().total);
    expect(staff.json().total).toBeGreaterThanOrEqual(4);
    expect(tooMany.statusCode).toBe(400);

    const me = await inviteeAs('GET', '/api/v1/users/me');

    expect(me.json().roles).toContainEqual(
      expect.objectContaining({ role: 'dispatcher', organisationId: world.orgs.managing }),
    );
  });

  it('should invite by phone over SMS and refuse malformed contacts and foreign roles', async () => {
    const as = requestAs(world.platform, admin);
    const url = `/api/v1/organisations/${world.orgs.managing}/invitations`;
    const bySms = await as('POST', url, { phone: '8 (912) 345-67-89', role: 'executor' });

    expect(bySms.statusCode).toBe(201);
    expect(await tokenFromOutbox('+79123456789')).not.toBe('');

    const both = await as('POST', url, {
      phone: '+79123456789',
      email: 'a@b.ru',
      role: 'executor',
    });
    const badMail = await as('POST', url, { email: 'not-a-mail<script>', role: 'executor' });
    const inspectorInCompany = await as('POST', url, { email: 'i@mpdom.test', role: 'inspector' });
    const platformRole = await as('POST', url, { email: 'i@mpdom.test', role: 'platform_admin' });

    expect(both.statusCode).toBe(400);
    expect(badMail.json().errors[0].field).toBe('email');
    expect(inspectorInCompany.json().errors[0].rule).toBe('authority_only');
    expect(platformRole.statusCode).toBe(400);
  });

  it("should refuse an admin acting on another organisation's staff", async () => {
    const hoaAdmin = requestAs(world.platform, await world.openSession('tsj@mpdom.test'));
    const list = await hoaAdmin('GET', `/api/v1/organisations/${world.orgs.managing}/employees`);
    const invite = await hoaAdmin(
      'POST',
      `/api/v1/organisations/${world.orgs.managing}/invitations`,
      {
        email: 'x@mpdom.test',
        role: 'executor',
      },
    );

    expect(list.statusCode).toBe(403);
    expect(invite.statusCode).toBe(403);
  });

  it('should change roles, keep the last admin and remove an employee', async () => {
    const as = requestAs(world.platform, admin);
    const base = `/api/v1/organisations/${world.orgs.managing}/employees`;
    const employee = await world.createUser('worker@mpdom.test');

    await world.platform.ctx.db.query(
      `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'executor')`,
      [employee.userId, world.orgs.managing],
    );

    const changed = await as('PUT', `${base}/${employee.userId}/roles`, {
      roles: ['dispatcher', 'accountant', 'dispatcher'],
    });

    expect(changed.json().roles).toEqual(['accountant', 'dispatcher']);

    const lastAdmin = await as('PUT', `${base}/${admin.userId}/roles`, { roles: ['accountant'] });

    expect(lastAdmin.statusCode).toBe(409);

    const removed = await as('DELETE', `${base}/${employee.userId}`);

    expect(removed.statusCode).toBe(204);
    expect((await as('DELETE', `${base}/${employee.userId}`)).statusCode).toBe(404);

    const journal = await world.platform.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE object_id = $1 ORDER BY seq`,
      [employee.userId],
    );

    expect(journal.map((j) => j.action)).toEqual(['employee.roles_changed', 'employee.removed']);
  });

  it("should let a department head see the department's staff but not other departments'", async () => {
    const cityAdmin = await world.createUser('city-admin@mpdom.test');
    const db = world.platform.ctx.db;

    await db.query(
      `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'organisation_admin')`,
      [cityAdmin.userId, world.orgs.municipality],
    );

    const as = requestAs(world.platform, await world.openSession('city-admin@mpdom.test'));
    const created = await as(
      'POST',
      `/api/v1/organisations/${world.orgs.municipality}/departments`,
      {
        name: 'Отдел ЖКХ',
      },
    );

    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ parentId: world.orgs.municipality, kind: 'authority' });

    const department = created.json().id as string;
    const sent = await as('POST', `/api/v1/organisations/${department}/invitations`, {
      email: 'dept-clerk@mpdom.test',
      role: 'department_clerk',
    });

    expect(sent.statusCode).toBe(201);

    const head = requestAs(world.platform, await world.openSession('head@mpdom.test'));
    const ownDepartment = await head('GET', `/api/v1/organisations/${department}/employees`);
    const inspection = await head(
      'GET',
      `/api/v1/organisations/${world.orgs.inspection}/employees`,
    );

    expect(ownDepartment.statusCode).toBe(200);
    expect(inspection.statusCode).toBe(403);

    const whole = await as('GET', `/api/v1/organisations/${world.orgs.municipality}/employees`);

    expect(whole.json<{ items: { userId: string }[] }>().items.map((e) => e.userId)).toContain(
      cityAdmin.userId,
    );
  });
});

describe('powers of attorney', () => {
  let world: AccessWorld;
  let owner: Session;
  let representative: Session;

  beforeAll(async () => {
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    representative = await world.openSession('representative@mpdom.test');
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should demand a verified owner and default the term to one year', async () => {
    const as = requestAs(world.platform, owner);
    const body = {
      premiseId: world.ownerFlat,
      representativeLogin: 'resident@mpdom.test',
      validFrom: '2026-03-01',
    };
    const unverified = await as('POST', '/api/v1/powers-of-attorney', body);

    expect(unverified.statusCode).toBe(403);
    expect(unverified.json()).toMatchObject({
      code: 'assurance_required',
      requiredLevel: 'verified',
    });

    await world.setLevel(owner.userId, 'verified');

    const granted = await as('POST', '/api/v1/powers-of-attorney', body);

    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ validFrom: '2026-03-01', validUntil: '2027-03-01' });

    const inverted = await as('POST', '/api/v1/powers-of-attorney', {
      ...body,
      validUntil: '2026-02-01',
    });

    expect(inverted.statusCode).toBe(400);
  });

  it("should give a representative the owner's rights only while the power is in force", async () => {
    const db = world.platform.ctx.db;
    const rights = () =>
      requestAs(world.platform, representative)(
        'GET',
        `/api/v1/premises/${world.ownerFlat}/rights`,
      );
    const inForce = await rights();

    expect(inForce.statusCode).toBe(200);
    expect(inForce.json().roles).toEqual(['owner', 'representative']);
    expect(inForce.json().onBehalfOfPersonId).toBe(owner.personId);

    await db.query(
      `UPDATE powers_of_attorney SET valid_until = CURRENT_DATE - 1
       WHERE representative_user_id = $1`,
      [representative.userId],
    );
    expect((await rights()).statusCode).toBe(403);

    await db.query(
      `UPDATE powers_of_attorney SET valid_from = CURRENT_DATE + 1, valid_until = CURRENT_DATE + 30
       WHERE representative_user_id = $1`,
      [representative.userId],
    );
    expect((await rights()).statusCode).toBe(403);

    await db.query(
      `UPDATE powers_of_attorney SET valid_from = CURRENT_DATE WHERE representative_user_id = $1`,
      [representative.userId],
    );
    expect((await rights()).statusCode).toBe(200);
  });

  it('should refuse delegation by a representative and stop at revocation', async () => {
    await world.setLevel(representative.userId, 'verified');

    const onward = await requestAs(world.platform, representative)(
      'POST',
      '/api/v1/powers-of-attorney',
      {
        premiseId: world.ownerFlat,
        representativeLogin: 'resident@mpdom.test',
        validFrom: '2026-03-01',
      },
    );

    expect(onward.statusCode).toBe(403);

    const as = requestAs(world.platform, owner);
    const list = await as('GET', '/api/v1/powers-of-attorney');
    const power = list
      .json<{ granted: { id: string; representativeUserId: string; inForce: boolean }[] }>()
      .granted.find((p) => p.representativeUserId === representative.userId);

    expect(power?.inForce).toBe(true);

    const foreign = await requestAs(world.platform, representative)(
      'DELETE',
      `/api/v1/powers-of-attorney/${power?.id}`,
    );

    expect(foreign.statusCode).toBe(404);

    const revoked = await as('DELETE', `/api/v1/powers-of-attorney/${power?.id}`);

    expect(revoked.json()).toMatchObject({ inForce: false });
    expect(
      (
        await requestAs(world.platform, representative)(
          'GET',
          `/api/v1/premises/${world.ownerFlat}/rights`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('should deny a stranger any rights on the premise and answer 404 for no premise', async () => {
    await world.createUser('nobody-special@mpdom.test');

    const as = requestAs(world.platform, await world.openSession('nobody-special@mpdom.test'));

    expect((await as('GET', `/api/v1/premises/${world.ownerFlat}/rights`)).statusCode).toBe(403);
    expect(
      (await as('GET', '/api/v1/premises/00000000-0000-4000-8000-000000000000/rights')).statusCode,
    ).toBe(404);
  });
});
