import { describe, expect, it } from 'vitest';

import { parseCalendarDate, parsePortalTimestamp } from './dates.js';

const ZONE = 'Asia/Yekaterinburg';

describe('parsePortalTimestamp', () => {
  it('should read the portal form as Yekaterinburg wall-clock time', () => {
    expect(parsePortalTimestamp('09.04.2016 в 06:24', ZONE)).toEqual({
      value: '2016-04-09T01:24:00.000Z',
    });
    expect(parsePortalTimestamp('09.04.2016 06:24', ZONE)).toEqual({
      value: '2016-04-09T01:24:00.000Z',
    });
    expect(parsePortalTimestamp('09.04.2016', ZONE)).toEqual({ value: '2016-04-08T19:00:00.000Z' });
  });

  it('should apply the offset the zone had then (UTC+6 before October 2014)', () => {
    expect(parsePortalTimestamp('09.04.2013 в 06:24', ZONE).value).toBe('2013-04-09T00:24:00.000Z');
    expect(parsePortalTimestamp('09.04.2016 в 06:24', 'Europe/Moscow').value).toBe(
      '2016-04-09T03:24:00.000Z',
    );
  });

  it('should refuse impossible dates and times', () => {
    expect(parsePortalTimestamp('31.02.2016 в 06:24', ZONE)).toEqual({
      value: null,
      issue: 'invalid',
    });
    expect(parsePortalTimestamp('09.04.2016 в 25:00', ZONE)).toEqual({
      value: null,
      issue: 'invalid',
    });
    expect(parsePortalTimestamp('вчера', ZONE)).toEqual({ value: null, issue: 'invalid' });
    expect(parsePortalTimestamp('Не заполнено', ZONE)).toEqual({ value: null });
  });
});

describe('parseCalendarDate', () => {
  const range = { minYear: 1900, maxYear: 2031 };

  it('should give ISO dates', () => {
    expect(parseCalendarDate('01.06.2006', range)).toEqual({ value: '2006-06-01' });
    expect(parseCalendarDate('2006-06-01', range)).toEqual({ value: '2006-06-01' });
    expect(parseCalendarDate('29.02.2016', range)).toEqual({ value: '2016-02-29' });
  });

  it('should refuse typos such as year 0215 and impossible days', () => {
    expect(parseCalendarDate('08.07.0215', range)).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseCalendarDate('29.02.2015', range)).toEqual({ value: null, issue: 'invalid' });
    expect(parseCalendarDate('1.6.2006', range)).toEqual({ value: null, issue: 'invalid' });
    expect(parseCalendarDate('Не заполнено', range)).toEqual({ value: null });
  });
});
