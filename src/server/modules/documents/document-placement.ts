import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { houseManager, type Visibility } from './document-access.js';
import { findFolder, type DocumentRow } from './documents.repo.js';

/** Where a new document or folder goes, after checking the user may file there. */
export async function placement(
  ctx: AppContext,
  who: Visibility,
  input: {
    scope: DocumentRow['scope'];
    houseId?: string | undefined;
    organisationId?: string | undefined;
  },
) {
  if (input.scope === 'personal') {
    return { personId: who.personId, houseId: null, organisationId: null };
  }

  if (input.scope === 'house') {
    if (!input.houseId) {
      throw missingField('houseId', 'a house document needs houseId');
    }

    const organisationId = await houseManager(ctx.db, input.houseId);

    if (!organisationId || !who.officeOrganisationIds.includes(organisationId)) {
      throw new AppError('forbidden');
    }

    return { personId: null, houseId: input.houseId, organisationId };
  }

  if (!input.organisationId) {
    throw missingField('organisationId', 'an organisation document needs organisationId');
  }

  if (!who.officeOrganisationIds.includes(input.organisationId)) {
    throw new AppError('forbidden');
  }

  return { personId: null, houseId: null, organisationId: input.organisationId };
}

function missingField(field: string, message: string) {
  return new AppError('validation_failed', { errors: [{ field, rule: 'required', message }] });
}

export async function checkFolder(ctx: AppContext, folderId: string | undefined, place: object) {
  if (!folderId) {
    return null;
  }

  const folder = await findFolder(ctx.db, folderId);
  const same =
    folder &&
    Object.entries(place).every(([key, value]) => folder[key as keyof typeof folder] === value);

  if (!same) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'folderId', rule: 'scope', message: 'the folder belongs elsewhere' }],
    });
  }

  return folder.id;
}
