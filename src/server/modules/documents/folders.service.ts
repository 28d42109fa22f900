import type { AppContext } from '../../platform/context.js';
import type { Acting } from '../house-register/acting.js';
import { visibilityOf } from './document-access.js';
import { placement } from './document-placement.js';
import { insertFolder, listFolders, type DocumentRow } from './documents.repo.js';
import { signedIn } from './documents.service.js';

/** A folder in my documents, a house's documents or an organisation's archive. */
export async function createFolder(
  ctx: AppContext,
  acting: Acting,
  input: { scope: DocumentRow['scope']; name: string; houseId?: string; organisationId?: string },
) {
  const user = signedIn(acting);
  const who = await visibilityOf(ctx.db, user);
  const place = await placement(ctx, who, input);
  const folder = await insertFolder(ctx.db, {
    scope: input.scope,
    ...place,
    name: input.name,
    by: user.id,
  });

  return { id: folder.id, name: folder.name, scope: input.scope };
}

export async function foldersOf(ctx: AppContext, acting: Acting) {
  const who = await visibilityOf(ctx.db, signedIn(acting));
  const rows = await listFolders(ctx.db, who);

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scope: row.scope as DocumentRow['scope'],
  }));
}
