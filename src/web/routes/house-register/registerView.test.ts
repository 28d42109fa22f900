import { describe, expect, it } from 'vitest';

import type { Cell, PremiseCard, Register } from '../../api/houseRegister.js';
import { floorsOf, kindOf, payerChoices, premisesAt } from './registerView.js';

const cell = (id: string, floor: number | null, entrance: number | null): Cell => ({
  id,
  number: id,
  kind: 'flat',
  floor,
  entrance,
  areaTotal: '40.00',
  areaLiving: null,
  cadastralNumber: null,
  owners: [],
  sharesTotal: '0',
  residentsCount: 0,
  accounts: [],
});

const register: Register = {
  house: { id: 'h', address: 'ул. Тестовая, 1', managingOrganisation: null },
  entrances: [
    {
      entrance: 1,
      premisesCount: 3,
      floors: [
        { floor: 1, premises: [cell('1', 1, 1)] },
        { floor: 2, premises: [cell('2', 2, 1)] },
        { floor: null, premises: [cell('x', null, 1)] },
      ],
    },
    // A taller second entrance: its top floor still gets a row of its own.
    { entrance: 2, premisesCount: 1, floors: [{ floor: 10, premises: [cell('40', 10, 2)] }] },
  ],
  other: [],
  totals: { premises: 4, owned: 0, accountsOpen: 0, residents: 0 },
};

describe('floorsOf', () => {
  it('should list every floor of any entrance, top first, the unknown floor last', () => {
    expect(floorsOf(register)).toEqual([10, 2, 1, null]);
  });

  it('should give an empty house no rows', () => {
    expect(floorsOf({ ...register, entrances: [] })).toEqual([]);
  });
});

describe('premisesAt', () => {
  it('should find the premises of one floor of one entrance and nothing elsewhere', () => {
    expect(premisesAt(register, 1, 2).map((c) => c.id)).toEqual(['2']);
    expect(premisesAt(register, 1, null).map((c) => c.id)).toEqual(['x']);
    expect(premisesAt(register, 2, 1)).toEqual([]);
    expect(premisesAt(register, 7, 1)).toEqual([]);
  });
});

describe('payerChoices', () => {
  const owner = (personId: string | null, organisationId: string | null, name: string) => ({
    ownershipId: `o-${name}`,
    kind: personId ? ('person' as const) : ('organisation' as const),
    personId,
    organisationId,
    name,
    share: '1/2',
    startedOn: null,
    endedOn: null,
    endedReason: null,
    titleDocument: null,
    rightNumber: null,
    rightRegisteredOn: null,
    source: 'manual',
  });
  const card = {
    owners: [owner('p1', null, 'Иванова'), owner(null, 'org1', 'Администрация')],
    residents: [
      { personId: 'p1', name: 'Иванова', registeredOn: null },
      { personId: 'p2', name: 'Петров', registeredOn: '2020-01-01' },
    ],
  } as unknown as PremiseCard;

  it('should offer owners, then residents who own nothing, each once with its kind', () => {
    expect(payerChoices(card, 'собственник', 'жилец')).toEqual([
      { value: 'person:p1', label: 'Иванова (собственник)' },
      { value: 'organisation:org1', label: 'Администрация (собственник)' },
      { value: 'person:p2', label: 'Петров (жилец)' },
    ]);
  });

  it('should offer nobody for an empty premise', () => {
    expect(payerChoices({ ...card, owners: [], residents: [] }, 'о', 'ж')).toEqual([]);
  });
});

describe('kindOf', () => {
  it('should keep the known kinds and read anything else as a flat', () => {
    expect(['flat', 'parking', 'storage', 'non_residential', 'garage'].map(kindOf)).toEqual([
      'flat',
      'parking',
      'storage',
      'non_residential',
      'flat',
    ]);
  });
});
