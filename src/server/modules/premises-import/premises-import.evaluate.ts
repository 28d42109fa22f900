import { checkAcrossRows, type PremiseGroup } from '../../../domain/premises-import/across-rows.js';
import type { ImportColumn } from '../../../domain/premises-import/columns.js';
import type { ProblemCode } from '../../../domain/premises-import/problems.js';
import type { ImportRow, Owner, ParsedRow } from '../../../domain/premises-import/row.js';
import { formatShare, sharesEqual } from '../../../domain/shares/fraction.js';
import type { Queryable } from '../../platform/db/database.js';
import { matchAccount } from './premises-import.accounts.js';
import { resolveHouses, type HouseMatch } from './premises-import.houses.js';
import {
  emptyPlan,
  statusOf,
  type FieldChange,
  type OwnerRef,
  type Plan,
  type PremiseValues,
  type ReportRow,
} from './premises-import.plan.js';
import { loadWorld, unrestatedShares, type World } from './premises-import.world.js';

/**
 * Judges a parsed file against what the platform stores for one organisation and works out the
 * plan: which premises, owners, rights and accounts are new, which change and which stay as they
 * are. Writes nothing; the same evaluation runs again inside the commit's transaction.
 */
export async function evaluateImport(
  db: Queryable,
  organisationId: string,
  parsed: ParsedRow[],
  chosen?: { id: string; address: string },
): Promise<{ rows: ReportRow[]; plan: Plan }> {
  const report = new Map(parsed.map((entry) => [entry.line, reportRowOf(entry)]));
  const clean = parsed.filter((entry) => entry.row && entry.problems.length === 0);
  const houses = await resolveHouses(
    db,
    organisationId,
    clean.map((entry) => entry.row!.house),
  );

  // Imported into one chosen house, a row naming another of the organisation's houses is wrong.
  for (const [ref, match] of houses) {
    if (chosen && match.ok && match.house.id !== chosen.id) {
      houses.set(ref, { ok: false, code: 'house_not_chosen' });
    }
  }

  for (const entry of clean) {
    const match = houses.get(entry.row!.house);

    if (match && !match.ok) {
      const params = { value: entry.row!.house, chosen: chosen?.address ?? '' };

      entry.problems.push({ field: 'house', code: match.code, params });
    }
  }

  const houseIds = [...new Set([...houses.values()].flatMap((m) => (m.ok ? [m.house.id] : [])))];
  const world = await loadWorld(db, organisationId, houseIds, clean);
  const groups = checkAcrossRows(parsed, {
    houseKeyOf: (row) => houseOf(houses, row)?.house.id ?? null,
    storedShares: (group) => unrestatedShares(world, group),
  });
  const evaluation = new Evaluation(organisationId, world, report, houses);

  for (const group of groups.values()) {
    evaluation.premise(group);
  }

  // Problems added above (houses, across rows, the stored world) land in the report rows.
  for (const entry of parsed) {
    const row = report.get(entry.line)!;

    row.problems = entry.problems;
    row.warnings = [...entry.warnings, ...row.warnings];
    row.status = statusOf(row);
  }

  return { rows: [...report.values()], plan: evaluation.plan };
}

function reportRowOf(entry: ParsedRow): ReportRow {
  const row = entry.row;

  return {
    line: entry.line,
    status: 'error',
    house: entry.label.house,
    kind: row?.premise.kind ?? entry.label.kind,
    number: row?.premise.number ?? entry.label.number,
    owner: row?.owner ? ownerLabel(row.owner) : entry.label.owner,
    accountNumber: row?.account?.number ?? null,
    actions: [],
    changes: [],
    problems: entry.problems,
    warnings: [],
  };
}

/** «Иванова М. П.» or «ООО «Ромашка» (ИНН 7707083893)»: enough to recognise, no more. */
export function ownerLabel(owner: Owner): string {
  if (owner.kind !== 'person') {
    return `${owner.name} (ИНН ${owner.inn})`;
  }

  const initials = [owner.name, owner.patronymic].filter(Boolean).map((part) => `${part![0]}.`);

  return [owner.surname, initials.join(' ')].join(' ').trim();
}

function houseOf(houses: Map<string, HouseMatch>, row: ImportRow) {
  const match = houses.get(row.house);

  return match?.ok ? match : null;
}

const PREMISE_FIELDS = ['entrance', 'floor', 'areaTotal', 'areaLiving', 'cadastralNumber'] as const;

class Evaluation {
  readonly plan = emptyPlan();
  private readonly newPersons = new Set<string>();
  private readonly newOrganisations = new Set<string>();

  constructor(
    private readonly organisationId: string,
    private readonly world: World,
    private readonly report: Map<number, ReportRow>,
    private readonly houses: Map<string, HouseMatch>,
  ) {}

  private row(line: number): ReportRow {
    return this.report.get(line)!;
  }

  private problem(row: ImportRow, field: ImportColumn, code: ProblemCode, params = {}) {
    this.row(row.line).problems.push({ field, code, params });
  }

