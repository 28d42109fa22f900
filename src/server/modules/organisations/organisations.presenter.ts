import type { OrganisationRow } from './organisations.repo.js';
import type { OrganisationDetail, OrganisationSummary } from './organisations.schema.js';

export function presentOrganisationSummary(row: OrganisationRow): OrganisationSummary {
  return { id: row.id, name: row.name, kind: row.kind, housesCount: row.housesCount };
}

export function presentOrganisationDetail(row: OrganisationRow): OrganisationDetail {
  return {
    ...presentOrganisationSummary(row),
    inn: row.inn,
    ogrn: row.ogrn,
    portalLink: row.portalLink,
  };
}
