/**
 * Dates of a meeting (ст. 45 ч. 4, ст. 47.1 ЖК РФ): the notice goes out at least 10 days before
 * the meeting (for a vote by ballots or through the platform, before voting starts); electronic
 * voting runs without a break for 7 to 60 days; paper ballots reach the administrator before the
 * cut-off, which is inside the voting period. Days are calendar days in the house's time zone.
 * The numbers are data: the defaults come from domain-rules §1 and may be configured.
 */

export type MeetingForm = 'in_person' | 'absentee' | 'mixed' | 'electronic';

export const MEETING_FORMS: readonly MeetingForm[] = [
  'in_person',
  'absentee',
  'mixed',
  'electronic',
];

export type SchedulePolicy = {
  noticeDays: number;
  electronicMinDays: number;
  electronicMaxDays: number;
};

export const DEFAULT_SCHEDULE_POLICY: SchedulePolicy = {
  noticeDays: 10,
  electronicMinDays: 7,
  electronicMaxDays: 60,
};

export type Schedule = {
  form: MeetingForm;
  /** The day the notice is posted and sent (today, when the platform sends it). */
  noticeOn: string;
  /** First and last day of voting, inclusive; for an in-person meeting both are its day. */
  votingStartsOn: string;
  votingEndsOn: string;
  /** Last day paper ballots are accepted; the last day of voting when not given. */
  paperUntilOn?: string | null;
};

export type ScheduleProblem =
  | { code: 'date_format'; field: string }
  | { code: 'notice_too_late'; earliestStart: string; days: number }
  | { code: 'voting_ends_before_start' }
  | { code: 'voting_too_short'; days: number; min: number }
  | { code: 'voting_too_long'; days: number; max: number }
  | { code: 'in_person_one_day' }
  | { code: 'paper_cutoff_outside_voting' };

const DAY_MS = 86_400_000;

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }

  const parsed = new Date(`${text}T00:00:00Z`);

  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days of voting counted inclusively: 1 → 7 is seven days. */
export function votingDays(schedule: Pick<Schedule, 'votingStartsOn' | 'votingEndsOn'>): number {
  return daysBetween(schedule.votingStartsOn, schedule.votingEndsOn) + 1;
}

/** Every problem with the dates, empty when the meeting may be announced as planned. */
export function checkSchedule(
  schedule: Schedule,
  policy: SchedulePolicy = DEFAULT_SCHEDULE_POLICY,
): ScheduleProblem[] {
  const fields = ['noticeOn', 'votingStartsOn', 'votingEndsOn'] as const;
  const broken = fields.filter((field) => !isDate(schedule[field]));

  if (schedule.paperUntilOn && !isDate(schedule.paperUntilOn)) {
    broken.push('paperUntilOn' as never);
  }

  if (broken.length > 0) {
    return broken.map((field) => ({ code: 'date_format', field }));
  }

  const problems: ScheduleProblem[] = [];
  const earliestStart = addDays(schedule.noticeOn, policy.noticeDays);

  if (schedule.votingStartsOn < earliestStart) {
    problems.push({ code: 'notice_too_late', earliestStart, days: policy.noticeDays });
  }

  if (schedule.votingEndsOn < schedule.votingStartsOn) {
    problems.push({ code: 'voting_ends_before_start' });

    return problems;
  }

  const days = votingDays(schedule);

  if (schedule.form === 'in_person' && days !== 1) {
    problems.push({ code: 'in_person_one_day' });
  }

  if (schedule.form === 'electronic' && days < policy.electronicMinDays) {
    problems.push({ code: 'voting_too_short', days, min: policy.electronicMinDays });
  }

  if (schedule.form === 'electronic' && days > policy.electronicMaxDays) {
    problems.push({ code: 'voting_too_long', days, max: policy.electronicMaxDays });
  }

  const paper = schedule.paperUntilOn;

  if (paper && (paper < schedule.votingStartsOn || paper > schedule.votingEndsOn)) {
    problems.push({ code: 'paper_cutoff_outside_voting' });
  }

  return problems;
}
