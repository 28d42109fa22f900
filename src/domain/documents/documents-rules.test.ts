import { describe, expect, it } from 'vitest';

import {
  certificateNumber,
  certificateState,
  formatRoubles,
  validUntil,
} from './certificate-rules.js';
import {
  acceptsNewVersion,
  DEFAULT_UPLOAD_RULE,
  isEncryptedPdf,
  normaliseTags,
  parseUploadPolicy,
  uploadRuleFor,
} from './document-kinds.js';
import { GOST_CURVES, gostPublicKey, verifyGost } from './gost3410.js';
import { describeName } from './signature-verdict.js';

describe('parseUploadPolicy', () => {
  it('should read per-kind types and sizes and keep the default elsewhere', () => {
    const parsed = parseUploadPolicy('technical=pdf:20, act=pdf+jpeg');

    expect(parsed.ok).toBe(true);

    const rules = parsed.ok ? parsed.rules : {};

    expect(uploadRuleFor('technical', rules)).toEqual({ types: ['pdf'], maxBytes: 20 * 1048576 });
    expect(uploadRuleFor('act', rules)).toEqual({ types: ['pdf', 'jpeg'], maxBytes: 5 * 1048576 });
    expect(uploadRuleFor('licence', rules)).toBe(DEFAULT_UPLOAD_RULE);
    expect(parseUploadPolicy('')).toEqual({ ok: true, rules: {} });
  });

  it('should name every bad pair instead of ignoring it', () => {
    expect(parseUploadPolicy('passport=pdf,act=exe,technical=pdf:0,licence=pdf:51')).toEqual({
      ok: false,
      problems: [
        'unknown document kind "passport"',
        'act: types must be pdf, jpeg or png joined with +',
        'technical: size must be a number of megabytes from 0 to 50',
        'licence: size must be a number of megabytes from 0 to 50',
      ],
    });
  });
});

describe('isEncryptedPdf', () => {
  const plain = '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Size 2 /Root 1 0 R >>\n%%EOF\n';

  it('should see an /Encrypt reference or dictionary in the trailer', () => {
    expect(isEncryptedPdf(Buffer.from(plain))).toBe(false);
    expect(isEncryptedPdf(Buffer.from(plain.replace('/Root', '/Encrypt 5 0 R /Root')))).toBe(true);
    expect(isEncryptedPdf(Buffer.from(plain.replace('/Root', '/Encrypt << /V 4 >> /Root')))).toBe(
      true,
    );
  });

  it('should not take the word in text for encryption', () => {
    expect(isEncryptedPdf(Buffer.from(plain.replace('<<>>', '(/Encrypted files)')))).toBe(false);
  });
});

describe('document rules', () => {
  it('should take new versions only while a document is active', () => {
    expect(acceptsNewVersion('active')).toBe(true);
    expect(acceptsNewVersion('awaiting_signature')).toBe(false);
    expect(acceptsNewVersion('signed')).toBe(false);
    expect(acceptsNewVersion('superseded')).toBe(false);
  });

  it('should normalise tags as people type them', () => {
    expect(normaliseTags([' ЕГРН ', 'егрн', 'Договор  управления', '', 'x'.repeat(41)])).toEqual([
      'егрн',
      'договор управления',
    ]);
  });
});

describe('certificate rules', () => {
  it('should number certificates by kind and year', () => {
    expect(certificateNumber('ownership', 2026, 7)).toBe('СС-2026-000007');
    expect(certificateNumber('no_debt', 2026, 123456)).toBe('СЗ-2026-123456');
  });

  it('should count validity from the issue date across months and years', () => {
    expect(validUntil('ownership', '2026-12-20')).toBe('2027-01-19');
    expect(validUntil('no_debt', '2028-02-25')).toBe('2028-03-06');
  });

  it('should say revoked before expired, and current through the last day', () => {
    expect(certificateState({ validUntil: '2026-12-31', revokedAt: null }, '2026-12-31')).toBe(
      'current',
    );
    expect(certificateState({ validUntil: '2026-12-31', revokedAt: null }, '2027-01-01')).toBe(
      'expired',
    );
    expect(
      certificateState({ validUntil: '2026-12-31', revokedAt: new Date() }, '2026-01-01'),
    ).toBe('revoked');
  });

  it('should print kopecks as roubles with Russian separators', () => {
    expect(formatRoubles(123456789n)).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(formatRoubles(-5n)).toBe('−0,05\u00a0₽');
    expect(formatRoubles(0n)).toBe('0,00\u00a0₽');
  });
});

describe('GOST R 34.10-2012 curves', () => {
  it.each(Object.entries(GOST_CURVES))(
    'should have the base point of %s on its curve',
    (_, curve) => {
      const raw = new Uint8Array(curve.size * 2);
      const put = (value: bigint, offset: number) => {
        for (let i = 0; i < curve.size; i += 1) {
          raw[offset + i] = Number((value >> BigInt(8 * i)) & 0xffn);
        }
      };

      put(curve.x, 0);
      put(curve.y, curve.size);

      expect(gostPublicKey(curve, raw).x).toBe(curve.x);
    },
  );

  it('should refuse a point off the curve and signatures out of range', () => {
    const curve = GOST_CURVES['1.2.643.7.1.2.1.1.1']!;
    const raw = new Uint8Array(64).fill(1);

    expect(() => gostPublicKey(curve, raw)).toThrow(/not a point/);
    expect(() => gostPublicKey(curve, new Uint8Array(10))).toThrow(/64 bytes/);

    const key = { curve, x: curve.x, y: curve.y };

    expect(verifyGost(key, new Uint8Array(32), new Uint8Array(64))).toBe(false);
    expect(verifyGost(key, new Uint8Array(32), new Uint8Array(63))).toBe(false);
  });
});

describe('describeName', () => {
  it('should print a name in its own order with the Russian attribute labels', () => {
    expect(
      describeName([
        { type: '2.5.4.3', value: 'Иванов Иван' },
        { type: '1.2.643.100.3', value: '12345678901' },
        { type: '2.5.4.6', value: 'RU' },
      ]),
    ).toBe('CN=Иванов Иван, СНИЛС=12345678901, C=RU');
  });
});
