import type { ImportColumn } from '../../../domain/premises-import/columns.js';
import type { RowProblem, RowWarning } from '../../../domain/premises-import/problems.js';
import type { Share } from '../../../domain/shares/fraction.js';

/**
 * What an import would do, worked out before anything is written: the objects to create and
 * change, and for every row of the file its status and the reasons. A commit writes exactly this.
 */

/** An object that exists (`id`) or that this import creates (`key` within the plan). */
export type Ref = { id: string } | { key: string };

export type OwnerRef = { kind: 'person' | 'organisation'; ref: Ref };

export type PremiseValues = {
  entrance: number | null;
  floor: number | null;
  areaTotal: string;
  areaLiving: string | null;
  cadastralNumber: string | null;
};

export type Plan = {
  entrances: { houseId: string; number: number }[];
  premises: ({ key: string; houseId: string; kind: string; number: string } & PremiseValues)[];
  premiseUpdates: ({ id: string } & PremiseValues)[];
  persons: { key: string; surname: string; name: string; patronymic: string | null }[];
  organisations: { key: string; kind: 'company' | 'municipality'; name: string; inn: string }[];
  ownerships: {
    premise: Ref;
    owner: OwnerRef;
    share: Share;
    titleDocument: string | null;
    rightNumber: string | null;
    rightDate: string | null;
  }[];
  ownershipUpdates: {
    id: string;
    titleDocument: string | null;
    rightNumber: string | null;
    rightDate: string | null;
  }[];
  accounts: {
    line: number;
    number: string | null;
    localNumber: string | null;
    premise: Ref;
    payer: OwnerRef;
    openedOn: string;
  }[];
  accountUpdates: { id: string; localNumber: string | null; openedOn: string }[];
};

export function emptyPlan(): Plan {
  return {
    entrances: [],
    premises: [],
    premiseUpdates: [],
    persons: [],
    organisations: [],
    ownerships: [],
    ownershipUpdates: [],
    accounts: [],
    accountUpdates: [],
  };
}

export type RowStatus = 'create' | 'update' | 'unchanged' | 'error';

export type RowAction =
  | 'premise.create'
  | 'premise.update'
  | 'entrance.create'
  | 'owner.create'
  | 'ownership.create'
  | 'ownership.update'
  | 'account.create'
  | 'account.update';

export type FieldChange = { field: ImportColumn; from: string | null; to: string | null };

/** One line of the file in the report. */
export type ReportRow = {
  line: number;
  status: RowStatus;
  house: string;
  kind: string;
  number: string;
  owner: string;
  /** The ЕЛС of the row's account: given, found, or issued by the commit. */
  accountNumber: string | null;
  actions: RowAction[];
  changes: FieldChange[];
  problems: RowProblem[];
  warnings: RowWarning[];
};

export type Totals = {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  error: number;
  /** Rows with at least one warning, whatever their status. */
  warnings: number;
};

/** What the plan creates and changes, by kind of object. */
export type Effects = {
  premisesCreated: number;
  premisesUpdated: number;
  entrancesCreated: number;
  personsCreated: number;
  organisationsCreated: number;
  ownershipsCreated: number;
  ownershipsUpdated: number;
  accountsCreated: number;
  accountsUpdated: number;
};

export function effectsOf(plan: Plan): Effects {
  return {
    premisesCreated: plan.premises.length,
    premisesUpdated: plan.premiseUpdates.length,
    entrancesCreated: plan.entrances.length,
    personsCreated: plan.persons.length,
    organisationsCreated: plan.organisations.length,
    ownershipsCreated: plan.ownerships.length,
    ownershipsUpdated: plan.ownershipUpdates.length,
    accountsCreated: plan.accounts.length,
    accountsUpdated: plan.accountUpdates.length,
  };
}

export function statusOf(row: Pick<ReportRow, 'problems' | 'actions'>): RowStatus {
  if (row.problems.length > 0) {
    return 'error';
  }

  if (row.actions.some((action) => action.endsWith('.create'))) {
    return 'create';
  }

  return row.actions.length > 0 ? 'update' : 'unchanged';
}

export function totalsOf(rows: ReportRow[]): Totals {
  const totals: Totals = {
    rows: rows.length,
    create: 0,
    update: 0,
    unchanged: 0,
    error: 0,
    warnings: 0,
  };

  for (const row of rows) {
    totals[row.status] += 1;
    totals.warnings += row.warnings.length > 0 ? 1 : 0;
  }

  return totals;
}
