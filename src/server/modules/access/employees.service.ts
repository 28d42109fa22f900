import { createHash, randomBytes } from 'node:crypto';

import { normalizeEmail, normalizeRussianPhone } from '../../../domain/contacts/phone.js';
import { normaliseOrganisationName } from '../../../domain/organisations/organisation-name.js';
import { ROLE_NAMES, type OrganisationRole } from '../../../domain/access/roles.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import { maskContact } from './access.presenter.js';
import type { InvitationInput } from './access.schema.js';
import { findProfile } from './assurance.repo.js';
import { authorize } from './authorize.js';
import {
  countOtherAdmins,
  findInvitationByHash,
  findMemberRoles,
  findOrganisation,
  insertDepartment,
  insertInvitation,
  listEmployees,
  markAccepted,
  replaceRoles,
} from './employees.repo.js';

const INVITATION_DAYS = 7;
// Oversight and department roles exist only inside authorities.
const AUTHORITY_ROLES = new Set<string>(['inspector', 'department_clerk', 'department_head']);

type Acting = { user: SignedInUser | null; requestId: string };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function getEmployees(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: PageQuery,
) {
  await authorize(ctx, acting.user, 'employees.list', { organisationId });

  const { items, total } = await listEmployees(ctx.db, organisationId, {
    limit: query.limit,
    offset: offsetOf(query),
  });

  // Colleagues' names are personal data too: the reading is journaled.
  await recordAudit(ctx.db, {
    actorUserId: acting.user!.id,
    action: 'employees.viewed',
    objectType: 'organisation',
    objectId: organisationId,
    requestId: acting.requestId,
    personalDataAccess: true,
  });

  return {
    items: items.map((r) => ({
      ...r,
      roles: r.roles as OrganisationRole[],
      since: new Date(r.since).toISOString(),
    })),
    total,
    page: query.page,
    limit: query.limit,
  };
}

async function organisationFor(ctx: AppContext, id: string, role?: string) {
  const organisation = await findOrganisation(ctx.db, id);

  if (!organisation) {
    throw new AppError('not_found');
  }

  if (role && AUTHORITY_ROLES.has(role) && organisation.kind !== 'authority') {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'role', rule: 'authority_only', message: `${role} exists only in authorities` },
      ],
    });
  }

  return organisation;
}

/** Sends an invitation link by e-mail or SMS; the token itself is never stored. */
export async function invite(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: InvitationInput,
) {
  await authorize(ctx, acting.user, 'employees.invite', { organisationId });

  const organisation = await organisationFor(ctx, organisationId, input.role);
  const email = input.email ? normalizeEmail(input.email) : null;
  const phone = input.phone ? normalizeRussianPhone(input.phone) : null;

  if (!email && !phone) {
    const field = input.email ? 'email' : 'phone';

    throw new AppError('validation_failed', {
      errors: [{ field, rule: 'format', message: `not a valid ${field}` }],
    });
  }

  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const link = `${ctx.config.http.publicUrl ?? ''}/invitations/${token}`;
  const roleName = ROLE_NAMES[input.role].ru;
  const text =
    `Вас приглашают в «${organisation.name}» на роль «${roleName}». ` +
    `Войдите или зарегистрируйтесь и примите приглашение: ${link} (действует ${INVITATION_DAYS} дней).`;

  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertInvitation(tx, {
      organisationId,
      email,
      phone,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: acting.user!.id,
      expiresAt,
    });

    await enqueueMessage(
      tx,
      email
        ? { channel: 'email', recipient: email, subject: 'Приглашение в МП-дом', body: text }
        : { channel: 'sms', recipient: phone!, body: text },
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'invitation.created',
      objectType: 'invitation',
      objectId: created,
      requestId: acting.requestId,
      after: { organisationId, role: input.role, email, phone },
    });

    return created;
  });

  return {
    id,
    organisationId,
    sentTo: maskContact(email ?? phone!),
    role: input.role,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The signed-in invitee accepts; the invitation must have been sent to one of their contacts. */
export async function acceptInvitation(ctx: AppContext, acting: Acting, token: string) {
  await authorize(ctx, acting.user, 'invitation.accept');

  const me = acting.user!;
  const profile = await findProfile(ctx.db, me.id);

  return ctx.db.transaction(async (tx) => {
    const invitation = await findInvitationByHash(tx, hashToken(token));
    const addressedToMe =
      invitation &&
      ((invitation.email !== null && invitation.email === profile?.email) ||
        (invitation.phone !== null && invitation.phone === profile?.phone));

    if (
      !invitation ||
      invitation.acceptedAt ||
      new Date(invitation.expiresAt) < new Date() ||
      !addressedToMe
    ) {
      throw new AppError('invitation_invalid');
    }

    const before = await findMemberRoles(tx, invitation.organisationId, me.id);
    const roles = [...new Set([...before, invitation.role])];

    await replaceRoles(tx, invitation.organisationId, me.id, roles);
    await markAccepted(tx, invitation.id, me.id);
    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'invitation.accepted',
      objectType: 'membership',
      objectId: me.id,
      requestId: acting.requestId,
      before: { organisationId: invitation.organisationId, roles: before },
      after: { organisationId: invitation.organisationId, roles },
    });

    return { organisationId: invitation.organisationId, roles: roles as OrganisationRole[] };
  });
}

