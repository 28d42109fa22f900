import { normaliseOrganisationName } from '../../../domain/organisations/organisation-name.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import {
  presentOrganisationDetail,
  presentOrganisationSummary,
} from './organisations.presenter.js';
import { findOrganisation, findOrganisations } from './organisations.repo.js';
import type {
  OrganisationDetail,
  OrganisationListQuery,
  OrganisationSummary,
} from './organisations.schema.js';

// More words than a name has only slow the query down.
const MAX_WORDS = 12;

/** Organisations by name words; the query is folded the way names are (see domain). */
export async function listOrganisations(
  db: Queryable,
  query: OrganisationListQuery,
): Promise<{ items: OrganisationSummary[]; total: number; page: number; limit: number }> {
  const typed = query.q?.trim() ?? '';
  const words = [...new Set(normaliseOrganisationName(typed).split(' ').filter(Boolean))].slice(
    0,
    MAX_WORDS,
  );

  if (typed !== '' && words.length === 0) {
    return { items: [], total: 0, page: query.page, limit: query.limit };
  }

  const { rows, total } = await findOrganisations(db, {
    words,
    limit: query.limit,
    offset: offsetOf(query),
  });

  return {
    items: rows.map(presentOrganisationSummary),
    total,
    page: query.page,
    limit: query.limit,
  };
}

export async function getOrganisation(db: Queryable, id: string): Promise<OrganisationDetail> {
  const row = await findOrganisation(db, id);

  if (!row) {
    throw new AppError('not_found', {
      detail: { ru: 'Организация не найдена', en: 'No such organisation' },
    });
  }

  return presentOrganisationDetail(row);
}
