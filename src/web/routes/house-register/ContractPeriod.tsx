import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ContractBrief } from '../../api/houseRegister.js';
import { formatDay } from '../../i18n/format.js';

/** «Договор № ДУ-1 с 1 июня 2015 г. (бессрочно)» or with its last day. */
export function ContractPeriod({ contract }: { contract: ContractBrief }) {
  const { t, i18n } = useTranslation();
  const from = formatDay(contract.startedOn, i18n.language);

  return (
    <Text size="sm">
      {contract.number
        ? t('houseRegister.contract.numbered', { number: contract.number })
        : t('houseRegister.contract.unnumbered')}{' '}
      {contract.endedOn
        ? t('houseRegister.contract.period', {
            from,
            to: formatDay(contract.endedOn, i18n.language),
          })
        : t('houseRegister.contract.openEnded', { from })}
    </Text>
  );
}