  premise(group: PremiseGroup) {
    const first = group.rows[0]!;
    const house = houseOf(this.houses, first)!.house;
    const stored = this.world.premises.get(group.key);
    const facts = group.facts;
    let premiseRef: { id: string } | { key: string };

    if (stored) {
      premiseRef = { id: stored.id };

      const changes: FieldChange[] = PREMISE_FIELDS.filter(
        (field) => facts[field] !== null && String(facts[field]) !== String(stored[field] ?? ''),
      ).map((field) => ({
        field,
        from: stored[field]?.toString() ?? null,
        to: String(facts[field]),
      }));

      if (changes.length > 0) {
        const values = Object.fromEntries(PREMISE_FIELDS.map((f) => [f, facts[f] ?? stored[f]]));

        this.plan.premiseUpdates.push({ id: stored.id, ...(values as PremiseValues) });
        this.row(first.line).actions.push('premise.update');
        this.row(first.line).changes.push(...changes);
      }
    } else if (facts.areaTotal === null) {
      this.problem(first, 'areaTotal', 'area_required');
      premiseRef = { key: group.key };
    } else {
      premiseRef = { key: group.key };
      this.plan.premises.push({
        key: group.key,
        houseId: house.id,
        kind: facts.kind,
        number: facts.number,
        entrance: facts.entrance,
        floor: facts.floor,
        areaTotal: facts.areaTotal,
        areaLiving: facts.areaLiving,
        cadastralNumber: facts.cadastralNumber,
      });
      this.row(first.line).actions.push('premise.create');
    }

    this.premiseSurroundings(group, house, stored?.id ?? null);

    for (const row of group.rows) {
      if (row.owner) {
        this.ownership(row, row.owner, house.id, premiseRef, stored?.id ?? null);
      }
    }
  }

  private premiseSurroundings(
    group: PremiseGroup,
    house: { id: string; floorsMax: number | null },
    storedId: string | null,
  ) {
    const first = group.rows[0]!;
    const { entrance, floor, cadastralNumber } = group.facts;

    if (entrance !== null && !this.world.entrances.has(`${house.id}|${entrance}`)) {
      this.world.entrances.add(`${house.id}|${entrance}`);
      this.plan.entrances.push({ houseId: house.id, number: entrance });
      this.row(first.line).actions.push('entrance.create');
    }

    if (floor !== null && house.floorsMax !== null && floor > house.floorsMax) {
      this.row(first.line).warnings.push({
        field: 'floor',
        code: 'floor_above_house',
        params: { floors: house.floorsMax },
      });
    }

    const holder = cadastralNumber ? this.world.cadastral.get(cadastralNumber) : undefined;

    if (holder && holder.id !== storedId) {
      for (const row of group.rows.filter((r) => r.premise.cadastralNumber === cadastralNumber)) {
        this.problem(row, 'cadastralNumber', 'cadastral_taken', {
          premise: `${holder.address}, ${holder.number}`,
        });
      }
    }
  }

  private ownership(
    row: ImportRow,
    owner: Owner,
    houseId: string,
    premise: { id: string } | { key: string },
    storedId: string | null,
  ) {
    const existing = storedId ? this.world.ownerships.get(storedId)?.get(owner.key) : undefined;
    const payer = existing
      ? ({
          kind: existing.personId ? 'person' : 'organisation',
          ref: { id: existing.personId ?? existing.organisationId! },
        } as OwnerRef)
      : this.ownerRef(row, owner, houseId);
    const right = row.right!;

    if (existing) {
      const stored = { numerator: existing.shareNumerator, denominator: existing.shareDenominator };

      if (!sharesEqual(stored, right.share)) {
        this.problem(row, 'share', 'ownership_share_differs', { stored: formatShare(stored) });
      }

      const changes = (
        [
          ['titleDocument', existing.titleDocument, right.titleDocument],
          ['rightNumber', existing.rightNumber, right.rightNumber],
          ['rightDate', existing.rightRegisteredOn, right.rightDate],
        ] as const
      )
        .filter(([, from, to]) => to !== null && from !== to)
        .map(([field, from, to]) => ({ field, from, to }));

      if (changes.length > 0) {
        this.plan.ownershipUpdates.push({
          id: existing.id,
          titleDocument: right.titleDocument ?? existing.titleDocument,
          rightNumber: right.rightNumber ?? existing.rightNumber,
          rightDate: right.rightDate ?? existing.rightRegisteredOn,
        });
        this.row(row.line).actions.push('ownership.update');
        this.row(row.line).changes.push(...changes);
      }
    } else {
      this.plan.ownerships.push({ premise, owner: payer, ...right });
      this.row(row.line).actions.push('ownership.create');
    }

    if (row.account) {
      matchAccount(
        { organisationId: this.organisationId, index: this.world.accounts, plan: this.plan },
        { row, report: this.row(row.line), premise, storedPremiseId: storedId, payer },
      );
    }
  }

  /** The person or organisation behind a new right: a known one, or one this import creates. */
  private ownerRef(row: ImportRow, owner: Owner, houseId: string): OwnerRef {
    if (owner.kind === 'person') {
      const known = this.world.housePersons.get(houseId)?.get(owner.key);
      const key = `${houseId}|${owner.key}`;

      if (known) {
        return { kind: 'person', ref: { id: known } };
      }

      if (!this.newPersons.has(key)) {
        this.newPersons.add(key);
        this.plan.persons.push({
          key,
          surname: owner.surname,
          name: owner.name,
          patronymic: owner.patronymic,
        });
        this.row(row.line).actions.push('owner.create');
      }

      return { kind: 'person', ref: { key } };
    }

    const known = this.world.organisations.get(owner.inn);

    if (known) {
      return { kind: 'organisation', ref: { id: known } };
    }

    if (!this.newOrganisations.has(owner.key)) {
      this.newOrganisations.add(owner.key);
      this.plan.organisations.push({
        key: owner.key,
        kind: owner.kind,
        name: owner.name,
        inn: owner.inn,
      });
      this.row(row.line).actions.push('owner.create');
    }

    return { kind: 'organisation', ref: { key: owner.key } };
  }
}
