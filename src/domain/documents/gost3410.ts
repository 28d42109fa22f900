/**
 * ГОСТ Р 34.10-2012 signature verification (256- and 512-bit), on bigint, in the short
 * Weierstrass form y² = x³ + ax + b (mod p) in which every standard parameter set is published
 * (the twisted Edwards sets of ТК 26 included). Only verification: the platform never holds a
 * GOST private key.
 */

export type GostCurve = {
  name: string;
  p: bigint;
  a: bigint;
  b: bigint;
  /** The order of the base point. */
  q: bigint;
  x: bigint;
  y: bigint;
  /** Length of r, s and each public-key coordinate in bytes (32 or 64). */
  size: 32 | 64;
};

const h = (hex: string) => BigInt(`0x${hex}`);

const CRYPTO_PRO_A: GostCurve = {
  name: 'CryptoPro-A',
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94'),
  b: 166n,
  q: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893'),
  x: 1n,
  y: h('8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14'),
  size: 32,
};

const CRYPTO_PRO_B: GostCurve = {
  name: 'CryptoPro-B',
  p: h('8000000000000000000000000000000000000000000000000000000000000C99'),
  a: h('8000000000000000000000000000000000000000000000000000000000000C96'),
  b: h('3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B'),
  q: h('800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F'),
  x: 1n,
  y: h('3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC'),
  size: 32,
};

const CRYPTO_PRO_C: GostCurve = {
  name: 'CryptoPro-C',
  p: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B'),
  a: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598'),
  b: 32858n,
  q: h('9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9'),
  x: 0n,
  y: h('41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67'),
  size: 32,
};

const TC26_256_A: GostCurve = {
  name: 'tc26-256-A',
  p: CRYPTO_PRO_A.p,
  a: h('C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335'),
  b: h('295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513'),
  q: h('400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67'),
  x: h('91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28'),
  y: h('32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C'),
  size: 32,
};

const P512_A = h(
  'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' +
    'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7',
);

const TC26_512_A: GostCurve = {
  name: 'tc26-512-A',
  p: P512_A,
  a: P512_A - 3n,
  b: h(
    'E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265' +
      'EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760',
  ),
  q: h(
    'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' +
      '27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275',
  ),
  x: 3n,
  y: h(
    '7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921' +
      'DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4',
  ),
  size: 64,
};

const P512_B = h('8' + '0'.repeat(125) + '6F');

const TC26_512_B: GostCurve = {
  name: 'tc26-512-B',
  p: P512_B,
  a: P512_B - 3n,
  b: h(
    '687D1B459DC841457E3E06CF6F5E2517B97C7D614AF138BCBF85DC806C4B289F' +
      '3E965D2DB1416D217F8B276FAD1AB69C50F78BEE1FA3106EFB8CCBC7C5140116',
  ),
  q: h(
    '8000000000000000000000000000000000000000000000000000000000000001' +
      '49A1EC142565A545ACFDB77BD9D40CFA8B996712101BEA0EC6346C54374F25BD',
  ),
  x: 2n,
  y: h(
    '1A8F7EDA389B094C2C071E3647A8940F3C123B697578C213BE6DD9E6C8EC7335' +
      'DCB228FD1EDF4A39152CBCAAF8C0398828041055F94CEEEC7E21340780FE41BD',
  ),
  size: 64,
};

const TC26_512_C: GostCurve = {
  name: 'tc26-512-C',
  p: P512_A,
  a: h(
    'DC9203E514A721875485A529D2C722FB187BC8980EB866644DE41C68E1430645' +
      '46E861C0E2C9EDD92ADE71F46FCF50FF2AD97F951FDA9F2A2EB6546F39689BD3',
  ),
  b: h(
    'B4C4EE28CEBC6C2C8AC12952CF37F16AC7EFB6A9F69F4B57FFDA2E4F0DE5ADE0' +
      '38CBC2FFF719D2C18DE0284B8BFEF3B52B8CC7A5F5BF0A3C8D2319A5312557E1',
  ),
  q: h(
    '3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' +
      'C98CDBA46506AB004C33A9FF5147502CC8EDA9E7A769A12694623CEF47F023ED',
  ),
  x: h(
    'E2E31EDFC23DE7BDEBE241CE593EF5DE2295B7A9CBAEF021D385F7074CEA043A' +
      'A27272A7AE602BF2A7B9033DB9ED3610C6FB85487EAE97AAC5BC7928C1950148',
  ),
  y: h(
    'F5CE40D95B5EB899ABBCCFF5911CB8577939804D6527378B8C108C3D2090FF9B' +
      'E18E2D33E3021ED2EF32D85822423B6304F726AA854BAE07D0396E9A9ADDC40F',
  ),
  size: 64,
};

