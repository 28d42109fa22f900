import { searchQueryTokens } from '../../../domain/address/address-search.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { presentBuildingDetail, presentBuildingSummary } from './buildings.presenter.js';
import { findBuilding, findBuildings } from './buildings.repo.js';
import type { BuildingDetail, BuildingListQuery, BuildingSummary } from './buildings.schema.js';

/**
 * Houses by address words. A query made only of noise («ул.», «%», «-») finds nothing rather
 * than everything: the person typed something, and it matched no address word.
 */
export async function listBuildings(
  db: Queryable,
  query: BuildingListQuery,
): Promise<{ items: BuildingSummary[]; total: number; page: number; limit: number }> {
  const typed = query.q?.trim() ?? '';
  const words = searchQueryTokens(typed);

  if (typed !== '' && words.length === 0) {
    return { items: [], total: 0, page: query.page, limit: query.limit };
  }

  const { rows, total } = await findBuildings(db, {
    words,
    organisationId: query.organisationId,
    limit: query.limit,
    offset: offsetOf(query),
  });

  return { items: rows.map(presentBuildingSummary), total, page: query.page, limit: query.limit };
}

export async function getBuilding(db: Queryable, id: string): Promise<BuildingDetail> {
  const row = await findBuilding(db, id);

  if (!row) {
    throw new AppError('not_found', {
      detail: { ru: 'Дом не найден', en: 'No such house' },
    });
  }

  return presentBuildingDetail(row);
}
