import {
  addCalendarDays,
  addWorkingDays,
  RU_CALENDAR,
  type ProductionCalendar,
} from '../calendar/production-calendar.js';
import {
  endOfLocalDay,
  localDateOf,
  localMinutesOf,
  zonedInstant,
} from '../calendar/zoned-time.js';
import type { Blockage, Priority, RequestKind, RequesterStatus } from './categories.js';

/**
 * Regulated deadlines of a request (domain-rules §5): the emergency dispatch terms of ПП 416
 * п. 13, the 10-working-day written term and its 30-day variant for non-owners, the next working
 * day for basic information and ПП 354's 10 days for a meter check. Each deadline carries the id
 * of the rule that produced it, stored with the request, so a later change of rules never
 * rewrites history.
 */

export const DEADLINE_KINDS = ['response', 'localisation', 'resolution'] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_RULES = {
  pp416_callback_10min: { ru: 'ПП 416 п. 13: ответ или обратный звонок — 10 минут', minutes: 10 },
  pp416_localise_30min: { ru: 'ПП 416 п. 13: локализация аварии — 30 минут', minutes: 30 },
  pp416_repair_3days: { ru: 'ПП 416 п. 13: устранение повреждения — не более 3 суток' },
  pp416_sewer_blockage_2h: { ru: 'ПП 416 п. 13: засор канализации — 2 часа', minutes: 120 },
  pp416_chute_blockage_2h: {
    ru: 'ПП 416 п. 13: засор мусоропровода — 2 часа с 8:00 до 23:00',
    minutes: 120,
  },
  pp416_written_10_working_days: { ru: 'ПП 416: письменный ответ — 10 рабочих дней' },
  pp416_non_owner_30_days: { ru: 'ПП 416: ответ не собственнику — 30 дней' },
  pp416_basic_info_next_working_day: {
    ru: 'ПП 416: сведения об организации — следующий рабочий день',
  },
  pp354_meter_check_10_days: { ru: 'ПП 354 п. 31 «е(2)»: проверка прибора учёта — 10 дней' },
  org_term: { ru: 'Срок, установленный организацией' },
} as const;

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

export type Deadline = { kind: DeadlineKind; dueAt: Date; ruleId: DeadlineRuleId };

/** An organisation's own repair term (ISO 8601, `P5D` or `PT48H`), never above 45 days. */
export type TermOverride = { days: number } | { hours: number };

export type DeadlineInput = {
  receivedAt: Date;
  /** The house's IANA zone: a term "ending on a date" ends at local midnight there. */
  timeZone: string;
  kind: RequestKind;
  priority: Priority;
  blockage: Blockage | null;
  requester: RequesterStatus;
  /** The organisation's repair term for ordinary requests, already validated. */
  repairTerm?: TermOverride | null;
  calendar?: ProductionCalendar;
};

const MINUTE = 60_000;
const CHUTE_OPENS = 8 * 60;
const CHUTE_CLOSES = 23 * 60;

export const MAX_TERM_DAYS = 45;

/** Every deadline of a request, in the order they run out. */
export function computeDeadlines(input: DeadlineInput): Deadline[] {
  const { receivedAt, timeZone } = input;
  const calendar = input.calendar ?? RU_CALENDAR;
  const after = (minutes: number) => new Date(receivedAt.getTime() + minutes * MINUTE);
  const callback: Deadline = {
    kind: 'response',
    dueAt: after(10),
    ruleId: 'pp416_callback_10min',
  };

  if (input.priority === 'emergency') {
    return [
      callback,
      { kind: 'localisation', dueAt: after(30), ruleId: 'pp416_localise_30min' },
      { kind: 'resolution', dueAt: after(3 * 24 * 60), ruleId: 'pp416_repair_3days' },
    ];
  }

  if (input.blockage === 'sewer') {
    return [callback, { kind: 'resolution', dueAt: after(120), ruleId: 'pp416_sewer_blockage_2h' }];
  }

  if (input.blockage === 'garbage_chute') {
    return [
      callback,
      {
        kind: 'resolution',
        dueAt: withinDailyWindow(receivedAt, 120, timeZone),
        ruleId: 'pp416_chute_blockage_2h',
      },
    ];
  }

  const receivedOn = localDateOf(receivedAt, timeZone);
  const endOf = (date: string) => endOfLocalDay(date, timeZone);
  const reply = writtenTerm(input, receivedOn, calendar, endOf);
  const resolution =
    input.repairTerm && input.kind === 'repair'
      ? {
          kind: 'resolution' as const,
          dueAt: overrideDue(input, receivedOn, endOf),
          ruleId: 'org_term' as const,
        }
      : { ...reply, kind: 'resolution' as const };

  return [reply, resolution];
}

