import { ACTIONS, isGranted, type Action } from '../../../domain/access/actions.js';
import { isInForce, oneYearAfter, termProblem } from '../../../domain/access/powers-of-attorney.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { parseLogin } from '../identity/sessions.service.js';
import type { PowerOfAttorneyInput } from './access.schema.js';
import { findUserIdByLogin } from './assurance.repo.js';
import { findPremiseRelations } from './authorize.repo.js';
import { authorize } from './authorize.js';
import {
  findPower,
  insertPower,
  listPowers,
  revokePower,
  type PowerOfAttorneyRow,
} from './powers-of-attorney.repo.js';

type Acting = { user: SignedInUser | null; requestId: string };

const today = () => new Date().toISOString().slice(0, 10);

function present(row: PowerOfAttorneyRow) {
  return {
    ...row,
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
    inForce: isInForce(row, today()),
  };
}

/**
 * An owner grants a representative the right to act for them on one premise for a period. A
 * representative cannot pass the power on: only the owner's own ownership counts here.
 */
export async function grantPower(ctx: AppContext, acting: Acting, input: PowerOfAttorneyInput) {
  const auth = await authorize(ctx, acting.user, 'poa.create', { premiseId: input.premiseId });
  const me = acting.user!;

  const relations = await findPremiseRelations(ctx.db, me.personId, input.premiseId);

  // A representative holds the owner's rights on the premise, but not the right to delegate.
  if (auth.onBehalfOfPersonId !== null && !relations.some((r) => r.relation === 'owner')) {
    throw new AppError('forbidden', {
      detail: {
        ru: 'Представитель не может передоверить полномочия',
        en: 'A representative cannot delegate the power further',
      },
    });
  }

  const problem = termProblem(input.validFrom, input.validUntil);

  if (problem) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'validUntil', rule: 'range', message: problem }],
    });
  }

  const login = parseLogin(input.representativeLogin);
  const representativeUserId = login ? await findUserIdByLogin(ctx.db, login) : undefined;

  if (!representativeUserId) {
    throw new AppError('not_found', {
      detail: {
        ru: 'Представитель не зарегистрирован на платформе',
        en: 'The representative has no account',
      },
    });
  }

  if (representativeUserId === me.id) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'representativeLogin', rule: 'self', message: 'cannot be yourself' }],
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertPower(tx, {
      principalPersonId: me.personId,
      representativeUserId,
      premiseId: input.premiseId,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? oneYearAfter(input.validFrom),
      documentReference: input.documentReference ?? null,
      createdBy: me.id,
    });

    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'power_of_attorney.granted',
      objectType: 'power_of_attorney',
      objectId: created,
      requestId: acting.requestId,
      after: { ...input, representativeUserId },
    });

    return created;
  });

  return present((await findPower(ctx.db, id))!);
}

export async function getPowers(ctx: AppContext, acting: Acting) {
  await authorize(ctx, acting.user, 'poa.list');

  const { granted, received } = await listPowers(ctx.db, {
    personId: acting.user!.personId,
    userId: acting.user!.id,
  });

  return { granted: granted.map(present), received: received.map(present) };
}

/** The principal (or a platform admin) revokes; the representative loses the rights at once. */
export async function withdrawPower(ctx: AppContext, acting: Acting, id: string) {
  await authorize(ctx, acting.user, 'poa.revoke');

  const me = acting.user!;
  const power = await findPower(ctx.db, id);

  if (!power || (power.principalPersonId !== me.personId && me.platformRole !== 'platform_admin')) {
    throw new AppError('not_found');
  }

  await ctx.db.transaction(async (tx) => {
    await revokePower(tx, id);
    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'power_of_attorney.revoked',
      objectType: 'power_of_attorney',
      objectId: id,
      requestId: acting.requestId,
      before: { revokedAt: power.revokedAt },
      after: { revokedAt: 'now' },
    });
  });

  return present((await findPower(ctx.db, id))!);
}

const PREMISE_ACTIONS = (Object.keys(ACTIONS) as Action[]).filter(
  (a) => ACTIONS[a].scope === 'premise',
);

/** What the caller may do on a premise and in which capacity (owner, representative, staff…). */
export async function premiseRights(ctx: AppContext, acting: Acting, premiseId: string) {
  const auth = await authorize(ctx, acting.user, 'premise.read_rights', { premiseId });
  const held = new Set(auth.roles);

  return {
    premiseId,
    roles: [...auth.roles].sort(),
    onBehalfOfPersonId: auth.onBehalfOfPersonId,
    actions: PREMISE_ACTIONS.filter((a) =>
      isGranted(a, { signedIn: true, effective: auth.roles, held }),
    ),
  };
}
