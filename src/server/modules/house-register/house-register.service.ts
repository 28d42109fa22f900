import { searchQueryTokens } from '../../../domain/address/address-search.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from './acting.js';
import {
  authorizeOnHouse,
  requireHouse,
  requirePremise,
  type ManagedHouse,
} from './house-manager.js';
import {
  presentHouseHead,
  presentOrgHouse,
  presentOwnershipRecord,
  presentRegister,
  sharesTotalOf,
} from './house-register.presenter.js';
import {
  findEntrances,
  findOrgHouses,
  findOwnershipRecords,
  findPremise,
  findRegisterCells,
  findResidents,
} from './house-register.repo.js';
import type { PremiseCard } from './house-register.schema.js';
import { findContracts } from './management-contracts.repo.js';
import {
  findAreaCheck,
  findHouseCounts,
  findHouseFacts,
  findPremisesByKind,
} from './passport.repo.js';
import { presentAccount } from './personal-accounts.presenter.js';
import { findPremiseAccounts } from './personal-accounts.repo.js';

export async function listOrgHouses(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: { q?: string; page: number; limit: number },
) {
  await authorize(ctx, acting.user, 'house_register.read', { organisationId });

  const rows = await findOrgHouses(ctx.db, organisationId, {
    words: query.q ? searchQueryTokens(query.q, 8) : [],
    limit: query.limit,
    offset: offsetOf(query),
  });

  return {
    items: rows.map(presentOrgHouse),
    total: rows[0]?.total ?? 0,
    page: query.page,
    limit: query.limit,
  };
}

/** The chessboard of a house: two statements whatever the size of the house. */
export async function getRegister(ctx: AppContext, acting: Acting, houseId: string) {
  const house = await requireHouse(ctx.db, houseId);

  await authorizeOnHouse(ctx, acting.user, 'house_register.read', house);

  const [cells, entrances] = await Promise.all([
    findRegisterCells(ctx.db, houseId, house.today),
    findEntrances(ctx.db, houseId),
  ]);

  return presentRegister(house, cells, entrances);
}

/** Everything the register shows of one premise: rights live and ended, residents, accounts. */
export async function premiseCard(
  db: Queryable,
  premiseId: string,
  house: ManagedHouse,
): Promise<PremiseCard> {
  const [premise, records, residents, accounts] = await Promise.all([
    findPremise(db, premiseId),
    findOwnershipRecords(db, premiseId),
    findResidents(db, premiseId, house.today),
    findPremiseAccounts(db, premiseId),
  ]);

  if (!premise) {
    throw new AppError('not_found');
  }

  const live = records.filter((r) => r.endedOn === null);

  return {
    premise: { ...premise, houseAddress: house.address },
    owners: live.map(presentOwnershipRecord),
    history: records.filter((r) => r.endedOn !== null).map(presentOwnershipRecord),
    sharesTotal: sharesTotalOf(live),
    residents,
    accounts: accounts.map((a) => {
      const account = presentAccount(a);

      return {
        id: account.id,
        number: account.number,
        payerName: account.payer.name,
        payerPersonId: account.payer.personId,
        payerOrganisationId: account.payer.organisationId,
        organisationName: account.organisation.name,
        openedOn: account.openedOn,
        closedOn: account.closedOn,
        closeReason: account.closeReason,
      };
    }),
  };
}

export async function getPremiseCard(ctx: AppContext, acting: Acting, premiseId: string) {
  const premise = await requirePremise(ctx.db, premiseId);

  await authorizeOnHouse(ctx, acting.user, 'house_register.read', premise.house);

  return premiseCard(ctx.db, premiseId, premise.house);
}

/** The house passport: registry facts beside what the register holds, differences shown. */
export async function getPassport(ctx: AppContext, acting: Acting, houseId: string) {
  const house = await requireHouse(ctx.db, houseId);

  await authorizeOnHouse(ctx, acting.user, 'house_register.read', house);

  const [facts, contracts, entrances, byKind, areaCheck, counts] = await Promise.all([
    findHouseFacts(ctx.db, houseId),
    findContracts(ctx.db, houseId),
    findEntrances(ctx.db, houseId),
    findPremisesByKind(ctx.db, houseId),
    findAreaCheck(ctx.db, houseId),
    findHouseCounts(ctx.db, houseId, house.today),
  ]);

  return {
    house: { ...presentHouseHead(house), ...facts! },
    managedBy: house.managedBy,
    contracts: contracts.map((c) => ({
      id: c.id,
      number: c.number,
      startedOn: c.startedOn,
      endedOn: c.endedOn,
      organisationName: c.organisationName,
    })),
    entrances,
    premisesByKind: byKind,
    areaCheck,
    ...counts,
  };
}
