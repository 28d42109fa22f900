import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { listBills, myBillingAccounts, rub, type BillingAccount } from '../../api/billing.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { PayButton } from './PayButton.js';
import { periodLabel } from './periods.js';

/** /owner/bills: each account the person pays, its balance today and its bills. */
export function OwnerBillsPage() {
  const { t } = useTranslation();
  const accounts = useQuery({
    queryKey: ['billing', 'mine'],
    queryFn: ({ signal }) => myBillingAccounts(signal),
  });

  usePageTitle(t('billing.owner.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Stack gap={4}>
        <Title order={1}>{t('billing.owner.title')}</Title>
        <Text c="dimmed">{t('billing.owner.lead')}</Text>
      </Stack>
      {accounts.isPending ? <Loading /> : null}
      {accounts.error ? (
        <ProblemAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : null}
      {accounts.data?.items.length === 0 ? <Text>{t('billing.owner.none')}</Text> : null}
      {accounts.data?.items.map((account) => (
        <AccountCard key={account.id} account={account} />
      ))}
      <Anchor component={Link} to="/owner/documents?certificate=no_debt">
        {t('billing.owner.noDebtCertificate')}
      </Anchor>
    </Stack>
  );
}

function AccountCard({ account }: { account: BillingAccount }) {
  const { t, i18n } = useTranslation();
  const bills = useQuery({
    queryKey: ['billing', 'bills', account.id],
    queryFn: ({ signal }) => listBills(account.id, signal),
  });
  const balance = bills.data?.balanceKopecks ?? account.balanceKopecks;

  return (
    <Card withBorder padding="lg" data-testid="billing-account" data-number={account.number}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {account.houseAddress},{' '}
              {t('billing.owner.premise', { number: account.premiseNumber })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('billing.owner.account', { number: account.number })} · {account.organisationName}
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Text size="sm" c="dimmed">
              {balance > 0 ? t('billing.owner.debt') : t('billing.owner.balance')}
            </Text>
            <Text fw={700} size="xl" data-testid="account-balance">
              {rub(Math.abs(balance))}
            </Text>
            {balance < 0 ? <Badge color="teal">{t('billing.owner.advance')}</Badge> : null}
            {account.overdueKopecks > 0 ? (
              <Badge color="red">
                {t('billing.owner.overdue', { amount: rub(account.overdueKopecks) })}
              </Badge>
            ) : null}
          </Stack>
        </Group>
        <Group>
          {balance > 0 ? <PayButton accountId={account.id} amountKopecks={balance} /> : null}
          <Button component={Link} to={`/owner/bills/${account.id}/history`} variant="default">
            {t('billing.owner.history')}
          </Button>
        </Group>
        {bills.error ? <ProblemAlert error={bills.error} /> : null}
        {bills.data && bills.data.items.length > 0 ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.owner.period')}</Table.Th>
                <Table.Th ta="right">{t('billing.owner.charged')}</Table.Th>
                <Table.Th ta="right">{t('billing.owner.penalties')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bills.data.items.map((bill) => (
                <Table.Tr key={bill.period}>
                  <Table.Td>
                    <Anchor component={Link} to={`/owner/bills/${account.id}/${bill.period}`}>
                      {t('billing.owner.billFor', {
                        period: periodLabel(bill.period, i18n.language),
                      })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{rub(bill.chargedKopecks)}</Table.Td>
                  <Table.Td ta="right">{rub(bill.penaltyKopecks)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : bills.data ? (
          <Text size="sm" c="dimmed">
            {t('billing.owner.noBills')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
