import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { buildPaymentQr, parsePaymentQr, type QrBuildError } from './payment-qr.js';

const C01 = {
  Name: 'ООО «Три кита»',
  PersonalAcc: '40702810138250123017',
  BankName: 'ОАО "БАНК"',
  BIC: '044525225',
  CorrespAcc: '30101810400000000225',
  PayeeINN: '6200098765',
  LastName: 'Иванов',
  FirstName: 'Иван',
  MiddleName: 'Иванович',
  Purpose: 'Оплата членского взноса',
  PayerAddress: 'г.Рязань ул.Ленина д.10 кв.15',
  Sum: '100000',
};

function problemsOf(build: () => unknown) {
  try {
    build();
  } catch (error) {
    return (error as QrBuildError).problems.map((p) => `${p.field}:${p.code}`);
  }

  return [];
}

describe('payment QR (ГОСТ Р 56042-2014)', () => {
  it('C01: should put the header and the five mandatory requisites first, Sum in kopecks', () => {
    const { text } = buildPaymentQr(C01, { verifyChecksums: false });

    expect(
      text.startsWith(
        'ST00012|Name=ООО «Три кита»|PersonalAcc=40702810138250123017|BankName=ОАО "БАНК"|BIC=044525225|CorrespAcc=30101810400000000225|',
      ),
    ).toBe(true);
    expect(text).toContain('|Sum=100000');
  });

  it('C01: should read back exactly what it wrote', () => {
    const parsed = parsePaymentQr(buildPaymentQr(C01, { verifyChecksums: false }).text);

    expect(parsed.ok && parsed.fields).toEqual(C01);
  });

  it('C01: should refuse a string without Name and PersonalAcc when strict, flag it when tolerant', () => {
    const input =
      'ST00012|BankName=ОАО "БАНК"|BIC=044525225|CorrespAcc=30101810400000000225|Тест=42';
    const strict = parsePaymentQr(input);
    const tolerant = parsePaymentQr(input, { mode: 'tolerant' });

    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.errors.map((e) => e.field)).toEqual(['Name', 'PersonalAcc']);
    expect(tolerant.ok).toBe(true);
    expect(tolerant.warnings.map((w) => w.field)).toEqual(['Name', 'PersonalAcc']);
    expect(tolerant.ok && tolerant.fields['Тест']).toBe('42');
  });

  it('C01: should refuse mandatory requisites out of order when strict', () => {
    const parsed = parsePaymentQr(
      'ST00012|PersonalAcc=40702810138250123017|Name=X|BankName=Б|BIC=044525225|CorrespAcc=30101810400000000225',
    );

    expect(!parsed.ok && parsed.errors[0]!.code).toBe('order');
  });

  it('C03: should never print a separator, an over-long Purpose or BankName', () => {
    expect(
      problemsOf(() =>
        buildPaymentQr({ ...C01, Name: 'ООО "Дом|Сервис"' }, { verifyChecksums: false }),
      ),
    ).toEqual(['Name:separator']);
    expect(
      problemsOf(() =>
        buildPaymentQr({ ...C01, Purpose: 'я'.repeat(211) }, { verifyChecksums: false }),
      ),
    ).toEqual(['Purpose:too_long']);
    expect(
      problemsOf(() =>
        buildPaymentQr(
          { ...C01, BankName: 'ПАО СБЕРБАНК ОТДЕЛЕНИЕ № 8606 Г. РЯЗАНЬ ДОПОЛНИТЕЛЬНЫЙ ОФИС' },
          { verifyChecksums: false },
        ),
      ),
    ).toEqual(['BankName:too_long']);
    expect(
      buildPaymentQr({ ...C01, Purpose: 'я'.repeat(210) }, { verifyChecksums: false }).text,
    ).toContain('я'.repeat(210));
  });

  it('C03: should recover the mandatory block from a sloppy string, and say where strict stops', () => {
    const input =
      'ST00012|Name=ООО "Ромашка"|PersonalAcc=12345678901234567890|BankName=ОТДЕЛЕНИЕ №1234 ПАО БАНК|BIC=012345678|CorrespAcc=30101810400000000601||Field= |asdf|Other=1234|';
    const tolerant = parsePaymentQr(input, { mode: 'tolerant' });
    const strict = parsePaymentQr(input);

    expect(tolerant.ok).toBe(true);
    expect(tolerant.ok && tolerant.fields).toEqual({
      Name: 'ООО "Ромашка"',
      PersonalAcc: '12345678901234567890',
      BankName: 'ОТДЕЛЕНИЕ №1234 ПАО БАНК',
      BIC: '012345678',
      CorrespAcc: '30101810400000000601',
      Other: '1234',
    });
    expect(!strict.ok && strict.errors.map((e) => e.field)).toEqual(['asdf']);
  });

  it('C04: should decode by the encoding flag and refuse a flag that lies', () => {
    const text =
      'ST00011|Name=АНО "Танцующий Петербург"|PersonalAcc=40703810500000054321|BankName=АО ТЕСТБАНК|BIC=044525999|CorrespAcc=30101810600000000999';
    const cp1251 = iconv.encode(text, 'win1251');
    const lying = iconv.encode(text.replace('ST00011', 'ST00012'), 'win1251');

    expect(
      parsePaymentQr(cp1251).ok &&
        (parsePaymentQr(cp1251) as { fields: Record<string, string> }).fields.Name,
    ).toBe('АНО "Танцующий Петербург"');
    expect(
      !parsePaymentQr(lying).ok &&
        (parsePaymentQr(lying) as { errors: { code: string }[] }).errors[0]!.code,
    ).toBe('encoding_mismatch');
    expect(parsePaymentQr(lying, { mode: 'tolerant' }).warnings[0]!.code).toBe('encoding_mismatch');

    for (const flag of ['0', '4']) {
      const result = parsePaymentQr(text.replace('ST00011', `ST0001${flag}`));

      expect(!result.ok && result.errors[0]!.code).toBe('encoding_flag');
    }
  });

  it('C04: should fail rather than drop a character windows-1251 cannot carry', () => {
    const fields = { ...C01, Purpose: 'Оплата № 5 🏠' };

    expect(
      problemsOf(() => buildPaymentQr(fields, { encoding: 'cp1251', verifyChecksums: false })),
    ).toEqual(['null:encoding']);

    const ok = buildPaymentQr(
      { ...C01, Purpose: 'Оплата № 5' },
      { encoding: 'cp1251', verifyChecksums: false },
    );
    const utf8 = buildPaymentQr({ ...C01, Purpose: 'Оплата № 5' }, { verifyChecksums: false });

    expect(ok.text.startsWith('ST00011|')).toBe(true);
    expect(ok.bytes.length).toBeLessThan(utf8.bytes.length);
    expect(parsePaymentQr(ok.bytes).ok).toBe(true);
  });

  it('C05: should read a failing ИНН with a warning, match keys in any case and trim values', () => {
    const a = parsePaymentQr(
      'ST00012|Name=ООО «Три кита»|PersonalAcc=40702810138250123017|BankName=ОАО "БАНК"|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=6200098765',
    );

    expect(a.ok).toBe(true);
    expect(a.warnings.map((w) => w.message)).toEqual([
      'ИНН получателя не проходит контрольную сумму',
    ]);

    const b = parsePaymentQr(
      'ST00012|Name=X|PersonalAcc=40702810138250123017|BankName=Б|BIC=044525225|CorrespAcc=30101810400000000225|persAcc=123456789|SUM=150000|Purpose= Оплата ЖКУ',
    );

    expect(b.ok && [b.fields.PersAcc, b.fields.Sum, b.fields.Purpose]).toEqual([
      '123456789',
      '150000',
      'Оплата ЖКУ',
    ]);
  });

  it('C05: should refuse to print a bill QR with an invalid payee ИНН or account key', () => {
    expect(problemsOf(() => buildPaymentQr(C01))).toEqual(['PayeeINN:checksum']);
    expect(
      problemsOf(() =>
        buildPaymentQr({ ...C01, PayeeINN: '7802532605', PersonalAcc: '40702810138250123018' }),
      ),
    ).toEqual(['PersonalAcc:checksum']);
    expect(buildPaymentQr({ ...C01, PayeeINN: '7802532605' }).text).toContain(
      '|PayeeINN=7802532605|',
    );
  });
});
