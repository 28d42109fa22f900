/**
 * The "chessboard" (шахматка) of a house: flats laid out by entrance and floor the way staff of a
 * management organisation picture the building — top floor first, flats of a floor left to right
 * in number order. Premises that are not flats (shops and offices, parking places, storage rooms)
 * have no place in an entrance's stack and get a row of their own per kind.
 */

export type BoardPremise = {
  number: string;
  kind: string;
  entrance: number | null;
  floor: number | null;
};

export type BoardFloor<P> = { floor: number | null; premises: P[] };

export type BoardEntrance<P> = {
  /** null gathers flats whose entrance is not recorded. */
  entrance: number | null;
  floors: BoardFloor<P>[];
  premisesCount: number;
};

export type BoardRow<P> = { kind: string; premises: P[] };

export type Chessboard<P> = { entrances: BoardEntrance<P>[]; other: BoardRow<P>[] };

/** The entrances a house declares, with how many floors each has (when known). */
export type DeclaredEntrance = { number: number; floors: number | null };

/** The kinds that get their own row, in the order the rows are shown. */
export const OTHER_ROW_ORDER = ['non_residential', 'parking', 'storage'] as const;

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/**
 * Orders premise numbers as people read them: «2» before «10», «12» before «12а» before «12б»,
 * «Н2» before «Н10». Numbers that compare equal (a stray leading zero) keep a stable order.
 */
export function comparePremiseNumbers(a: string, b: string): number {
  const natural = collator.compare(a.trim(), b.trim());

  if (natural !== 0) {
    return natural;
  }

  return a < b ? -1 : a > b ? 1 : 0;
}

/** Top floor first, as the building stands; an unknown floor goes below the ground floor. */
function compareFloors(a: number | null, b: number | null): number {
  if (a === b) {
    return 0;
  }

  if (a === null) {
    return 1;
  }

  if (b === null) {
    return -1;
  }

  return b - a;
}

function byNumber<P extends BoardPremise>(a: P, b: P) {
  return comparePremiseNumbers(a.number, b.number);
}

/**
 * Groups premises into the chessboard. Declared entrances appear even when empty, and each
 * entrance shows every floor from the first to its top (declared or occupied), so rows of
 * neighbouring entrances line up and a floor without flats (shops below) is visibly empty.
 */
export function layoutChessboard<P extends BoardPremise>(
  premises: readonly P[],
  declared: readonly DeclaredEntrance[] = [],
): Chessboard<P> {
  const flats = new Map<number | null, P[]>();
  const other = new Map<string, P[]>();

  for (const entrance of declared) {
    flats.set(entrance.number, []);
  }

  for (const premise of premises) {
    if (premise.kind === 'flat') {
      const list = flats.get(premise.entrance) ?? [];

      list.push(premise);
      flats.set(premise.entrance, list);
    } else {
      const list = other.get(premise.kind) ?? [];

      list.push(premise);
      other.set(premise.kind, list);
    }
  }

  const declaredFloors = new Map(declared.map((e) => [e.number, e.floors ?? 0]));

  const entrances = [...flats.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([entrance, list]) => ({
      entrance,
      floors: floorsOf(list, entrance === null ? 0 : (declaredFloors.get(entrance) ?? 0)),
      premisesCount: list.length,
    }));

  const kindRank = (kind: string) => {
    const rank = (OTHER_ROW_ORDER as readonly string[]).indexOf(kind);

    return rank === -1 ? OTHER_ROW_ORDER.length : rank;
  };

  const rows = [...other.entries()]
    .sort(([a], [b]) => kindRank(a) - kindRank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({ kind, premises: [...list].sort(byNumber) }));

  return { entrances, other: rows };
}

function floorsOf<P extends BoardPremise>(list: P[], declaredTop: number): BoardFloor<P>[] {
  const byFloor = new Map<number | null, P[]>();
  const known = list.map((p) => p.floor).filter((f): f is number => f !== null);
  const top = Math.max(declaredTop, ...known, 0);
  const bottom = Math.min(1, ...known);

  // A sanity bound: a typo like floor 900 must not draw nine hundred empty rows.
  if (top - bottom < 200) {
    for (let floor = bottom; floor <= top; floor += 1) {
      byFloor.set(floor, []);
    }
  }

  for (const premise of list) {
    const floor = byFloor.get(premise.floor) ?? [];

    floor.push(premise);
    byFloor.set(premise.floor, floor);
  }

  return [...byFloor.entries()]
    .sort(([a], [b]) => compareFloors(a, b))
    .map(([floor, premises]) => ({ floor, premises: premises.sort(byNumber) }));
}
