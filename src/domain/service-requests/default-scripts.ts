import type { Category } from './categories.js';
import type { AssistantScript } from './assistant.js';

/**
 * The assistant's dialogues an organisation starts from until it edits its own. Short on
 * purpose: two or three questions that change what the dispatcher does.
 */

const yes = { ru: 'Да', en: 'Yes' };
const no = { ru: 'Нет', en: 'No' };

export const DEFAULT_SCRIPTS: Record<Category, AssistantScript> = {
  plumbing: {
    category: 'plumbing',
    intro: {
      ru: 'Расскажите, что с водой или канализацией.',
      en: 'Tell us what is wrong with the water or the drains.',
    },
    questions: [
      {
        id: 'what',
        text: { ru: 'Что случилось?', en: 'What happened?' },
        options: [
          {
            id: 'flooding',
            label: {
              ru: 'Течёт сильно, заливает квартиру или соседей',
              en: 'A strong leak, flooding the flat or the neighbours',
            },
            emergency: 'flooding',
          },
          {
            id: 'leak',
            label: {
              ru: 'Капает кран или подтекает труба',
              en: 'A dripping tap or a weeping pipe',
            },
            next: 'valve',
          },
          {
            id: 'blockage',
            label: { ru: 'Засор канализации', en: 'A blocked drain' },
            blockage: 'sewer',
          },
          { id: 'no_water', label: { ru: 'Нет воды', en: 'No water' }, next: 'neighbours' },
        ],
      },
      {
        id: 'valve',
        text: {
          ru: 'Вода перекрывается краном на вводе в квартиру?',
          en: 'Does the inlet valve of the flat shut the water off?',
        },
        options: [
          {
            id: 'yes',
            label: yes,
            selfHelp: {
              ru: 'Перекройте кран на вводе до прихода сантехника и подставьте ёмкость.',
              en: 'Keep the inlet valve shut until the plumber comes and put a bowl under the leak.',
            },
          },
          { id: 'no', label: no },
        ],
      },
      {
        id: 'neighbours',
        text: { ru: 'У соседей вода есть?', en: 'Do the neighbours have water?' },
        options: [
          {
            id: 'yes',
            label: yes,
            selfHelp: {
              ru: 'Проверьте, открыт ли кран на вводе в квартиру и не засорён ли фильтр.',
              en: 'Check that the inlet valve of the flat is open and its filter is clean.',
            },
          },
          { id: 'no', label: no },
        ],
      },
    ],
  },
  heating: {
    category: 'heating',
    intro: { ru: 'Расскажите про отопление.', en: 'Tell us about the heating.' },
    questions: [
      {
        id: 'what',
        text: { ru: 'Что с отоплением?', en: 'What is wrong with the heating?' },
        options: [
          {
            id: 'none',
            label: {
              ru: 'Батареи холодные во всей квартире',
              en: 'The radiators are cold in the whole flat',
            },
            next: 'frost',
          },
          {
            id: 'one',
            label: { ru: 'Холодная одна батарея', en: 'One radiator is cold' },
            selfHelp: {
              ru: 'Проверьте, открыт ли вентиль на батарее; если есть кран Маевского — стравите воздух.',
              en: 'Check the radiator valve is open; bleed the air through its air valve if it has one.',
            },
          },
          {
            id: 'leak',
            label: {
              ru: 'Течёт батарея или труба отопления',
              en: 'A radiator or heating pipe leaks',
            },
            emergency: 'flooding',
          },
        ],
      },
      {
        id: 'frost',
        text: { ru: 'На улице мороз (ниже −5 °C)?', en: 'Is it freezing outside (below −5 °C)?' },
        options: [
          { id: 'yes', label: yes, frost: true, emergency: 'no_heating_frost' },
          { id: 'no', label: no },
        ],
      },
    ],
  },
  electricity: {
    category: 'electricity',
    intro: { ru: 'Расскажите про электричество.', en: 'Tell us about the electricity.' },
    questions: [
      {
        id: 'what',
        text: { ru: 'Что случилось?', en: 'What happened?' },
        options: [
          {
            id: 'sparking',
            label: { ru: 'Искрит, дымит или пахнет гарью', en: 'Sparks, smoke or a burning smell' },
            emergency: 'sparking',
          },
          {
            id: 'flat',
            label: { ru: 'Нет света только у меня', en: 'Only my flat has no power' },
            next: 'breaker',
          },
          {
            id: 'house',
            label: {
              ru: 'Нет света во всём подъезде или доме',
              en: 'The whole entrance or house has no power',
            },
          },
        ],
      },
      {
        id: 'breaker',
        text: {
          ru: 'Автоматы в квартирном щитке включены?',
          en: 'Are the breakers in the flat panel on?',
        },
        options: [
          {
            id: 'tripped',
            label: { ru: 'Один выключился', en: 'One has tripped' },
            selfHelp: {
              ru: 'Выключите приборы в этой линии и поднимите автомат. Если он снова выбивает — оставьте выключенным и дождитесь электрика.',
              en: 'Unplug the appliances on that line and switch the breaker back on. If it trips again, leave it off and wait for the electrician.',
            },
          },
          { id: 'on', label: { ru: 'Все включены', en: 'All are on' } },
        ],
      },
    ],
  },
  lift: {
    category: 'lift',
    intro: { ru: 'Расскажите про лифт.', en: 'Tell us about the lift.' },
    questions: [
      {
        id: 'people',
        text: { ru: 'В кабине застряли люди?', en: 'Are people stuck in the car?' },
        options: [
          { id: 'yes', label: yes, emergency: 'lift_people' },
          { id: 'no', label: no },
        ],
      },
    ],
  },
  roof: {
    category: 'roof',
    intro: { ru: 'Расскажите про кровлю.', en: 'Tell us about the roof.' },
    questions: [
      {
        id: 'leak',
        text: { ru: 'С потолка течёт вода?', en: 'Is water coming through the ceiling?' },
        options: [
          { id: 'strong', label: { ru: 'Да, сильно', en: 'Yes, a lot' }, emergency: 'flooding' },
          { id: 'drops', label: { ru: 'Капает или мокрое пятно', en: 'Drops or a wet patch' } },
          { id: 'no', label: no },
        ],
      },
    ],
  },
  cleaning: {
    category: 'cleaning',
    intro: { ru: 'Расскажите, где нужна уборка.', en: 'Tell us what needs cleaning.' },
    questions: [
      {
        id: 'what',
        text: { ru: 'Что нужно сделать?', en: 'What is needed?' },
        options: [
          {
            id: 'chute',
            label: { ru: 'Засор мусоропровода', en: 'A blocked garbage chute' },
            blockage: 'garbage_chute',
          },
          { id: 'stairs', label: { ru: 'Убрать подъезд', en: 'Clean the staircase' } },
        ],
      },
    ],
  },
  yard: {
    category: 'yard',
    intro: { ru: 'Расскажите, что во дворе.', en: 'Tell us about the yard.' },
    questions: [],
  },
  intercom: {
    category: 'intercom',
    intro: { ru: 'Расскажите про домофон.', en: 'Tell us about the intercom.' },
    questions: [
      {
        id: 'what',
        text: { ru: 'Что не работает?', en: 'What does not work?' },
        options: [
          {
            id: 'handset',
            label: { ru: 'Трубка в квартире', en: 'The handset in the flat' },
            selfHelp: {
              ru: 'Проверьте, лежит ли трубка на рычаге и подключён ли провод.',
              en: 'Check the handset sits on its hook and the cable is plugged in.',
            },
          },
          {
            id: 'door',
            label: { ru: 'Панель у двери подъезда', en: 'The panel at the entrance door' },
          },
        ],
      },
    ],
  },
  other: {
    category: 'other',
    intro: { ru: 'Опишите, что случилось.', en: 'Describe what happened.' },
    questions: [],
  },
};