function writtenTerm(
  input: DeadlineInput,
  receivedOn: string,
  calendar: ProductionCalendar,
  endOf: (date: string) => Date,
): Deadline {
  if (input.kind === 'information') {
    return {
      kind: 'response',
      dueAt: endOf(addWorkingDays(receivedOn, 1, calendar)),
      ruleId: 'pp416_basic_info_next_working_day',
    };
  }

  if (input.kind === 'meter_check') {
    return {
      kind: 'response',
      dueAt: endOf(addCalendarDays(receivedOn, 10)),
      ruleId: 'pp354_meter_check_10_days',
    };
  }

  if (input.requester === 'other') {
    return {
      kind: 'response',
      dueAt: endOf(addCalendarDays(receivedOn, 30)),
      ruleId: 'pp416_non_owner_30_days',
    };
  }

  return {
    kind: 'response',
    dueAt: endOf(addWorkingDays(receivedOn, 10, calendar)),
    ruleId: 'pp416_written_10_working_days',
  };
}

function overrideDue(input: DeadlineInput, receivedOn: string, endOf: (d: string) => Date) {
  const term = input.repairTerm!;

  if ('hours' in term) {
    return new Date(input.receivedAt.getTime() + term.hours * 60 * MINUTE);
  }

  return endOf(addCalendarDays(receivedOn, term.days));
}

/**
 * `minutes` of work counted only inside 08:00–23:00 local time: a garbage chute reported at
 * 22:30 has 30 minutes that evening and 90 more from 08:00 next morning.
 */
export function withinDailyWindow(start: Date, minutes: number, timeZone: string): Date {
  let date = localDateOf(start, timeZone);
  let at = Math.max(localMinutesOf(start, timeZone), CHUTE_OPENS);
  let left = minutes;

  if (localMinutesOf(start, timeZone) >= CHUTE_CLOSES) {
    date = addCalendarDays(date, 1);
    at = CHUTE_OPENS;
  }

  for (;;) {
    const room = CHUTE_CLOSES - at;

    if (left <= room) {
      return zonedInstant(date, at + left, timeZone);
    }

    left -= room;
    date = addCalendarDays(date, 1);
    at = CHUTE_OPENS;
  }
}

/**
 * Reads an organisation's repair term, an ISO 8601 duration of whole days or hours (`P5D`,
 * `PT48H`). Longer than 45 days is refused: a term set in settings cannot quietly exceed what
 * the rules allow for a written request (case C21: `P60D` is rejected).
 */
export function parseTermOverride(
  text: string,
): { ok: true; term: TermOverride } | { ok: false; reason: 'malformed' | 'too_long' | 'zero' } {
  const days = /^P(\d{1,4})D$/.exec(text);
  const hours = /^PT(\d{1,5})H$/.exec(text);

  if (!days && !hours) {
    return { ok: false, reason: 'malformed' };
  }

  const value = Number((days ?? hours)![1]);
  const inDays = days ? value : value / 24;

  if (value === 0) {
    return { ok: false, reason: 'zero' };
  }

  if (inDays > MAX_TERM_DAYS) {
    return { ok: false, reason: 'too_long' };
  }

  return { ok: true, term: days ? { days: value } : { hours: value } };
}

/**
 * When to remind the organisation of a deadline: a fifth of the term before it, at least five
 * minutes and at most a day, so a 30-minute localisation is reminded 6 minutes ahead and a
 * ten-day answer one day ahead. Null when that moment has passed already.
 */
export function reminderAt(deadline: { dueAt: Date }, receivedAt: Date, now: Date): Date | null {
  const term = deadline.dueAt.getTime() - receivedAt.getTime();
  const lead = Math.min(24 * 60 * MINUTE, Math.max(5 * MINUTE, term / 5));
  const at = new Date(deadline.dueAt.getTime() - lead);

  return at.getTime() > now.getTime() ? at : null;
}

/** Remaining time of a deadline: negative once overdue. */
export function remainingMs(dueAt: Date, now: Date): number {
  return dueAt.getTime() - now.getTime();
}
