import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title; screen readers announce it, so each page gets its own. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  const appName = t('app.name');

  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName;
  }, [title, appName]);
}
