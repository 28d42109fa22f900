import { compareShares, formatShare, sumShares, WHOLE, type Share } from '../shares/fraction.js';
import type { ImportColumn } from './columns.js';
import type { ProblemCode } from './problems.js';
import type { ImportRow, ParsedRow, PremiseFacts } from './row.js';

/**
 * Rules that no single row can break alone: one premise described twice in different ways, the
 * same owner listed twice, shares adding up to more than the whole, and one account number, local
 * account number or cadastral number given to two different things.
 */

/** All rows of the file about one premise, with what they say about it merged. */
export type PremiseGroup = {
  key: string;
  houseKey: string;
  /** The first non-empty value of each fact, across the group's rows. */
  facts: PremiseFacts;
  /** Line of each fact's first value, for the messages of later rows. */
  factLines: Partial<Record<MergedFact, number>>;
  rows: ImportRow[];
};

type MergedFact = 'entrance' | 'floor' | 'areaTotal' | 'areaLiving' | 'cadastralNumber';

const MERGED: MergedFact[] = ['entrance', 'floor', 'areaTotal', 'areaLiving', 'cadastralNumber'];

export type AcrossOptions = {
  /** The house a row is about, once resolved; rows whose house is unknown are left out. */
  houseKeyOf: (row: ImportRow) => string | null;
  /**
   * Shares already recorded for the premise and not restated by the file: they count towards
   * the whole too.
   */
  storedShares?: (group: PremiseGroup) => Share[];
};

export function premiseKey(houseKey: string, facts: Pick<PremiseFacts, 'kind' | 'numberKey'>) {
  return `${houseKey}|${facts.kind}|${facts.numberKey}`;
}

/**
 * Groups the clean rows by premise and adds the problems found across them to the rows. Returns
 * the groups, in the order their premises first appear.
 */
export function checkAcrossRows(
  parsed: ParsedRow[],
  options: AcrossOptions,
): Map<string, PremiseGroup> {
  const groups = new Map<string, PremiseGroup>();
  const byLine = new Map(parsed.map((entry) => [entry.line, entry]));
  const problem: Report = (row, field, code, params = {}) => {
    byLine.get(row.line)?.problems.push({ field, code, params });
  };

  for (const entry of parsed) {
    const row = entry.row;
    const houseKey = row && entry.problems.length === 0 ? options.houseKeyOf(row) : null;

    if (!row || houseKey === null) {
      continue;
    }

    const key = premiseKey(houseKey, row.premise);
    const group = groups.get(key);

    if (!group) {
      groups.set(key, {
        key,
        houseKey,
        facts: { ...row.premise },
        factLines: Object.fromEntries(
          MERGED.filter((fact) => row.premise[fact] !== null).map((fact) => [fact, row.line]),
        ),
        rows: [row],
      });
      continue;
    }

    group.rows.push(row);
    mergeFacts(group, row, problem);
  }

  for (const group of groups.values()) {
    checkOwners(group, problem);
    checkShares(group, options.storedShares?.(group) ?? [], byLine);
  }

  checkUnique(groups, problem);

  return groups;
}

type Report = (
  row: ImportRow,
  field: ImportColumn,
  code: ProblemCode,
  params?: Record<string, string | number>,
) => void;

function mergeFacts(group: PremiseGroup, row: ImportRow, problem: Report) {
  for (const fact of MERGED) {
    const value = row.premise[fact];

    if (value === null) {
      continue;
    }

    const known = group.facts[fact];

    if (known === null) {
      (group.facts as Record<MergedFact, unknown>)[fact] = value;
      group.factLines[fact] = row.line;
    } else if (known !== value) {
      problem(row, fact, 'premise_conflict', {
        first: group.factLines[fact] ?? 0,
        other: String(known),
      });
    }
  }
}

function checkOwners(group: PremiseGroup, problem: Report) {
  const seen = new Map<string, number>();

  for (const row of group.rows) {
    if (!row.owner) {
      continue;
    }

    const first = seen.get(row.owner.key);

    if (first === undefined) {
      seen.set(row.owner.key, row.line);
    } else {
      const field = row.owner.kind === 'person' ? 'surname' : 'inn';

      problem(row, field, 'duplicate_owner', { first });
    }
  }
}

function checkShares(group: PremiseGroup, stored: Share[], byLine: Map<number, ParsedRow>) {
  const owned = group.rows.filter((row) => row.owner && row.right);

  if (owned.length === 0) {
    return;
  }

  const sum = sumShares([...owned.map((row) => row.right!.share), ...stored]);
  const storedText = stored.length > 0 ? formatShare(sumShares(stored)) : '';

  if (compareShares(sum, WHOLE) > 0) {
    for (const row of owned) {
      byLine.get(row.line)?.problems.push({
        field: 'share',
        code: 'shares_exceed_whole',
        params: { sum: formatShare(sum), stored: storedText },
      });
    }
  } else if (compareShares(sum, WHOLE) < 0) {
    byLine.get(owned[0]!.line)?.warnings.push({
      field: 'share',
      code: 'shares_below_whole',
      params: { sum: formatShare(sum) },
    });
  }
}

/** Account numbers, local account numbers and cadastral numbers name one thing each. */
function checkUnique(groups: Map<string, PremiseGroup>, problem: Report) {
  const accounts = new Map<string, number>();
  const localAccounts = new Map<string, number>();
  const cadastral = new Map<string, { group: string; line: number }>();

  for (const group of groups.values()) {
    for (const row of group.rows) {
      const number = row.account?.number;
      const local = row.account?.localNumber?.toLowerCase();
      const parcel = row.premise.cadastralNumber;

      if (number) {
        const first = accounts.get(number);

        if (first === undefined) {
          accounts.set(number, row.line);
        } else {
          problem(row, 'accountNumber', 'duplicate_account', { first });
        }
      }

      if (local) {
        const first = localAccounts.get(local);

        if (first === undefined) {
          localAccounts.set(local, row.line);
        } else {
          problem(row, 'localAccountNumber', 'duplicate_account', { first });
        }
      }

      if (parcel) {
        const first = cadastral.get(parcel);

        if (!first) {
          cadastral.set(parcel, { group: group.key, line: row.line });
        } else if (first.group !== group.key) {
          problem(row, 'cadastralNumber', 'duplicate_cadastral', { first: first.line });
        }
      }
    }
  }
}
