import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import { actor, type Acting } from './acting.js';
import { authorizeOnHouse, requireHouse } from './house-manager.js';
import {
  endContract,
  findContract,
  findContracts,
  findOverlapping,
  insertContract,
  lockHouse,
  type ContractRow,
} from './management-contracts.repo.js';
import type { ContractEndInput, ContractInput } from './management-contracts.schema.js';

/** Organisations that manage houses: a management company, a ТСЖ or a ЖСК. */
const MANAGING_KINDS = new Set(['management_company', 'hoa', 'housing_coop']);

export async function listContracts(ctx: AppContext, acting: Acting, houseId: string) {
  const house = await requireHouse(ctx.db, houseId);

  await authorizeOnHouse(ctx, acting.user, 'house_register.read', house);

  return { items: await findContracts(ctx.db, houseId) };
}

/**
 * Registers a contract of an organisation with a house. An organisation admin registers the
 * contracts of their own organisation for a house it manages or that nobody manages today; taking
 * over a house another organisation manages is the platform administrator's call, since in
 * reality it follows the licence register, not one company's word.
 */
export async function createContract(
  ctx: AppContext,
  acting: Acting,
  houseId: string,
  input: ContractInput,
): Promise<ContractRow> {
  const house = await requireHouse(ctx.db, houseId);

  await authorize(ctx, acting.user, 'management_contracts.manage', {
    organisationId: input.organisationId,
  });

  const me = actor(acting);
  const [organisation] = await ctx.db.query<{ kind: string }>(
    'SELECT kind FROM organisations WHERE id = $1',
    [input.organisationId],
  );

  if (!organisation || !MANAGING_KINDS.has(organisation.kind)) {
    throw new AppError('validation_failed', {
      errors: [
        {
          field: 'body.organisationId',
          rule: 'kind',
          message: 'only a management company, a ТСЖ or a ЖСК manages houses',
        },
      ],
    });
  }

  if (
    house.managerId &&
    house.managerId !== input.organisationId &&
    me.platformRole !== 'platform_admin'
  ) {
    throw new AppError('forbidden', {
      detail: {
        ru: `Дом управляет ${house.managerName ?? 'другая организация'}; смену управляющей организации регистрирует администратор платформы`,
        en: `The house is managed by ${house.managerName ?? 'another organisation'}; a change of manager is registered by a platform administrator`,
      },
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    await lockHouse(tx, houseId);

    const overlapping = await findOverlapping(tx, {
      houseId,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
    });

    if (overlapping.length > 0) {
      throw overlapProblem(overlapping);
    }

    const created = await insertContract(tx, {
      houseId,
      organisationId: input.organisationId,
      number: input.number ?? null,
      signedOn: input.signedOn ?? null,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
    });

    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'management_contract.created',
      objectType: 'management_contract',
      objectId: created,
      requestId: acting.requestId,
      after: { houseId, ...input },
    });

    return created;
  });

  return (await findContract(ctx.db, houseId, id))!;
}

function overlapProblem(overlapping: ContractRow[]) {
  const first = overlapping[0]!;
  const period = `${first.startedOn} – ${first.endedOn ?? '…'}`;
  const number = first.number ?? '';

  return new AppError('management_contract_overlap', {
    detail: {
      ru: `Период пересекается с договором ${number} (${first.organisationName}, ${period})`,
      en: `The period overlaps contract ${number} (${first.organisationName}, ${period})`,
    },
    errors: [{ field: 'body.startedOn', rule: 'overlap', message: 'overlaps another contract' }],
    extra: {
      overlapsWith: overlapping.map((c) => ({
        id: c.id,
        number: c.number,
        organisationName: c.organisationName,
        startedOn: c.startedOn,
        endedOn: c.endedOn,
      })),
    },
  });
}

/** Ends a contract on its last day: early termination, expiry or the owners' decision. */
export async function terminateContract(
  ctx: AppContext,
  acting: Acting,
  houseId: string,
  id: string,
  input: ContractEndInput,
): Promise<ContractRow> {
  const contract = await findContract(ctx.db, houseId, id);

  if (!contract) {
    throw new AppError('not_found', {
      detail: { ru: 'Договор не найден', en: 'No such contract' },
    });
  }

  await authorize(ctx, acting.user, 'management_contracts.manage', {
    organisationId: contract.organisationId,
  });

  if (contract.endedReason !== null) {
    throw new AppError('management_contract_ended');
  }

  const field = (rule: string, message: string) =>
    new AppError('validation_failed', { errors: [{ field: 'body.endedOn', rule, message }] });

  if (input.endedOn < contract.startedOn) {
    throw field('before_start', `the contract started on ${contract.startedOn}`);
  }

  if (contract.endedOn && input.endedOn > contract.endedOn) {
    throw field('after_term', `the contract runs until ${contract.endedOn} at most`);
  }

  await ctx.db.transaction(async (tx) => {
    await endContract(tx, id, input.endedOn, input.reason);
    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'management_contract.ended',
      objectType: 'management_contract',
      objectId: id,
      requestId: acting.requestId,
      before: { endedOn: contract.endedOn, endedReason: null },
      after: { endedOn: input.endedOn, endedReason: input.reason },
    });
  });

  return (await findContract(ctx.db, houseId, id))!;
}
