import { describe, expect, it } from 'vitest';

import { checkSchedule, votingDays } from './schedule.js';

const electronic = { form: 'electronic' as const, noticeOn: '2026-03-01' };

describe('meeting dates', () => {
  it('should accept voting 10 days after the notice, 7 days long', () => {
    const plan = { ...electronic, votingStartsOn: '2026-03-11', votingEndsOn: '2026-03-17' };

    expect(votingDays(plan)).toBe(7);
    expect(checkSchedule(plan)).toEqual([]);
  });

  it('should refuse a notice 9 days before voting and name the earliest start', () => {
    expect(
      checkSchedule({ ...electronic, votingStartsOn: '2026-03-10', votingEndsOn: '2026-03-20' }),
    ).toEqual([{ code: 'notice_too_late', earliestStart: '2026-03-11', days: 10 }]);
  });

  it('should hold electronic voting between 7 and 60 days', () => {
    expect(
      checkSchedule({ ...electronic, votingStartsOn: '2026-03-11', votingEndsOn: '2026-03-16' }),
    ).toEqual([{ code: 'voting_too_short', days: 6, min: 7 }]);
    expect(
      checkSchedule({ ...electronic, votingStartsOn: '2026-03-11', votingEndsOn: '2026-05-09' }),
    ).toEqual([]);
    expect(
      checkSchedule({ ...electronic, votingStartsOn: '2026-03-11', votingEndsOn: '2026-05-10' }),
    ).toEqual([{ code: 'voting_too_long', days: 61, max: 60 }]);
  });

  it('should refuse impossible dates, reversed periods and a paper cut-off outside voting', () => {
    expect(
      checkSchedule({ ...electronic, votingStartsOn: '2026-02-30', votingEndsOn: '2026-03-20' }),
    ).toEqual([{ code: 'date_format', field: 'votingStartsOn' }]);
    expect(
      checkSchedule({ ...electronic, votingStartsOn: '2026-03-20', votingEndsOn: '2026-03-12' }),
    ).toEqual([{ code: 'voting_ends_before_start' }]);
    expect(
      checkSchedule({
        ...electronic,
        votingStartsOn: '2026-03-11',
        votingEndsOn: '2026-03-20',
        paperUntilOn: '2026-03-21',
      }),
    ).toEqual([{ code: 'paper_cutoff_outside_voting' }]);
  });

  it('should hold an in-person meeting on one day and not bound absentee voting to 60 days', () => {
    expect(
      checkSchedule({
        form: 'in_person',
        noticeOn: '2026-03-01',
        votingStartsOn: '2026-03-11',
        votingEndsOn: '2026-03-12',
      }),
    ).toEqual([{ code: 'in_person_one_day' }]);
    expect(
      checkSchedule({
        form: 'absentee',
        noticeOn: '2026-03-01',
        votingStartsOn: '2026-03-11',
        votingEndsOn: '2026-06-11',
      }),
    ).toEqual([]);
  });
});
