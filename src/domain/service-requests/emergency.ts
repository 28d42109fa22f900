/**
 * Recognising an emergency from what the resident wrote or answered: flooding, a gas smell, no
 * heating in frost, people stuck in a lift, sparking wiring. These get emergency priority and
 * the instructions below at once, before anyone at the dispatch has read the request.
 */

export const EMERGENCY_REASONS = [
  'flooding',
  'gas',
  'no_heating_frost',
  'lift_people',
  'sparking',
] as const;

export type EmergencyReason = (typeof EMERGENCY_REASONS)[number];

type Text = { ru: string; en: string };

/** What to do while help is on the way; shown the moment an emergency is recognised. */
export const EMERGENCY_INSTRUCTIONS: Record<EmergencyReason, Text> = {
  gas: {
    ru: 'Не включайте и не выключайте свет и электроприборы, не пользуйтесь открытым огнём. Откройте окна, выйдите из квартиры и позвоните в газовую службу 104 или 112.',
    en: 'Do not switch lights or appliances on or off and do not use open flame. Open the windows, leave the flat and call the gas service at 104 or 112.',
  },
  flooding: {
    ru: 'Перекройте воду на вводе в квартиру, обесточьте залитые комнаты, предупредите соседей снизу. Аварийная служба уже получила заявку.',
    en: 'Shut off the water at the inlet of the flat, cut the power in flooded rooms and warn the neighbours below. The emergency service has the request.',
  },
  no_heating_frost: {
    ru: 'Закройте окна и форточки, не оставляйте детей и пожилых в холодной квартире, не используйте газовую плиту для обогрева. Аварийная служба уже получила заявку.',
    en: 'Close the windows, do not leave children or elderly people in the cold flat and never heat with a gas stove. The emergency service has the request.',
  },
  lift_people: {
    ru: 'Не пытайтесь выбраться из кабины или раздвинуть двери. Нажмите кнопку связи с диспетчером в кабине; если людям плохо — звоните 112.',
    en: 'Do not try to climb out or force the doors. Press the call button in the car; if anyone feels unwell, call 112.',
  },
  sparking: {
    ru: 'Не трогайте провода и щиток, отключите автомат квартиры, если это безопасно. При дыме или огне звоните 101 или 112.',
    en: 'Do not touch the wires or the panel; switch off the flat’s breaker if it is safe. If there is smoke or fire, call 101 or 112.',
  },
};

const PATTERNS: [EmergencyReason, RegExp][] = [
  ['gas', /запах\S* газ|пахн\S* газ|газом пахн|утечк\S* газ|gas (smell|leak)|smell\S* (of )?gas/],
  // Water from above or a burst, said in the many ways people say it. «Не топят» is about
  // heating, so «топит» counts only with whom or where it floods.
  [
    'flooding',
    new RegExp(
      [
        'затоп|залива|залил[аи]? |прорвал|прорыв\\S* труб|потоп|хлещ|flood|burst pipe',
        'топ(ит|ят|ил[аи]?) (соседей|нас|меня|квартир|сверху|снизу|подвал)',
        '(теч|льет|льют|бежит|капает|сочится)\\S* .{0,20}(потол|по стен|сверху|с люстр|из люстр)',
        '(с|из|по) потолк\\S* .{0,20}(теч|льет|капает|бежит|хлещет|сочится)',
        'вод\\S* .{0,15}(льется|хлещет|бежит|фонтаном)',
      ].join('|'),
    ),
  ],
  [
    'lift_people',
    /(застрял|застряли|застряла)\S*.{0,40}лифт|лифт.{0,40}(застрял|люди внутри|человек внутри|ребен\S* внутри)|stuck in (the )?lift|people (stuck|trapped) in/,
  ],
  ['sparking', /искрит|искры из|дым из (щит|розетк)|горит проводк|sparking|smoke from the panel/],
];

const NO_HEATING =
  /нет отоплени|не гре|холодные батаре|батареи холодн|отопление не работ|no heating/;
const FROST = /мороз|минус \d|-\s?\d{1,2}\s?°|frost|freezing/;

/** Lowercases, turns ё into е and folds spaces, so the patterns see one spelling. */
export function foldText(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

/**
 * The emergencies a description names. «No heating» is an emergency only in frost: said in the
 * text, or answered in the assistant (`frost`).
 */
export function recognizeEmergency(description: string, hints: { frost?: boolean } = {}) {
  const text = foldText(description);
  const reasons = new Set<EmergencyReason>();

  for (const [reason, pattern] of PATTERNS) {
    if (pattern.test(text)) {
      reasons.add(reason);
    }
  }

  if (NO_HEATING.test(text) && (hints.frost || FROST.test(text))) {
    reasons.add('no_heating_frost');
  }

  return [...reasons];
}
