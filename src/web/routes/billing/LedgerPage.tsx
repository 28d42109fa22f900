import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { getLedger, rub } from '../../api/billing.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';

/** /owner/bills/:accountId/history: every accrual, penalty, payment and reversal, newest first. */
export function LedgerPage() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  const ledger = useQuery({
    queryKey: ['billing', 'ledger', accountId],
    queryFn: ({ signal }) => getLedger(accountId, signal),
  });

  usePageTitle(t('billing.ledger.title'));

  return (
    <Stack gap="lg" maw="64rem">
      <Anchor component={Link} to="/owner/bills">
        {t('billing.bill.back')}
      </Anchor>
      <Title order={1}>{t('billing.ledger.title')}</Title>
      {ledger.isPending ? <Loading /> : null}
      {ledger.error ? <ProblemAlert error={ledger.error} /> : null}
      {ledger.data ? (
        <>
          <Text fw={600}>
            {t('billing.ledger.balance', { amount: rub(ledger.data.balanceKopecks) })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.ledger.date')}</Table.Th>
                  <Table.Th>{t('billing.ledger.what')}</Table.Th>
                  <Table.Th ta="right">{t('billing.ledger.amount')}</Table.Th>
                  <Table.Th ta="right">{t('billing.ledger.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.data.items.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="ledger-entry" data-kind={entry.kind}>
                    <Table.Td>{entry.entryOn}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t(`billing.ledger.kinds.${entry.kind as 'accrual'}`)}
                        {entry.reversedBy ? ` · ${t('billing.ledger.reversed')}` : ''}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {entry.description}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{rub(entry.amountKopecks)}</Table.Td>
                    <Table.Td ta="right">{rub(entry.balanceKopecks)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
