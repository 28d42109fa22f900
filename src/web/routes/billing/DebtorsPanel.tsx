import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { listDebtors, rub } from '../../api/billing.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** Accounts in debt today with the age of their oldest unpaid period, oldest first. */
export function DebtorsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const debtors = useQuery({
    queryKey: ['billing', 'debtors', orgId],
    queryFn: ({ signal }) => listDebtors(orgId, signal),
  });

  if (debtors.isPending) {
    return <Loading />;
  }

  if (debtors.error) {
    return <ProblemAlert error={debtors.error} />;
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('billing.debtors.onDate', { date: debtors.data.onDate })}
      </Text>
      {debtors.data.items.length === 0 ? <Text>{t('billing.debtors.none')}</Text> : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.debtors.account')}</Table.Th>
            <Table.Th>{t('billing.debtors.address')}</Table.Th>
            <Table.Th ta="right">{t('billing.debtors.debt')}</Table.Th>
            <Table.Th ta="right">{t('billing.debtors.overdue')}</Table.Th>
            <Table.Th>{t('billing.debtors.age')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {debtors.data.items.map((d) => (
            <Table.Tr key={d.id} data-testid="debtor">
              <Table.Td>
                {d.number}
                <Text size="xs" c="dimmed">
                  {d.payer}
                </Text>
              </Table.Td>
              <Table.Td>
                {d.houseAddress}, {d.premiseNumber}
              </Table.Td>
              <Table.Td ta="right">{rub(d.balanceKopecks)}</Table.Td>
              <Table.Td ta="right">{rub(d.overdueKopecks)}</Table.Td>
              <Table.Td>
                <Badge color={d.daysOverdue > 90 ? 'red' : d.daysOverdue > 30 ? 'orange' : 'gray'}>
                  {t('billing.debtors.days', { count: d.daysOverdue })}
                </Badge>
                {d.oldestPeriod ? (
                  <Text size="xs" c="dimmed">
                    {t('billing.debtors.since', { period: d.oldestPeriod })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
