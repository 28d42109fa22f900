import { randomUUID } from 'node:crypto';

import { formatDecimal, toScaled, type Scaled } from '../../../domain/meters/decimal.js';
import { parseImportRow, readReadingHeader } from '../../../domain/meters/import-row.js';
import { addMonths, monthsBetween } from '../../../domain/meters/plausibility.js';
import { periodOf } from '../../../domain/meters/periods.js';
import { evaluateReading } from '../../../domain/meters/reading-rules.js';
import { attributeReading } from '../../../domain/meters/window.js';
import { zonesOf } from '../../../domain/meters/zones.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError, ERROR_CODES, type ErrorCode, type Locale } from '../../platform/errors.js';
import type { NewReading } from './readings.repo.js';
import {
  findImportMeters,
  findLastTwo,
  findLocks,
  findYearSpans,
  insertImport,
  insertReadingBatch,
  type ImportMeter,
} from './readings-import.repo.js';
import type { StoredSettings } from './settings.repo.js';

export type ImportLine = { line: number; cells: string[] } | { line: number; error: string };

export type ImportProblem = {
  line: number;
  severity: 'refused' | 'flagged';
  code: string;
  message: string;
};

type ZoneState = {
  last: { period: string; value: Scaled; kind: string } | null;
  prev: { period: string; value: Scaled } | null;
  filePeriod: string | null;
  average: Scaled | null;
};

const BATCH = 5_000;
const MAX_PROBLEMS = 1_000;

/**
 * Imports readings row by row against each meter's own history, held in memory, and stores the
 * good rows in large batches: a bad row is reported with its line and reason and never stops
 * the file. Decreases are flagged or refused by the organisation's setting (case C10 3).
 */
export async function runReadingsImport(
  tx: Queryable,
  input: {
    organisationId: string;
    settings: StoredSettings;
    lines: AsyncIterable<ImportLine> | Iterable<ImportLine>;
    fileName: string | null;
    personId: string | null;
    locale: Locale;
  },
) {
  const meters = await findImportMeters(tx, input.organisationId);
  const bySerial = new Map<string, ImportMeter>(meters.map((m) => [m.serialNumber, m]));
  const states = await loadStates(tx, meters);
  // The latest period taken into billing per house: it and every period before it are frozen.
  const locks = new Map<string, string>();

  for (const lock of await findLocks(tx, [...new Set(meters.map((m) => m.houseId))])) {
    if (lock.period > (locks.get(lock.houseId) ?? '')) {
      locks.set(lock.houseId, lock.period);
    }
  }

  const importId = randomUUID();
  const problems: ImportProblem[] = [];
  const counts = { total: 0, imported: 0, flagged: 0, refused: 0 };
  let positions: ReturnType<typeof readReadingHeader> | null = null;
  let batch: NewReading[] = [];

  const report = (line: number, severity: ImportProblem['severity'], code: string) => {
    counts[severity === 'refused' ? 'refused' : 'flagged'] += 1;

    if (problems.length < MAX_PROBLEMS) {
      const spec = ERROR_CODES[code as ErrorCode];

      problems.push({ line, severity, code, message: spec ? spec[input.locale] : code });
    }
  };

  for await (const source of input.lines) {
    if (positions === null) {
      positions = headerOf(source);
      continue;
    }

    if ('cells' in source && source.cells.every((c) => c.trim() === '')) {
      continue;
    }

    counts.total += 1;

    const result = judgeLine(source, positions.positions, {
      bySerial,
      states,
      locks,
      settings: input.settings,
    });

    if (!result.ok) {
      report(source.line, 'refused', result.code);
      continue;
    }

    if (result.flag) {
      report(source.line, 'flagged', result.flag);
    }

    counts.imported += 1;
    batch.push({ ...result.reading, importId, submittedByPersonId: input.personId });

    if (batch.length >= BATCH) {
      await insertReadingBatch(tx, batch);
      batch = [];
    }
  }

  if (positions === null) {
    throw new AppError('import_file_invalid', {
      detail: { ru: 'В файле нет строки заголовка', en: 'The file has no header row' },
    });
  }

  await insertReadingBatch(tx, batch);
  await insertImport(tx, {
    id: importId,
    organisationId: input.organisationId,
    fileName: input.fileName,
    personId: input.personId,
    total: counts.total,
    imported: counts.imported,
    flagged: counts.flagged,
    refused: counts.refused,
    problems,
  });

  return {
    id: importId,
    rowsTotal: counts.total,
    rowsImported: counts.imported,
    rowsFlagged: counts.flagged,
    rowsRefused: counts.refused,
    problems,
    problemsTruncated: counts.flagged + counts.refused > problems.length,
  };
}

