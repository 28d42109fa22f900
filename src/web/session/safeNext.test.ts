import { describe, expect, it } from 'vitest';

import { safeNext } from './safeNext.js';

describe('safeNext', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeNext('/houses?q=%D0%9C')).toBe('/houses?q=%D0%9C');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['another host', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/'],
    ['backslash trick', '/\\evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['relative', 'houses'],
  ])('sends %s targets home', (_case, next) => {
    expect(safeNext(next)).toBe('/');
  });
});
