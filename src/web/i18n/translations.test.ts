import { describe, expect, it } from 'vitest';

import { enTranslation as en, ruTranslation as ru } from './resources.js';

type Tree = { [key: string]: string | Tree };

/** Flattens nested translation files into `a.b.c → text`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();

  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;

    if (typeof value === 'string') {
      flat.set(path, value);
    } else {
      for (const [inner, text] of flatten(value, path)) {
        flat.set(inner, text);
      }
    }
  }

  return flat;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys without plural suffixes: the names `t()` is called with. */
function baseKeys(flat: Map<string, string>) {
  return new Set([...flat.keys()].map((key) => key.replace(PLURAL, '')));
}

function variables(text: string) {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();
}

const ruFlat = flatten(ru);
const enFlat = flatten(en);

describe('translations', () => {
  it('English has every text Russian has, and no extra ones', () => {
    expect([...baseKeys(enFlat)].sort()).toEqual([...baseKeys(ruFlat)].sort());
  });

  it('no text is empty', () => {
    for (const [key, text] of [...ruFlat, ...enFlat]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('plural texts have every form each language needs', () => {
    const pluralBases = new Set(
      [...ruFlat.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')),
    );

    expect(pluralBases.size).toBeGreaterThan(0);

    for (const base of pluralBases) {
      for (const form of ['one', 'few', 'many', 'other']) {
        expect(ruFlat.has(`${base}_${form}`), `ru ${base}_${form}`).toBe(true);
      }

      for (const form of ['one', 'other']) {
        expect(enFlat.has(`${base}_${form}`), `en ${base}_${form}`).toBe(true);
      }
    }
  });

  it('both languages fill in the same variables', () => {
    for (const base of baseKeys(ruFlat)) {
      const ruText = ruFlat.get(base) ?? ruFlat.get(`${base}_other`) ?? '';
      const enText = enFlat.get(base) ?? enFlat.get(`${base}_other`) ?? '';

      expect(variables(enText), base).toEqual(variables(ruText));
    }
  });
});
