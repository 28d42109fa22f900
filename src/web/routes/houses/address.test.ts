import { describe, expect, it } from 'vitest';

import { shortAddress } from './address.js';

describe('shortAddress', () => {
  it('drops the region in the registry’s own spelling', () => {
    expect(shortAddress('обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 1')).toBe(
      'г. Екатеринбург, ул. Малышева, д. 1',
    );
  });

  it.each([
    ['Свердловская обл., г. Екатеринбург, ул. Ленина, д. 5', 'г. Екатеринбург, ул. Ленина, д. 5'],
    ['Пермский край, г. Пермь, ул. Ленина, д. 5', 'г. Пермь, ул. Ленина, д. 5'],
    ['респ. Татарстан, г. Казань, ул. Баумана, д. 1', 'г. Казань, ул. Баумана, д. 1'],
  ])('drops other regions too: %s', (address, expected) => {
    expect(shortAddress(address)).toBe(expected);
  });

  it('keeps an address that starts with the settlement', () => {
    expect(shortAddress('г. Екатеринбург, ул. Областная, д. 3')).toBe(
      'г. Екатеринбург, ул. Областная, д. 3',
    );
  });

  it('keeps an address that is only a region rather than returning nothing', () => {
    expect(shortAddress('обл. Свердловская, ')).toBe('обл. Свердловская, ');
  });
});
