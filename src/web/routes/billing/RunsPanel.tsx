import {
  Badge,
  Button,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { closeRun, getRun, listRuns, rub, startRun, type Run } from '../../api/billing.js';
import { listOrgHouses } from '../../api/houseRegister.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { periodLabel, previousPeriod } from './periods.js';

const STATUS_COLOR: Record<Run['status'], string> = {
  queued: 'gray',
  running: 'blue',
  draft: 'yellow',
  failed: 'red',
  closed: 'teal',
};

/** Start a house's run for a period, watch its progress, then close the period. */
export function RunsPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const houses = useQuery({
    queryKey: ['billing', 'houses', orgId],
    queryFn: ({ signal }) => listOrgHouses(orgId, { limit: 100, page: 1 }, signal),
  });
  const [houseId, setHouseId] = useState<string | null>(null);
  const [period, setPeriod] = useState(previousPeriod());
  const [current, setCurrent] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: ['billing', 'runs', orgId],
    queryFn: ({ signal }) => listRuns(orgId, signal),
  });
  const watched = useQuery({
    queryKey: ['billing', 'run', current],
    queryFn: ({ signal }) => getRun(current!, signal),
    enabled: current !== null,
    refetchInterval: (query) =>
      ['queued', 'running'].includes(query.state.data?.status ?? 'queued') ? 1000 : false,
  });
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: ['billing', 'runs', orgId] });
  const start = useMutation({
    mutationFn: () => startRun(orgId, houseId!, period),
    onSuccess: (run) => {
      setCurrent(run.id);
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: (id: string) => closeRun(id),
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['billing', 'run'] });
    },
  });
  const run = watched.data;

  if (
    run &&
    !['queued', 'running'].includes(run.status) &&
    runs.data &&
    !runs.data.items.some((r) => r.id === run.id && r.status === run.status)
  ) {
    refresh();
  }

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('billing.runs.house')}
          data={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.address }))}
          value={houseId}
          onChange={setHouseId}
          searchable
          w="28rem"
        />
        <TextInput
          label={t('billing.runs.period')}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          w="8rem"
        />
        <Button
          onClick={() => start.mutate()}
          disabled={!houseId || !/^\d{4}-\d{2}$/.test(period)}
          loading={start.isPending}
        >
          {t('billing.runs.start')}
        </Button>
      </Group>
      {start.error ? <ProblemAlert error={start.error} /> : null}
      {close.error ? <ProblemAlert error={close.error} /> : null}
      {run ? (
        <Stack gap={4} data-testid="run-progress">
          <Text>
            {t('billing.runs.progress', { done: run.accountsDone, total: run.accountsTotal })} ·{' '}
            <Badge color={STATUS_COLOR[run.status]}>{t(`billing.runs.status.${run.status}`)}</Badge>
          </Text>
          <Progress
            value={run.accountsTotal ? (100 * run.accountsDone) / run.accountsTotal : 0}
            aria-label={t('billing.runs.progressLabel')}
          />
        </Stack>
      ) : null}
      {runs.error ? <ProblemAlert error={runs.error} /> : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.runs.period')}</Table.Th>
            <Table.Th>{t('billing.runs.house')}</Table.Th>
            <Table.Th>{t('billing.runs.state')}</Table.Th>
            <Table.Th ta="right">{t('billing.runs.accounts')}</Table.Th>
            <Table.Th ta="right">{t('billing.runs.charged')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(runs.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id} data-testid="run-row" data-status={r.status}>
              <Table.Td>{periodLabel(r.period, i18n.language)}</Table.Td>
              <Table.Td>{r.houseAddress}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[r.status]}>{t(`billing.runs.status.${r.status}`)}</Badge>
              </Table.Td>
              <Table.Td ta="right">
                {r.accountsDone} / {r.accountsTotal}
              </Table.Td>
              <Table.Td ta="right">{rub(r.chargedKopecks + r.penaltyKopecks)}</Table.Td>
              <Table.Td>
                {r.status === 'draft' ? (
                  <Button size="xs" onClick={() => close.mutate(r.id)} loading={close.isPending}>
                    {t('billing.runs.close')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
