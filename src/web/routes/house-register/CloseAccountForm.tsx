import { useTranslation } from 'react-i18next';

import { closeAccount } from '../../api/houseRegister.js';
import { EndOnDateForm } from './EndOnDateForm.js';

/** Closes a personal account on a date, with the reason the journal keeps. */
export function CloseAccountForm(props: {
  accountId: string;
  accountNumber: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();

  return (
    <EndOnDateForm
      title={t('houseRegister.close.title', { number: props.accountNumber })}
      dateField="closedOn"
      dateLabel={t('houseRegister.close.closedOn')}
      reasonLabel={t('houseRegister.close.reason')}
      reasonHint={t('houseRegister.close.reasonHint')}
      submitLabel={t('houseRegister.close.submit')}
      send={(closedOn, reason) => closeAccount(props.accountId, { closedOn, reason })}
      onDone={props.onDone}
    />
  );
}