/** Parameter sets by the OID a certificate names them with (RFC 4357, RFC 7836, Р 1323565.1.024). */
export const GOST_CURVES: Readonly<Record<string, GostCurve>> = {
  '1.2.643.2.2.35.1': CRYPTO_PRO_A,
  '1.2.643.2.2.35.2': CRYPTO_PRO_B,
  '1.2.643.2.2.35.3': CRYPTO_PRO_C,
  '1.2.643.2.2.36.0': CRYPTO_PRO_A,
  '1.2.643.2.2.36.1': CRYPTO_PRO_C,
  '1.2.643.7.1.2.1.1.1': TC26_256_A,
  '1.2.643.7.1.2.1.1.2': CRYPTO_PRO_A,
  '1.2.643.7.1.2.1.1.3': CRYPTO_PRO_B,
  '1.2.643.7.1.2.1.1.4': CRYPTO_PRO_C,
  '1.2.643.7.1.2.1.2.1': TC26_512_A,
  '1.2.643.7.1.2.1.2.2': TC26_512_B,
  '1.2.643.7.1.2.1.2.3': TC26_512_C,
};

type Point = { x: bigint; y: bigint } | null;

function mod(value: bigint, m: bigint): bigint {
  const r = value % m;

  return r < 0n ? r + m : r;
}

function inverse(value: bigint, m: bigint): bigint {
  let [previousR, r] = [mod(value, m), m];
  let [previousS, s] = [1n, 0n];

  while (r !== 0n) {
    const q = previousR / r;

    [previousR, r] = [r, previousR - q * r];
    [previousS, s] = [s, previousS - q * s];
  }

  if (previousR !== 1n) {
    throw new RangeError('not invertible');
  }

  return mod(previousS, m);
}

function add(curve: GostCurve, left: Point, right: Point): Point {
  if (!left) {
    return right;
  }

  if (!right) {
    return left;
  }

  const { p } = curve;

  if (left.x === right.x && mod(left.y + right.y, p) === 0n) {
    return null;
  }

  const slope =
    left.x === right.x
      ? mod((3n * left.x * left.x + curve.a) * inverse(2n * left.y, p), p)
      : mod((right.y - left.y) * inverse(right.x - left.x, p), p);
  const x = mod(slope * slope - left.x - right.x, p);

  return { x, y: mod(slope * (left.x - x) - left.y, p) };
}

function multiply(curve: GostCurve, point: Point, scalar: bigint): Point {
  let result: Point = null;
  let addend = point;
  let k = scalar;

  while (k > 0n) {
    if (k & 1n) {
      result = add(curve, result, addend);
    }

    addend = add(curve, addend, addend);
    k >>= 1n;
  }

  return result;
}

function onCurve(curve: GostCurve, x: bigint, y: bigint): boolean {
  const { p } = curve;

  return (
    x >= 0n &&
    x < p &&
    y >= 0n &&
    y < p &&
    mod(y * y - (x * x * x + curve.a * x + curve.b), p) === 0n
  );
}

/** Big-endian bytes → integer. */
export function bigEndian(bytes: Uint8Array): bigint {
  let value = 0n;

  for (const byte of bytes) {
    value = (value << 8n) | BigInt(byte);
  }

  return value;
}

/** Little-endian bytes → integer (GOST public keys and digests are little-endian). */
export function littleEndian(bytes: Uint8Array): bigint {
  return bigEndian(Uint8Array.from(bytes).reverse());
}

export type GostPublicKey = { curve: GostCurve; x: bigint; y: bigint };

/**
 * Reads a public key from the 2·size bytes inside the certificate's OCTET STRING: x then y,
 * each little-endian (RFC 4491 §2.3.2). Throws when the point is not on the curve.
 */
export function gostPublicKey(curve: GostCurve, raw: Uint8Array): GostPublicKey {
  if (raw.length !== curve.size * 2) {
    throw new RangeError(`a ${curve.size * 16}-bit GOST public key has ${curve.size * 2} bytes`);
  }

  const x = littleEndian(raw.subarray(0, curve.size));
  const y = littleEndian(raw.subarray(curve.size));

  if (!onCurve(curve, x, y)) {
    throw new RangeError('the public key is not a point of its curve');
  }

  return { curve, x, y };
}

/**
 * Verifies a signature over a Стрибог digest. `signature` is s‖r, big-endian, as CMS carries it
 * (RFC 4491 §2.2.2); the digest is read as a little-endian number, as GOST R 34.10 prescribes.
 */
export function verifyGost(key: GostPublicKey, digest: Uint8Array, signature: Uint8Array): boolean {
  const { curve } = key;

  if (signature.length !== curve.size * 2) {
    return false;
  }

  const s = bigEndian(signature.subarray(0, curve.size));
  const r = bigEndian(signature.subarray(curve.size));

  if (r <= 0n || r >= curve.q || s <= 0n || s >= curve.q) {
    return false;
  }

  let e = mod(littleEndian(digest), curve.q);

  if (e === 0n) {
    e = 1n;
  }

  const v = inverse(e, curve.q);
  const z1 = mod(s * v, curve.q);
  const z2 = mod(-r * v, curve.q);
  const c = add(
    curve,
    multiply(curve, { x: curve.x, y: curve.y }, z1),
    multiply(curve, { x: key.x, y: key.y }, z2),
  );

  return c !== null && mod(c.x, curve.q) === r;
}
