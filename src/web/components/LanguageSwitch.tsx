import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { isLanguage, LANGUAGES, type Language } from '../i18n/index.js';

const SHORT: Record<Language, string> = { ru: 'RU', en: 'EN' };

/**
 * RU / EN switch. Each option's accessible name is the language's own name, so a screen reader
 * user hears "English" rather than "E N".
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ru';

  const change = async (value: string) => {
    if (!isLanguage(value) || value === current) {
      return;
    }

    await i18n.changeLanguage(value);

    // Problem messages were written by the server in the old language: ask again.
    await queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={current}
      onChange={(value) => void change(value)}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <>
            <span aria-hidden="true" lang={language}>
              {SHORT[language]}
            </span>
            <VisuallyHidden lang={language}>{t(`language.${language}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}
