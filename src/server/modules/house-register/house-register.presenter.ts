import { layoutChessboard, type DeclaredEntrance } from '../../../domain/premises/chessboard.js';
import { formatShare, sumShares } from '../../../domain/shares/fraction.js';
import type { ManagedHouse } from './house-manager.js';
import type { CellRow, OrgHouseRow, OwnerJson, OwnershipRecordRow } from './house-register.repo.js';
import type { Cell, OrgHouse, Owner, Register } from './house-register.schema.js';

export function presentOrgHouse(row: OrgHouseRow): OrgHouse {
  return {
    id: row.id,
    address: row.address,
    managedBy: row.managedBy,
    contract: row.contract,
    premisesCount: row.premisesCount,
    ownedCount: row.ownedCount,
    accountsCount: row.accountsCount,
  };
}

export function presentOwner(row: OwnerJson): Owner {
  return {
    ownershipId: row.ownershipId,
    kind: row.personId ? 'person' : 'organisation',
    personId: row.personId,
    organisationId: row.organisationId,
    name: row.name,
    share: formatShare({ numerator: row.n, denominator: row.d }),
    startedOn: row.startedOn,
  };
}

export function presentOwnershipRecord(row: OwnershipRecordRow) {
  return {
    ...presentOwner(row),
    endedOn: row.endedOn,
    endedReason: row.endedReason,
    titleDocument: row.titleDocument,
    rightNumber: row.rightNumber,
    rightRegisteredOn: row.rightRegisteredOn,
    source: row.source,
  };
}

export function sharesTotalOf(owners: { n: number; d: number }[]): string {
  return formatShare(sumShares(owners.map((o) => ({ numerator: o.n, denominator: o.d }))));
}

export function presentCell(row: CellRow): Cell {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    floor: row.floor,
    entrance: row.entrance,
    areaTotal: row.areaTotal,
    areaLiving: row.areaLiving,
    cadastralNumber: row.cadastralNumber,
    owners: row.owners.map(presentOwner),
    sharesTotal: sharesTotalOf(row.owners),
    residentsCount: row.residentsCount,
    accounts: row.accounts,
  };
}

export function presentHouseHead(house: ManagedHouse) {
  return {
    id: house.id,
    address: house.address,
    managingOrganisation:
      house.managerId && house.managerName
        ? { id: house.managerId, name: house.managerName }
        : null,
  };
}

export function presentRegister(
  house: ManagedHouse,
  rows: CellRow[],
  declared: DeclaredEntrance[],
): Register {
  const cells = rows.map(presentCell);
  const board = layoutChessboard(cells, declared);

  return {
    house: presentHouseHead(house),
    entrances: board.entrances,
    other: board.other,
    totals: {
      premises: cells.length,
      owned: cells.filter((cell) => cell.owners.length > 0).length,
      accountsOpen: cells.reduce((sum, cell) => sum + cell.accounts.length, 0),
      residents: cells.reduce((sum, cell) => sum + cell.residentsCount, 0),
    },
  };
}
