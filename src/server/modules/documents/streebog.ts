import { createRequire } from 'node:module';

// The package ships a CommonJS bundle without types; only its digest engine is used here.
type GostEngine = {
  getGostDigest(algorithm: { name: 'GOST R 34.11'; length: 256 | 512; version: 2012 }): {
    digest(data: Uint8Array): ArrayBuffer;
  };
};

const require = createRequire(import.meta.url);
const { GostEngine: engine } = require('@wavesenterprise/crypto-gost-js/dist/CryptoGost.js') as {
  GostEngine: GostEngine;
};

/** ГОСТ Р 34.11-2012 (Стрибог) of the bytes, 256 or 512 bits. */
export function streebog(bits: 256 | 512, data: Uint8Array): Uint8Array {
  const digest = engine.getGostDigest({ name: 'GOST R 34.11', length: bits, version: 2012 });

  return new Uint8Array(digest.digest(data));
}
