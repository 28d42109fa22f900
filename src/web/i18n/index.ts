import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { setRequestLanguage } from '../api/client.js';
import { enTranslation, ruTranslation } from './resources.js';

export const LANGUAGES = ['ru', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'mpdom.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** Russian unless the visitor chose English before; the product is Russian-first on purpose. */
function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);

    return isLanguage(stored) ? stored : 'ru';
  } catch {
    // Storage may be blocked (private mode, strict settings); the default still works.
    return 'ru';
  }
}

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  setRequestLanguage(language);
}

export async function initI18n() {
  const language = storedLanguage();

  await i18n.use(initReactI18next).init({
    resources: { ru: { translation: ruTranslation }, en: { translation: enTranslation } },
    lng: language,
    fallbackLng: 'ru',
    supportedLngs: LANGUAGES,
    // React escapes what it renders; escaping here too would show &amp; and friends.
    interpolation: { escapeValue: false },
    returnNull: false,
  });

  applyLanguage(language);

  i18n.on('languageChanged', (next) => {
    applyLanguage(next);

    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but the switch itself still works.
    }
  });

  return i18n;
}

export { i18n };