/** Replaces an employee's roles (empty = removal); the last admin cannot be demoted. */
export async function setRoles(
  ctx: AppContext,
  acting: Acting,
  target: { organisationId: string; userId: string },
  roles: OrganisationRole[],
) {
  const action = roles.length === 0 ? 'employees.remove' : 'employees.change_roles';

  await authorize(ctx, acting.user, action, { organisationId: target.organisationId });

  for (const role of roles) {
    await organisationFor(ctx, target.organisationId, role);
  }

  return ctx.db.transaction(async (tx) => {
    const before = await findMemberRoles(tx, target.organisationId, target.userId);

    if (before.length === 0) {
      throw new AppError('not_found', {
        detail: { ru: 'Сотрудник не найден', en: 'No such employee' },
      });
    }

    const losesAdmin =
      before.includes('organisation_admin') && !roles.includes('organisation_admin');

    if (losesAdmin && (await countOtherAdmins(tx, target.organisationId, target.userId)) === 0) {
      throw new AppError('conflict', {
        detail: {
          ru: 'В организации должен остаться хотя бы один администратор',
          en: 'The organisation must keep at least one admin',
        },
      });
    }

    const unique = [...new Set(roles)].sort();

    await replaceRoles(tx, target.organisationId, target.userId, unique);
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: roles.length === 0 ? 'employee.removed' : 'employee.roles_changed',
      objectType: 'membership',
      objectId: target.userId,
      requestId: acting.requestId,
      before: { organisationId: target.organisationId, roles: before },
      after: { organisationId: target.organisationId, roles: unique },
    });

    return { organisationId: target.organisationId, userId: target.userId, roles: unique };
  });
}

/** A sub-department of an authority (or any organisation), managed by the parent's admins. */
export async function createDepartment(
  ctx: AppContext,
  acting: Acting,
  parentId: string,
  name: string,
) {
  await authorize(ctx, acting.user, 'departments.create', { organisationId: parentId });

  const parent = await organisationFor(ctx, parentId);

  return ctx.db.transaction(async (tx) => {
    const id = await insertDepartment(tx, {
      parentId,
      kind: parent.kind,
      name,
      normalizedName: normaliseOrganisationName(name),
    });

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'organisation.department_created',
      objectType: 'organisation',
      objectId: id,
      requestId: acting.requestId,
      after: { parentId, name, kind: parent.kind },
    });

    return { id, parentId, name, kind: parent.kind };
  });
}
