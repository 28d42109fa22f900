import type { AccountRow } from './personal-accounts.repo.js';
import type { Account } from './personal-accounts.schema.js';

export function presentAccount(row: AccountRow): Account {
  return {
    id: row.id,
    number: row.number,
    localNumber: row.localNumber,
    status: row.closedOn ? 'closed' : 'open',
    premise: {
      id: row.premiseId,
      number: row.premiseNumber,
      kind: row.premiseKind,
      houseId: row.houseId,
      houseAddress: row.houseAddress,
    },
    organisation: { id: row.organisationId, name: row.organisationName },
    payer: {
      kind: row.payerPersonId ? 'person' : 'organisation',
      personId: row.payerPersonId,
      organisationId: row.payerOrganisationId,
      name: row.payerName,
    },
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    closeReason: row.closeReason,
  };
}

export function presentHistoryEntry(entry: {
  at: Date | string;
  action: string;
  actorName: string | null;
}) {
  return { at: new Date(entry.at).toISOString(), action: entry.action, actorName: entry.actorName };
}
