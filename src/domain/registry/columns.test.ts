import { describe, expect, it } from 'vitest';

import { normaliseColumnName, readRegistryHeader } from './columns.js';

describe('readRegistryHeader', () => {
  it('should find columns by name in any order and keep unknown ones as extras', () => {
    const header = readRegistryHeader(['ADDRESS', 'FIAS_GUID', 'HOUSE_ID', 'LAT', 'METERS_COLD']);

    expect(header.positions).toEqual({ ADDRESS: 0, HOUSE_ID: 2, LAT: 3 });
    expect(header.extras).toEqual([
      { name: 'FIAS_GUID', position: 1 },
      { name: 'METERS_COLD', position: 4 },
    ]);
    expect(header.missingRequired).toEqual([]);
    expect(header.width).toBe(5);
  });

  it('should name the required columns a header lacks', () => {
    expect(readRegistryHeader(['LAT', 'LON', 'YEAR']).missingRequired).toEqual([
      'HOUSE_ID',
      'ADDRESS',
    ]);
  });

  it('should read the first of two same-named columns and report the second', () => {
    const header = readRegistryHeader(['HOUSE_ID', 'ADDRESS', 'house_id']);

    expect(header.positions.HOUSE_ID).toBe(0);
    expect(header.duplicates).toEqual(['HOUSE_ID']);
  });

  it('should fold case, spaces, quotes and a BOM in names', () => {
    expect(normaliseColumnName('\uFEFFhouse id')).toBe('HOUSE_ID');
    expect(normaliseColumnName(' "Address" ')).toBe('ADDRESS');
    expect(readRegistryHeader(['', 'HOUSE_ID', 'ADDRESS']).extras).toEqual([
      { name: 'COLUMN_1', position: 0 },
    ]);
  });
});
