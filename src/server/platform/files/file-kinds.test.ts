import { describe, expect, it } from 'vitest';

import { AppError } from '../errors.js';
import { judgeUpload } from './file-kinds.js';
import { asciiFallbackName, sanitiseOriginalName } from './file-names.js';

const PDF = { mime: 'application/pdf', ext: 'pdf' };
const PNG = { mime: 'image/png', ext: 'png' };
const JPEG = { mime: 'image/jpeg', ext: 'jpg' };
const EXE = { mime: 'application/x-msdownload', ext: 'exe' };
const DEFAULT = ['pdf', 'jpeg', 'png'] as const;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }

    throw error;
  }

  throw new Error('expected a refusal');
}

describe(judgeUpload.name, () => {
  it('should accept content whose name and declared type agree', () => {
    expect(judgeUpload(PDF, { name: 'act.pdf', declaredMime: 'application/pdf' }, DEFAULT)).toBe(
      'pdf',
    );
    expect(judgeUpload(JPEG, { name: 'photo.JPEG', declaredMime: 'image/jpg' }, DEFAULT)).toBe(
      'jpeg',
    );
    expect(
      judgeUpload(PNG, { name: 'scan', declaredMime: 'application/octet-stream' }, DEFAULT),
    ).toBe('png');
    expect(
      judgeUpload(PNG, { name: 'scan.png', declaredMime: 'image/png; charset=x' }, DEFAULT),
    ).toBe('png');
  });

  it('should refuse unrecognised content with the allowed kinds named', () => {
    const error = refusal(() => judgeUpload(undefined, { name: 'page.pdf' }, DEFAULT));

    expect(error.code).toBe('unsupported_media_type');
    expect(error.options.detail?.en).toBe('The file content is not recognised as PDF, JPEG, PNG');
    expect(error.options.extra).toMatchObject({ detectedType: null });
  });

  it('should refuse a recognised but not allowed type, naming what it is', () => {
    const error = refusal(() => judgeUpload(EXE, { name: 'invoice.pdf' }, DEFAULT));

    expect(error.code).toBe('unsupported_media_type');
    expect(error.options.detail?.ru).toContain('EXE (application/x-msdownload)');
    expect(error.options.extra).toMatchObject({ detectedType: 'application/x-msdownload' });
  });

  it('should refuse an allowed type when this upload does not allow it', () => {
    expect(refusal(() => judgeUpload(PNG, { name: 'a.png' }, ['pdf'])).code).toBe(
      'unsupported_media_type',
    );
  });

  it('should refuse content whose extension names another kind', () => {
    const error = refusal(() => judgeUpload(PNG, { name: 'contract.pdf' }, DEFAULT));

    expect(error.code).toBe('file_type_mismatch');
    expect(error.options.detail?.en).toBe('The file is named .pdf but its content is PNG');
  });

  it('should refuse content whose declared type names another kind', () => {
    const error = refusal(() =>
      judgeUpload(PNG, { name: 'scan.png', declaredMime: 'application/pdf' }, DEFAULT),
    );

    expect(error.code).toBe('file_type_mismatch');
    expect(error.options.extra).toMatchObject({ declaredType: 'application/pdf' });
  });
});

describe(sanitiseOriginalName.name, () => {
  it.each([
    ['Договор №5.pdf', 'Договор №5.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\win.ini.pdf', 'win.ini.pdf'],
    ['C:\\Users\\Иван\\скан.jpg', 'скан.jpg'],
    ['..', ''],
    ['', ''],
    [undefined, ''],
    ['  пробелы.png  ', 'пробелы.png'],
    ['bad\u0000name\r\n.pdf', 'badname.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    // A decomposed "ё" (е + combining diaeresis, as macOS sends it) becomes one character.
    ['Акт прие\u0308мки.pdf', 'Акт при\u0451мки.pdf'],
  ])('should turn %j into %j', (raw, expected) => {
    expect(sanitiseOriginalName(raw)).toBe(expected);
  });

  it('should cap long names at 255 characters and keep the extension', () => {
    const name = sanitiseOriginalName(`${'ж'.repeat(300)}.pdf`);

    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('ж.pdf')).toBe(true);
  });

  it('should never cut a character made of two UTF-16 units in half', () => {
    const name = sanitiseOriginalName(`${'🏠'.repeat(300)}.png`);

    expect(name.endsWith('🏠.png')).toBe(true);
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name); // no lone surrogate
  });
});

describe(asciiFallbackName.name, () => {
  it('should keep printable ASCII and fold everything else into underscores', () => {
    expect(asciiFallbackName('act-2026.pdf')).toBe('act-2026.pdf');
    expect(asciiFallbackName('Акт №5 «ТСЖ».pdf')).toBe('_ _5 _.pdf');
    expect(asciiFallbackName('say "hi".pdf')).toBe("say 'hi'.pdf");
  });
});
