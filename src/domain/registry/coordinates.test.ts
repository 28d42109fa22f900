import { describe, expect, it } from 'vitest';

import { parseCoordinates } from './coordinates.js';

describe('parseCoordinates', () => {
  it('should read a point', () => {
    expect(parseCoordinates('56.763519', '60.915137')).toEqual({
      value: { latitude: 56.763519, longitude: 60.915137 },
    });
  });

  it('should drop 0/0 and absent coordinates without complaint', () => {
    expect(parseCoordinates('0', '0')).toEqual({ value: null });
    expect(parseCoordinates('', '')).toEqual({ value: null });
  });

  it('should drop the geocoder fallback in the centre of Moscow', () => {
    expect(parseCoordinates('55.76', ' 37.64')).toEqual({ value: null, issue: 'placeholder' });
  });

  it('should flag half-present, out-of-range and garbled coordinates', () => {
    expect(parseCoordinates('56.7', '')).toEqual({ value: null, issue: 'incomplete' });
    expect(parseCoordinates('96.7', '60.1')).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseCoordinates('56.7', '-181')).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseCoordinates('56°45′', '60.1')).toEqual({ value: null, issue: 'invalid' });
  });
});
