import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { decodeRegistry, lineIdentities } from './registry-file.js';
import { nextRegistryFileName, parseRegistryFileName } from './registry-file-name.js';
import { lineContent, parseRegistryText, singleAccountIn } from './registry-lines.js';

const C16 = [
  '#SERVICE 40702810000000000001',
  '#FILESUM 2500.00',
  '01.03.2025;12:10;001234567;8606;5;1500,00;0;Иванов И.И.',
  '8606;0001;x;x;1000.00;15.00;CLIENTNO: 001234568;12/03/2025;method_pay: card;CLIENTDOCNO: 77;CounterVal_1: 245,3;CounterVal_2:101.5',
  '',
].join('\r\n');

describe('bank payment registries (C15, C16)', () => {
  it('should decode windows-1251 with its CRLF and keep Cyrillic intact', () => {
    const decoded = decodeRegistry(iconv.encode(C16, 'win1251'));

    expect(decoded.ok && decoded.encoding).toBe('cp1251');
    expect(decoded.ok && decoded.crlf).toBe(true);
    expect(decoded.ok && decoded.text).toContain('Иванов И.И.');
  });

  it('should tell UTF-8 (with or without BOM), windows-1251 and KOI8-R apart by the bytes', () => {
    const text = 'Оплата за квартиру, Петров Пётр Петрович';

    expect(decodeRegistry(Buffer.from(`\ufeff${text}`, 'utf8'))).toMatchObject({
      ok: true,
      encoding: 'utf8',
      text,
    });
    expect(decodeRegistry(iconv.encode(text, 'koi8-r'))).toMatchObject({
      ok: true,
      encoding: 'koi8r',
      text,
    });
    expect(decodeRegistry(iconv.encode(text, 'win1251'))).toMatchObject({
      ok: true,
      encoding: 'cp1251',
      text,
    });
    expect(decodeRegistry(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({
      ok: false,
      code: 'binary',
    });
    expect(decodeRegistry(Buffer.from('\r\n  \r\n'))).toMatchObject({ ok: false, code: 'empty' });
  });

  it('should read both layouts, headers as metadata and amounts to the kopeck', () => {
    const content = parseRegistryText(C16, '2026-01-01');

    expect(content.declaredTotalKopecks).toBe(250000n);
    expect(content.service).toBe('40702810000000000001');
    expect(
      content.lines.map((l) => [l.status, l.paidOn, l.accountRef, l.amountKopecks, l.feeKopecks]),
    ).toEqual([
      ['payment', '2025-03-01', '001234567', 150000n, 0n],
      ['payment', '2025-03-12', '001234568', 100000n, 1500n],
    ]);
    expect(content.lines[1]!.docNo).toBe('77');
    expect(content.lines[1]!.counterValues).toEqual([
      { index: 1, value: '245.3' },
      { index: 2, value: '101.5' },
    ]);
  });

  it('should report a broken line with its reason and keep its amount in the total', () => {
    const content = parseRegistryText(
      [
        '01.03.2025;12:10;001234567;8606;5;1500,50;0;Иванов',
        '8606;0001;x;x;1000.00;15.00;method_pay: card;12/03/2025',
        '31.02.2025;12:10;001234567;8606;5;10,00;0;Иванов',
        '01.03.2025;12:10;001234567;8606;5;сто;0;Иванов',
        '01.03.2025;12:10;001234567;8606;5;-5,00;0;Иванов',
        '01.03.2099;12:10;001234567;8606;5;5,00;0;Иванов',
        'просто текст',
        '=7;2515,50',
      ].join('\n'),
      '2026-01-01',
    );

    expect(content.lines.map((l) => l.error?.code ?? l.status)).toEqual([
      'payment',
      'no_account',
      'bad_date',
      'bad_amount',
      'bad_amount',
      'future_date',
      'unknown_layout',
    ]);
    expect(content.lines[0]!.amountKopecks).toBe(150050n);
    expect(content.lines[1]!.amountKopecks).toBe(100000n);
    expect(content.declaredCount).toBe(7);
    expect(content.declaredTotalKopecks).toBe(251550n);
  });

  it('should find an ЕЛС in the payment purpose, typed in Cyrillic or Latin', () => {
    expect(singleAccountIn('Оплата ЖКУ за 11.2026, л/с 66АБ123456')).toBe('66АБ123456');
    expect(singleAccountIn('ЕЛС 66ab123456 ноябрь')).toBe('66AB123456');
    expect(singleAccountIn('счёт 1234567890')).toBeNull();
  });

  it('should tell two identical payments of one file apart, and a re-sent line not', () => {
    const [a, b] = parseRegistryText(
      '01.03.2025;12:10;001;8606;5;100,00;0;Иванов\r\n01.03.2025;12:10;001;8606;5;100,00;0;Иванов\r\n',
      '2026-01-01',
    ).lines;
    const first = lineIdentities([lineContent(a!), lineContent(b!)]);
    const again = lineIdentities([lineContent(a!)]);

    expect(first[0]).not.toBe(first[1]);
    expect(first[0]!.endsWith('#1')).toBe(true);
    expect(first[1]!.endsWith('#2')).toBe(true);
    expect(again[0]).toBe(first[0]);
  });

  it('C15: should read and number registry file names ИНН_РС_НОМЕР_ММГГ.txt', () => {
    expect(parseRegistryFileName('1234567890_40702810012345678912_001_1219.txt')).toEqual({
      ok: true,
      value: { inn: '1234567890', account: '40702810012345678912', sequence: 1, period: '2019-12' },
    });

    for (const name of [
      '1234567890_40702810012345678912_1_1219.txt',
      '1234567890_40702810012345678912_001_1319.txt',
      '123456789012_40702810012345678912_001_0125.txt',
      '1234567890_4070281001234567891_001_0125.txt',
    ]) {
      expect(parseRegistryFileName(name).ok).toBe(false);
    }

    const input = { inn: '1234567890', account: '40702810012345678912', period: '2025-01' };
    const first = nextRegistryFileName(input, []);

    expect(first).toBe('1234567890_40702810012345678912_001_0125.txt');
    expect(nextRegistryFileName(input, [first])).toBe(
      '1234567890_40702810012345678912_002_0125.txt',
    );
  });
});
