/**
 * Synthetic residents for the demo world: plausible Russian names drawn from short lists by a
 * seeded generator, so the same database always gets the same people and none of them is real.
 */

const MALE = {
  surnames: ['Демидов', 'Кузнецов', 'Орлов', 'Соколов', 'Лебедев', 'Волков', 'Зайцев', 'Морозов'],
  names: ['Алексей', 'Иван', 'Сергей', 'Дмитрий', 'Андрей', 'Павел', 'Михаил', 'Николай'],
  patronymics: ['Петрович', 'Иванович', 'Сергеевич', 'Андреевич', 'Олегович', 'Юрьевич'],
};

const FEMALE = {
  surnames: ['Демидова', 'Кузнецова', 'Орлова', 'Соколова', 'Лебедева', 'Волкова', 'Зайцева'],
  names: ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана'],
  patronymics: ['Петровна', 'Ивановна', 'Сергеевна', 'Андреевна', 'Олеговна', 'Юрьевна'],
};

export type SyntheticPerson = { surname: string; name: string; patronymic: string };

/** mulberry32: a tiny deterministic PRNG; quality is ample for picking names. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;

    let t = state;

    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];

  if (item === undefined) {
    throw new RangeError('cannot pick from an empty list');
  }

  return item;
}

export function syntheticPerson(random: () => number): SyntheticPerson {
  const set = random() < 0.5 ? MALE : FEMALE;

  return {
    surname: pick(random, set.surnames),
    name: pick(random, set.names),
    patronymic: pick(random, set.patronymics),
  };
}
