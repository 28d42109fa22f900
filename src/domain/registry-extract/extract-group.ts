import type { ExtractObjectFacts, ExtractRight, ExtractRow } from './extract-row.js';
import type { ExtractField, LineProblem } from './problems.js';

/** A row that parsed, with where it came from. */
export type LocatedRow = {
  line: number;
  /** Where the object's own fields were written: the same line in CSV, the object's in XML. */
  objectLine: number;
  row: ExtractRow;
};

/** One object of an extract with all its rights, as the registry states it now. */
export type ExtractObject = ExtractObjectFacts & {
  /** The line of the object's first row. */
  line: number;
  lines: number[];
  rights: (ExtractRight & { line: number })[];
};

// Sums of many shares with different denominators outgrow a safe integer: kept in bigint.
type Total = { numerator: bigint; denominator: bigint };

function addTo(total: Total | undefined, share: ExtractRight['share']): Total {
  const a = total ?? { numerator: 0n, denominator: 1n };
  const numerator =
    a.numerator * BigInt(share.denominator) + BigInt(share.numerator) * a.denominator;
  const denominator = a.denominator * BigInt(share.denominator);
  let [x, y] = [numerator, denominator];

  while (y !== 0n) {
    [x, y] = [y, x % y];
  }

  return { numerator: numerator / x, denominator: denominator / x };
}

const FACT_FIELDS: [keyof ExtractObjectFacts, ExtractField][] = [
  ['address', 'address'],
  ['premiseNumber', 'premise_number'],
  ['kind', 'kind'],
  ['areaCenti', 'area'],
  ['extractedOn', 'extracted_on'],
];

/**
 * Gathers rows into objects by cadastral number and checks what only a whole object shows: rows
 * of one object that disagree on its address, kind or area, the same right listed twice, and
 * shares that add up to more than one. Shares below one are fine: not every right is registered.
 */
export function groupExtractRows(rows: LocatedRow[]): {
  objects: ExtractObject[];
  problems: LineProblem[];
} {
  const objects = new Map<string, ExtractObject>();
  const totals = new Map<string, Total>();
  const owners = new Map<string, number>();
  const problems: LineProblem[] = [];

  for (const { line, objectLine, row } of rows) {
    const facts = row.object;
    let object = objects.get(facts.cadastralNumber);

    if (!object) {
      object = { ...facts, line: objectLine, lines: [], rights: [] };
      objects.set(facts.cadastralNumber, object);
    } else if (objectLine !== object.line) {
      for (const [key, field] of FACT_FIELDS) {
        if (facts[key] !== object[key]) {
          problems.push({ line: objectLine, field, code: 'conflict', firstLine: object.line });
        }
      }
    }

    object.lines.push(line);

    if (!row.right) {
      continue;
    }

    const right = row.right;
    // One person may hold two rights on an object (a share bought, another inherited), each
    // under its own registration; the same owner under the same registration is a repeated row.
    const ownerKey = [
      facts.cadastralNumber,
      right.ownerKind,
      right.ownerNameKey,
      right.ownerInn ?? '',
      right.registrationNumber,
    ].join('|');
    const firstLine = owners.get(ownerKey);

    if (firstLine !== undefined) {
      problems.push({ line, field: 'owner_name', code: 'duplicate_owner', firstLine });
      continue;
    }

    owners.set(ownerKey, line);

    const total = addTo(totals.get(facts.cadastralNumber), right.share);

    if (total.numerator > total.denominator) {
      problems.push({ line, field: 'share', code: 'shares_above_one' });
      continue;
    }

    totals.set(facts.cadastralNumber, total);
    object.rights.push({ ...right, line });
  }

  return { objects: [...objects.values()], problems };
}
