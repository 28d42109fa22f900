import { describe, expect, it } from 'vitest';

import { formatArea, formatCoordinate, formatDate, formatDay, formatInteger } from './format.js';

// Russian groups digits with a no-break space and uses a decimal comma.
const NBSP = '\u00a0';

describe('formatArea', () => {
  it('writes areas the Russian way in Russian', () => {
    expect(formatArea('12345.50', 'ru')).toBe(`12${NBSP}345,50`);
  });

  it('writes areas the English way in English', () => {
    expect(formatArea('12345.50', 'en')).toBe('12,345.50');
  });

  it('keeps two decimals even for whole numbers', () => {
    expect(formatArea('80', 'ru')).toBe('80,00');
  });

  it('shows an unreadable value as it came rather than NaN', () => {
    expect(formatArea('abc', 'en')).toBe('abc');
  });
});

describe('other formats', () => {
  it('groups integers by language', () => {
    expect(formatInteger(10537, 'ru')).toBe(`10${NBSP}537`);
    expect(formatInteger(10537, 'en')).toBe('10,537');
  });

  it('gives coordinates six decimals', () => {
    expect(formatCoordinate(56.83229, 'en')).toBe('56.832290');
    expect(formatCoordinate(60.579355, 'ru')).toBe('60,579355');
  });

  it('writes dates in words and leaves a broken one alone', () => {
    expect(formatDate('2016-05-09T16:14:00Z', 'en')).toBe('9 May 2016');
    expect(formatDate('2016-05-09T16:14:00Z', 'ru')).toBe('9 мая 2016 г.');
    expect(formatDate('not a date', 'ru')).toBe('not a date');
  });
});

describe('formatDay', () => {
  it('prints a calendar day without shifting it by a time zone', () => {
    expect(formatDay('2007-12-21', 'ru')).toBe('21 декабря 2007 г.');
    expect(formatDay('2007-01-01', 'en')).toBe('1 January 2007');
  });

  it('leaves anything else as it came', () => {
    expect(formatDay('21.12.2007', 'ru')).toBe('21.12.2007');
  });
});

describe('formatDate in a zone', () => {
  it('uses the house’s zone, where the day may already be the next one', () => {
    expect(formatDate('2016-05-09T21:14:00Z', 'en', 'Asia/Yekaterinburg')).toBe('10 May 2016');
    expect(formatDate('2016-05-09T21:14:00Z', 'en', 'Not/AZone')).toMatch(/May 2016/);
  });
});
