import type { Cell, PremiseCard, Register } from '../../api/houseRegister.js';

/** Pure helpers that lay out the register for the pages; no React, so tests read them plainly. */

/** Every floor any entrance has, top floor first; premises with no floor at the bottom. */
export function floorsOf(register: Register): (number | null)[] {
  const floors = new Set<number | null>();

  for (const entrance of register.entrances) {
    for (const row of entrance.floors) {
      floors.add(row.floor);
    }
  }

  return [...floors].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
}

export function premisesAt(
  register: Register,
  entrance: number | null,
  floor: number | null,
): Cell[] {
  return (
    register.entrances
      .find((e) => e.entrance === entrance)
      ?.floors.find((row) => row.floor === floor)?.premises ?? []
  );
}

/**
 * Who may pay for a premise: its live owners (persons or organisations) and the people living
 * there. The value says which kind of payer it is: `person:<id>` or `organisation:<id>`.
 */
export function payerChoices(card: PremiseCard, ownerLabel: string, residentLabel: string) {
  const choices = new Map<string, string>();

  for (const owner of card.owners) {
    const value = owner.personId
      ? `person:${owner.personId}`
      : `organisation:${owner.organisationId}`;

    choices.set(value, `${owner.name} (${ownerLabel})`);
  }

  for (const resident of card.residents) {
    const value = `person:${resident.personId}`;

    if (!choices.has(value)) {
      choices.set(value, `${resident.name} (${residentLabel})`);
    }
  }

  return [...choices].map(([value, label]) => ({ value, label }));
}

/** The kinds the register knows; anything else is shown as a flat rather than a missing text. */
export function kindOf(kind: string): 'flat' | 'non_residential' | 'parking' | 'storage' {
  return kind === 'non_residential' || kind === 'parking' || kind === 'storage' ? kind : 'flat';
}