function headerOf(source: ImportLine): {
  ok: true;
  positions: Record<'serial' | 'zone' | 'value' | 'takenOn', number>;
} {
  const header =
    'cells' in source ? readReadingHeader(source.cells) : { ok: false as const, missing: [] };

  if (!header.ok) {
    throw new AppError('import_file_invalid', {
      detail: {
        ru: 'В заголовке нет нужных столбцов: «Заводской номер», «Показание», «Дата» (и «Зона» для многотарифных)',
        en: 'The header lacks the needed columns: "Serial number", "Value", "Date" (and "Zone" for multi-tariff)',
      },
      extra: { missingColumns: header.missing },
    });
  }

  return header;
}

type Judged =
  | { ok: true; reading: Omit<NewReading, 'importId' | 'submittedByPersonId'>; flag: string | null }
  | { ok: false; code: string };

function judgeLine(
  source: ImportLine,
  positions: Record<'serial' | 'zone' | 'value' | 'takenOn', number>,
  world: {
    bySerial: Map<string, ImportMeter>;
    states: Map<string, ZoneState>;
    locks: Map<string, string>;
    settings: StoredSettings;
  },
): Judged {
  if (!('cells' in source)) {
    return { ok: false, code: 'import_row_unreadable' };
  }

  const row = parseImportRow(source.cells, positions);

  if (!row.ok) {
    return row;
  }

  const meter = world.bySerial.get(row.serial);

  if (!meter) {
    return { ok: false, code: 'import_meter_unknown' };
  }

  if (!zonesOf(meter.zones).includes(row.zone)) {
    return { ok: false, code: 'import_zone_not_on_meter' };
  }

  const takenOn = row.takenOn ?? meter.today;
  const attribution = attributeReading(takenOn, world.settings);

  if (!attribution.ok) {
    return { ok: false, code: attribution.code };
  }

  const key = `${meter.id}|${row.zone}`;
  const state = world.states.get(key) ?? {
    last: null,
    prev: null,
    filePeriod: null,
    average: null,
  };
  let period = attribution.period;

  while ((world.locks.get(meter.houseId) ?? '') >= period) {
    if (state.last?.period === period && state.last.kind === 'regular') {
      return { ok: false, code: 'reading_period_locked' };
    }

    period = addMonths(period, 1);
  }

  if (state.last && state.last.period > period) {
    return { ok: false, code: 'reading_older_than_last' };
  }

  const edit = state.last?.period === period && state.last.kind === 'regular';
  const previous = edit ? state.prev : state.last;
  const outcome = evaluateReading({
    value: row.value,
    typedFractionDigits: row.fractionDigits,
    takenOn,
    today: meter.today,
    meter,
    previous: previous?.value ?? null,
    next: null,
    average: state.average,
    months: previous ? Math.max(1, monthsBetween(previous.period, period)) : 1,
    jumpFactor: world.settings.jumpFactor,
    confirm: { rollover: false, jump: false },
    mode: 'import',
    decreasePolicy: world.settings.decreasePolicy,
  });

  if (!outcome.ok) {
    return { ok: false, code: outcome.code };
  }

  // Judged first, so a wrong value is reported as such; then a second row of one period is a
  // duplicate whatever its value.
  if (state.filePeriod === period) {
    return { ok: false, code: 'import_duplicate_row' };
  }

  state.filePeriod = period;

  // A flagged decrease is kept for the record but is no base for the next row.
  if (outcome.notBillableReason !== 'lower_than_previous') {
    state.prev = previous ? { period: previous.period, value: previous.value } : null;
    state.last = { period, value: row.value, kind: 'regular' };
  }

  world.states.set(key, state);

  return {
    ok: true,
    flag: outcome.flag ?? outcome.warnings[0] ?? null,
    reading: {
      meterId: meter.id,
      zone: row.zone,
      period,
      kind: 'regular',
      value: formatDecimal(row.value, meter.fractionDigits),
      takenOn,
      source: 'import',
      flag: outcome.flag,
      confirmed: null,
      billable: outcome.billable,
      notBillableReason: outcome.notBillableReason,
      photoFileId: null,
    },
  };
}

async function loadStates(tx: Queryable, meters: ImportMeter[]): Promise<Map<string, ZoneState>> {
  const ids = meters.map((m) => m.id);
  const states = new Map<string, ZoneState>();

  if (ids.length === 0) {
    return states;
  }

  const now = periodOf(meters[0]!.today);
  const [lastTwo, spans] = await Promise.all([
    findLastTwo(tx, ids),
    findYearSpans(tx, ids, addMonths(now, -13)),
  ]);

  for (const r of lastTwo) {
    const key = `${r.meterId}|${r.zone}`;
    const state = states.get(key) ?? { last: null, prev: null, filePeriod: null, average: null };

    if (r.rn === 1) {
      state.last = { period: r.period, value: toScaled(r.value), kind: r.kind };
    } else {
      state.prev = { period: r.period, value: toScaled(r.value) };
    }

    states.set(key, state);
  }

  for (const s of spans) {
    const state = states.get(`${s.meterId}|${s.zone}`);
    const months = monthsBetween(s.first, s.last);

    if (state && months >= 3) {
      state.average = (toScaled(s.maxValue) - toScaled(s.minValue)) / BigInt(months);
    }
  }

  return states;
}
