import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { billPdfUrl, getBill, rub } from '../../api/billing.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { PayButton } from './PayButton.js';
import { periodLabel } from './periods.js';

const ru = (decimal: string | null) =>
  decimal === null ? '' : decimal.replace(/\.?0+$/, '').replace('.', ',');

/** /owner/bills/:accountId/:period: the ЕПД on screen, every line with how it was counted. */
export function BillPage() {
  const { t, i18n } = useTranslation();
  const { accountId = '', period = '' } = useParams();
  const bill = useQuery({
    queryKey: ['billing', 'bill', accountId, period],
    queryFn: ({ signal }) => getBill(accountId, period, signal),
  });

  usePageTitle(t('billing.bill.title', { period: periodLabel(period, i18n.language) }));

  if (bill.isPending) {
    return <Loading />;
  }

  if (bill.error) {
    return <ProblemAlert error={bill.error} onRetry={() => void bill.refetch()} />;
  }

  const b = bill.data;

  return (
    <Stack gap="lg" maw="64rem">
      <Anchor component={Link} to="/owner/bills">
        {t('billing.bill.back')}
      </Anchor>
      <Title order={1}>
        {t('billing.bill.title', { period: periodLabel(period, i18n.language) })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('billing.bill.documentId', { id: b.documentId })} ·{' '}
        {t('billing.owner.account', { number: b.account.number })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5">
            {t('billing.bill.payer')}
          </Title>
          <Text>{b.payer.name}</Text>
          <Text size="sm">
            {b.premise.address}, {t('billing.owner.premise', { number: b.premise.number })}
          </Text>
          <Text size="sm">
            {t('billing.bill.area', { area: ru(b.premise.areaM2), residents: b.premise.residents })}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={2} size="h5">
            {t('billing.bill.payee')}
          </Title>
          <Text>{b.executor.payeeName}</Text>
          <Text size="sm">
            {t('billing.bill.bank', {
              account: b.executor.settlementAccount,
              bank: b.executor.bankName,
              bik: b.executor.bik,
            })}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Sum label={t('billing.bill.debtAtStart')} kopecks={b.debtAtStartKopecks} />
          <Sum label={t('billing.bill.paid')} kopecks={b.paidInPeriodKopecks} />
          <Sum label={t('billing.bill.charged')} kopecks={b.chargedKopecks} />
          <Sum
            label={
              b.totalDueKopecks >= 0
                ? t('billing.bill.totalDue', { date: b.dueDate })
                : t('billing.owner.advance')
            }
            kopecks={Math.abs(b.totalDueKopecks)}
            testId="bill-total"
          />
        </SimpleGrid>
      </Card>
      <Group>
        <Button
          component="a"
          href={billPdfUrl(accountId, period)}
          target="_blank"
          variant="default"
        >
          {t('billing.bill.pdf')}
        </Button>
        {b.totalDueKopecks > 0 ? (
          <PayButton accountId={accountId} amountKopecks={b.totalDueKopecks} period={period} />
        ) : null}
      </Group>
      <Title order={2} size="h4">
        {t('billing.bill.calculation')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billing.bill.service')}</Table.Th>
              <Table.Th ta="right">{t('billing.bill.volume')}</Table.Th>
              <Table.Th ta="right">{t('billing.bill.rate')}</Table.Th>
              <Table.Th ta="right">{t('billing.bill.accrued')}</Table.Th>
              <Table.Th ta="right">{t('billing.bill.recalculation')}</Table.Th>
              <Table.Th ta="right">{t('billing.bill.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.lines.map((line) => (
              <Table.Tr key={`${line.service}:${line.zone}:${line.method}`} data-testid="bill-line">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {line.serviceName}
                  </Text>
                  {line.explanations.map((why) => (
                    <Text key={why} size="xs" c="dimmed">
                      {why}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td ta="right">{ru(line.quantity)}</Table.Td>
                <Table.Td ta="right">{ru(line.rate)}</Table.Td>
                <Table.Td ta="right">{rub(line.accruedKopecks)}</Table.Td>
                <Table.Td ta="right">{rub(line.recalculationKopecks)}</Table.Td>
                <Table.Td ta="right">{rub(line.totalKopecks)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {b.penalties.kopecks > 0 ? (
        <Card withBorder>
          <Title order={2} size="h5">
            {t('billing.bill.penalties', { amount: rub(b.penalties.kopecks) })}
          </Title>
          <List size="sm">
            {b.penalties.explanations.map((why) => (
              <List.Item key={why}>{why}</List.Item>
            ))}
          </List>
        </Card>
      ) : null}
      {b.recalculations.length > 0 ? (
        <Card withBorder>
          <Title order={2} size="h5">
            {t('billing.bill.recalculations')}
          </Title>
          <List size="sm">
            {b.recalculations.map((r) => (
              <List.Item
                key={`${r.service}:${r.correctsPeriod}:${r.ground}`}
              >{`${r.correctsPeriod ?? ''}: ${rub(r.kopecks)} — ${r.ground}`}</List.Item>
            ))}
          </List>
        </Card>
      ) : null}
    </Stack>
  );
}

function Sum({ label, kopecks, testId }: { label: string; kopecks: number; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-testid={testId}>
        {rub(kopecks)}
      </Text>
    </Stack>
  );
}
