import { checkCadastralNumber } from '../../../domain/identifiers/checksums.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { actor, type Acting } from './acting.js';
import { authorizeOnHouse, lockPremise, requirePremise } from './house-manager.js';
import {
  findEntrances,
  findPremise,
  premiseNumberTaken,
  updatePremise,
  type PremiseRow,
  type PremiseUpdate,
} from './house-register.repo.js';
import type { PremisePatch } from './house-register.schema.js';
import { premiseCard } from './house-register.service.js';

/** «45,3» → «45.30»: areas are stored as exact decimals with two places. */
function area(value: string): string {
  return Number(value.replace(',', '.')).toFixed(2);
}

/**
 * Turns the patch into column values and checks what the schema cannot see alone: a number free
 * in the house, the living area within the total, a real entrance, a well-formed cadastral number.
 */
async function resolvePatch(
  ctx: AppContext,
  current: PremiseRow,
  patch: PremisePatch,
  floorsMax: number | null,
): Promise<{ update: PremiseUpdate; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const fail = (field: string, rule: string, message: string) =>
    errors.push({ field: `body.${field}`, rule, message });
  const update: PremiseUpdate = {};

  if (patch.number !== undefined && patch.number !== current.number) {
    update.number = patch.number;

    if (await premiseNumberTaken(ctx.db, current, patch.number)) {
      fail('number', 'taken', 'another premise of this kind in the house has this number');
    }
  }

  if (patch.areaTotal !== undefined) {
    update.areaTotal = area(patch.areaTotal);

    if (Number(update.areaTotal) <= 0) {
      fail('areaTotal', 'zero', 'the total area must be above zero');
    }
  }

  if (patch.areaLiving !== undefined) {
    update.areaLiving = patch.areaLiving === null ? null : area(patch.areaLiving);
  }

  const total = Number(update.areaTotal ?? current.areaTotal);
  const living = update.areaLiving === undefined ? current.areaLiving : update.areaLiving;

  if (living !== null && Number(living) > total) {
    fail('areaLiving', 'above_total', 'the living area cannot exceed the total area');
  }

  if (patch.floor !== undefined) {
    update.floor = patch.floor;

    if (patch.floor !== null && floorsMax !== null && patch.floor > floorsMax) {
      fail('floor', 'above_top', `the house has ${floorsMax} floors`);
    }
  }

  if (patch.entrance !== undefined) {
    update.entrance = patch.entrance;

    const entrances = await findEntrances(ctx.db, current.houseId);

    if (
      patch.entrance !== null &&
      entrances.length > 0 &&
      !entrances.some((e) => e.number === patch.entrance)
    ) {
      fail(
        'entrance',
        'unknown',
        `the house has entrances ${entrances.map((e) => e.number).join(', ')}`,
      );
    }
  }

  if (patch.cadastralNumber !== undefined) {
    const text = patch.cadastralNumber?.trim() ?? '';
    const check = text ? checkCadastralNumber(text) : null;

    if (check && !check.valid) {
      fail('cadastralNumber', 'format', 'expected the form 66:41:0702013:1234');
    }

    update.cadastralNumber = check?.valid ? check.value : null;
  }

  return { update, errors };
}

/** Corrects a premise's number, place in the house, areas or cadastral number. */
export async function editPremise(
  ctx: AppContext,
  acting: Acting,
  premiseId: string,
  patch: PremisePatch,
) {
  const premise = await requirePremise(ctx.db, premiseId);

  await authorizeOnHouse(ctx, acting.user, 'premises.manage', premise.house);

  const current = (await findPremise(ctx.db, premiseId))!;
  const [house] = await ctx.db.query<{ floorsMax: number | null }>(
    'SELECT floors_max AS "floorsMax" FROM houses WHERE id = $1',
    [current.houseId],
  );
  const { update, errors } = await resolvePatch(ctx, current, patch, house?.floorsMax ?? null);

  if (errors.length > 0) {
    const cadastral = errors.length === 1 && errors[0]!.field === 'body.cadastralNumber';
    const taken = errors.length === 1 && errors[0]!.rule === 'taken';

    throw new AppError(
      cadastral ? 'cadastral_number_invalid' : taken ? 'conflict' : 'validation_failed',
      { errors },
    );
  }

  const before = Object.fromEntries(
    Object.keys(update).map((key) => [key, current[key as keyof PremiseRow]]),
  );

  if (Object.keys(update).length > 0) {
    await ctx.db.transaction(async (tx) => {
      await lockPremise(tx, premiseId);
      await updatePremise(tx, premiseId, update).catch((error: unknown) => {
        // Another edit took the number between the check and this update.
        if ((error as { code?: string }).code === '23505') {
          throw new AppError('conflict', {
            errors: [{ field: 'body.number', rule: 'taken', message: 'the number is taken' }],
          });
        }

        throw error;
      });
      await recordAudit(tx, {
        actorUserId: actor(acting).id,
        action: 'premise.updated',
        objectType: 'premise',
        objectId: premiseId,
        requestId: acting.requestId,
        before,
        after: update,
      });
    });
  }

  return premiseCard(ctx.db, premiseId, premise.house);
}
