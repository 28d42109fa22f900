import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ReadingForm } from '../../api/meters.js';
import { formatDay, formatPeriod } from './format.js';

/**
 * Before anyone types a digit: which period a reading given today counts for, and why — the
 * window's days, and that a late reading goes to the next period (case C13).
 */
export function FormNotice({ form }: { form: ReadingForm }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  if (!form.targetPeriod) {
    return (
      <Alert color="orange" title={t('meters.form.closedTitle')} data-testid="reading-form-notice">
        {t('meters.form.closed', { opensOn: formatDay(form.opensOn, lang) })}
      </Alert>
    );
  }

  const period = formatPeriod(form.targetPeriod, lang);

  return (
    <Alert
      color={form.late ? 'orange' : 'blue'}
      title={t('meters.form.target', { period })}
      data-testid="reading-form-notice"
    >
      {form.late
        ? t('meters.form.late', { period, closesOn: formatDay(form.closesOn, lang) })
        : t('meters.form.window', {
            opensOn: formatDay(form.opensOn, lang),
            closesOn: formatDay(form.closesOn, lang),
          })}
    </Alert>
  );
}
