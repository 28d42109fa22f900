import { pick } from '../demo/synthetic-people.js';
import { splitArea } from './split-area.js';

export type HouseShape = {
  /** Total area of residential premises, hundredths of m² (the registry's AREA_LIVE). */
  residentialCenti: number;
  residentialCount: number;
  /** Total area of non-residential premises, hundredths of m² (AREA_NONLIVE); 0 if unknown. */
  nonResidentialCenti: number;
  nonResidentialCount: number;
  entrances: number;
  floors: number;
};

export type PlannedPremise = {
  number: string;
  kind: 'flat' | 'non_residential';
  floor: number;
  entrance: number | null;
  areaTotalCenti: number;
  areaLivingCenti: number | null;
  rooms: number | null;
};

// Typical total areas of one-, two- and three-room flats in Soviet-era blocks, m².
const ROOM_WEIGHTS = { 1: 33, 2: 46, 3: 61 } as const;

/**
 * Lays out the premises of a demo house so that flats add up to the registry's residential area
 * and non-residential premises to its non-residential area, to the hundredth: flats numbered
 * through the entrances floor by floor, commercial premises on the ground floor.
 */
export function planDemoPremises(shape: HouseShape, random: () => number): PlannedPremise[] {
  const entrances = Math.max(1, shape.entrances);
  const floors = Math.max(1, shape.floors);
  const perEntrance = Math.ceil(shape.residentialCount / entrances);
  const perFloor = Math.max(1, Math.ceil(perEntrance / floors));

  const rooms = Array.from({ length: shape.residentialCount }, () =>
    pick(random, [1, 1, 2, 2, 2, 3] as const),
  );
  // A little jitter so that flats of the same size differ as they do in real houses.
  const weights = rooms.map((r) => ROOM_WEIGHTS[r] * (0.92 + random() * 0.16));
  const flatAreas = shape.residentialCount > 0 ? splitArea(shape.residentialCenti, weights) : [];

  const flats: PlannedPremise[] = flatAreas.map((areaTotalCenti, index) => {
    const entrance = Math.min(entrances, Math.floor(index / perEntrance) + 1);
    const positionInEntrance = index - (entrance - 1) * perEntrance;

    return {
      number: String(index + 1),
      kind: 'flat',
      floor: Math.min(floors, Math.floor(positionInEntrance / perFloor) + 1),
      entrance,
      areaTotalCenti,
      areaLivingCenti: Math.round(areaTotalCenti * 0.62),
      rooms: rooms[index] ?? null,
    };
  });

  const nonResidentialCount = shape.nonResidentialCenti > 0 ? shape.nonResidentialCount : 0;
  const commercialAreas =
    nonResidentialCount > 0
      ? splitArea(
          shape.nonResidentialCenti,
          Array.from({ length: nonResidentialCount }, () => 0.5 + random()),
        )
      : [];

  const commercial: PlannedPremise[] = commercialAreas.map((areaTotalCenti, index) => ({
    number: `Н${index + 1}`,
    kind: 'non_residential',
    floor: 1,
    entrance: null,
    areaTotalCenti,
    areaLivingCenti: null,
    rooms: null,
  }));

  return [...flats, ...commercial];
}
