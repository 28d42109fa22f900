import { describe, expect, it } from 'vitest';

import { csvCell, toCsv } from './csv-out.js';

describe('CSV written for spreadsheets', () => {
  it('should neutralise every value a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell('+7 900 000-00-00')).toBe("'+7 900 000-00-00");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('＝1')).toBe("'＝1");
  });

  it('should leave ordinary values and numbers alone', () => {
    expect(csvCell('Иванов')).toBe('Иванов');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });

  it('should quote delimiters, quotes and line breaks', () => {
    expect(csvCell('ООО "Ромашка"; филиал')).toBe('"ООО ""Ромашка""; филиал"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
  });

  it('should write a document Excel opens as UTF-8', () => {
    expect(
      toCsv([
        ['Дом', 'Номер'],
        ['Малышева 15', '=1'],
      ]),
    ).toBe("\uFEFFДом;Номер\r\nМалышева 15;'=1\r\n");
  });
});
