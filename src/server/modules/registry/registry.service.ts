import { checkCadastralNumber } from '../../../domain/identifiers/checksums.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { registryAdapterFor } from './registry.adapters.js';
import { presentRegistryObject } from './registry.presenter.js';
import { findObjectContext } from './registry.repo.js';
import type { RegistryObjectView } from './registry.schema.js';

type Acting = { user: SignedInUser | null; requestId: string };

/**
 * One object of the registry with its rights, for the platform's operators. Owners' names are
 * personal data, so every reading is journaled.
 */
export async function getRegistryObject(
  ctx: AppContext,
  acting: Acting,
  input: string,
): Promise<RegistryObjectView> {
  await authorize(ctx, acting.user, 'registry.read');

  const check = checkCadastralNumber(input);

  if (!check.valid) {
    throw new AppError('validation_failed', {
      detail: {
        ru: 'Кадастровый номер имеет вид 66:41:0204016:1234',
        en: 'A cadastral number looks like 66:41:0204016:1234',
      },
      errors: [
        { field: 'params.cadastralNumber', rule: 'format', message: 'not a cadastral number' },
      ],
    });
  }

  const object = await registryAdapterFor(ctx).findObject(check.value);

  if (!object) {
    throw new AppError('not_found', {
      detail: {
        ru: `В реестре нет объекта ${check.value}`,
        en: `The registry has no object ${check.value}`,
      },
    });
  }

  const context = await findObjectContext(ctx.db, object);

  await recordAudit(ctx.db, {
    actorUserId: acting.user!.id,
    action: 'registry_object.viewed',
    objectType: 'registry_object',
    objectId: context.objectId,
    requestId: acting.requestId,
    personalDataAccess: object.rights.some((right) => right.ownerKind === 'person'),
  });

  return presentRegistryObject(object, context);
}
