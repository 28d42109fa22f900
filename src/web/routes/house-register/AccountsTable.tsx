import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Account } from '../../api/houseRegister.js';
import { formatDay } from '../../i18n/format.js';
import { shortAddress } from '../houses/address.js';
import { kindOf } from './registerView.js';

/** The accounts of one page: ЕЛС, payer, premise and period, with a way to close an open one. */
export function AccountsTable({
  accounts,
  onClose,
}: {
  accounts: Account[];
  onClose: (account: Account) => void;
}) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => formatDay(iso, i18n.language);

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={t('houseRegister.accounts.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('houseRegister.accounts.number')}</Table.Th>
            <Table.Th>{t('houseRegister.accounts.payer')}</Table.Th>
            <Table.Th>{t('houseRegister.accounts.premise')}</Table.Th>
            <Table.Th>{t('houseRegister.accounts.period')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('houseRegister.accounts.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id} data-testid="account-row" data-number={account.number}>
              <Table.Td>
                <Text ff="monospace" fw={600}>
                  {account.number}
                </Text>
                {account.localNumber ? (
                  <Text size="xs" c="dimmed">
                    {account.localNumber}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td lang="ru">{account.payer.name}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/org/houses/${account.premise.houseId}?org=${account.organisation.id}`}
                  size="sm"
                >
                  {t(`houseRegister.kinds.${kindOf(account.premise.kind)}`)}{' '}
                  {account.premise.number},{' '}
                  <span lang="ru">{shortAddress(account.premise.houseAddress)}</span>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('houseRegister.accounts.openedOn', { date: day(account.openedOn) })}
                </Text>
                {account.closedOn ? (
                  <Badge variant="outline" color="gray.7">
                    {t('houseRegister.accounts.closedOn', { date: day(account.closedOn) })}
                  </Badge>
                ) : null}
                {account.closeReason ? (
                  <Text size="xs" c="dimmed">
                    {account.closeReason}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {account.status === 'open' ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => onClose(account)}
                    aria-label={t('houseRegister.accounts.closeNumber', { number: account.number })}
                  >
                    {t('houseRegister.accounts.close')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
