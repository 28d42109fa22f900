import { checkCadastralNumber } from '../../../domain/identifiers/checksums.js';
import {
  groupExtractRows,
  type ExtractObject,
  type LocatedRow,
} from '../../../domain/registry-extract/extract-group.js';
import { parseExtractRow } from '../../../domain/registry-extract/extract-row.js';
import {
  EXTRACT_FIELDS,
  OBJECT_FIELDS,
  problemMessage,
  type LineProblem,
} from '../../../domain/registry-extract/problems.js';
import type { Locale } from '../../platform/errors.js';
import type { ReportedProblem, RowOutcome } from './registry-import.report.js';
import type { ExtractSource } from './registry-import.source.js';

/** Problems and rows listed in a report; the totals count them all. */
export const LISTED_MAX = 1000;

const OBJECT_FIELD_SET = new Set<string>(OBJECT_FIELDS);
const FIELD_ORDER = new Map<string, number>(
  [...EXTRACT_FIELDS, 'row'].map((field, index) => [field, index]),
);

export type CheckedRows = {
  objects: ExtractObject[];
  /** Sorted by line, then by the field's place in the layout. */
  problems: LineProblem[];
};

/** Parses every row and groups the good ones into objects. */
export function checkRows(source: ExtractSource, today: string): CheckedRows {
  const problems: LineProblem[] = [];
  const good: LocatedRow[] = [];

  for (const row of source.rows) {
    const result = parseExtractRow(row.raw, { today });
    const found = [...row.problems, ...(result.ok ? [] : result.problems)];

    for (const problem of found) {
      // In XML the object's fields are written once, on the `<object>` element.
      const line = OBJECT_FIELD_SET.has(problem.field) ? row.objectLine : row.line;

      problems.push({ ...problem, line });
    }

    if (result.ok && found.length === 0) {
      good.push({ line: row.line, objectLine: row.objectLine, row: result.row });
    }
  }

  const grouped = groupExtractRows(good);

  return { objects: grouped.objects, problems: dedupe([...problems, ...grouped.problems]) };
}

function dedupe(problems: LineProblem[]): LineProblem[] {
  const seen = new Set<string>();

  return problems
    .filter((problem) => {
      const key = `${problem.line}|${problem.field}|${problem.code}`;

      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort(
      (a, b) =>
        a.line - b.line || (FIELD_ORDER.get(a.field) ?? 99) - (FIELD_ORDER.get(b.field) ?? 99),
    );
}

export function describeProblems(problems: LineProblem[], locale: Locale) {
  const errors: ReportedProblem[] = problems.slice(0, LISTED_MAX).map((problem) => ({
    line: problem.line,
    field: problem.field,
    code: problem.code,
    message: problemMessage(problem)[locale],
  }));

  return {
    errors,
    errorsTotal: problems.length,
    rowsWithErrors: new Set(problems.map((problem) => problem.line)).size,
  };
}

type ObjectOutcome = 'created' | 'updated' | 'unchanged';

/**
 * What became of each row, so a report can account for every one: the outcome of its object, or
 * `refused` when a problem sits on its line or on its object's, or `valid` for a good row of a
 * file refused for other rows. Cadastral numbers are shown as written when they do not parse.
 */
export function rowOutcomes(
  source: ExtractSource,
  problems: LineProblem[],
  outcomes: Map<string, ObjectOutcome> | null,
): RowOutcome[] {
  const broken = new Set(problems.map((problem) => problem.line));

  return source.rows.slice(0, LISTED_MAX).map((row) => {
    const written = (row.raw.cadastral_number ?? '').trim();
    const check = checkCadastralNumber(written);
    const cadastralNumber = check.valid ? check.value : written.slice(0, 40);
    const refused = broken.has(row.line) || broken.has(row.objectLine);
    const outcome = refused ? 'refused' : (outcomes?.get(cadastralNumber) ?? 'valid');

    return { line: row.line, cadastralNumber, outcome };
  });
}
