import { describe, expect, it } from 'vitest';

import { canonicalJson, digestOf, sha256Hex } from './canonical.js';

describe('canonicalJson', () => {
  it('should sort keys at every depth and drop insignificant whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('should give the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ x: 'Ё', y: 1.5 })).toBe(canonicalJson({ y: 1.5, x: 'Ё' }));
  });

  it('should write numbers in their shortest form (RFC 8785)', () => {
    expect(canonicalJson([1.0, 1e21, 0.1, -0])).toBe('[1,1e+21,0.1,0]');
  });
});

describe('digestOf', () => {
  it('should be null for no value and a SHA-256 hex digest otherwise', () => {
    expect(digestOf(undefined)).toBeNull();
    expect(digestOf(null)).toBe(sha256Hex('null'));
    expect(digestOf({ b: 2, a: 1 })).toBe(sha256Hex('{"a":1,"b":2}'));
    expect(digestOf({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should change when any value changes, personal data included', () => {
    expect(digestOf({ phone: '+79001234567' })).not.toBe(digestOf({ phone: '+79001234568' }));
  });

  it('should match the known SHA-256 of a fixed text', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
