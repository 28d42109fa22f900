import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import {
  listClaimQueues,
  listQueueClaims,
  type ClaimQueue,
  type ClaimStatus,
} from '../../api/propertyClaims.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { QUEUE_KEY, QueueClaimCard } from './QueueClaimCard.js';

const STATUSES: ClaimStatus[] = ['conflict', 'approved', 'rejected', 'withdrawn', 'confirmed'];

/**
 * /org/claims: the conflicts routed to the person's organisation (or, for the platform's
 * operators, to the operator), oldest first, each with its mismatches, scans and registry facts.
 */
export function ClaimQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const queues = useQuery({
    queryKey: [...QUEUE_KEY, 'list'],
    queryFn: ({ signal }) => listClaimQueues(signal),
    staleTime: 0,
  });

  usePageTitle(t('property.queue.title'));

  const list = queues.data ?? [];
  const chosen = list.find((q) => q.organisationId === params.get('org')) ?? list[0];
  const status: ClaimStatus = STATUSES.find((s) => s === params.get('status')) ?? 'conflict';
  const set = (patch: Record<string, string>) =>
    setParams({
      org: chosen?.organisationId ?? '',
      status,
      ...patch,
    });

  return (
    <Stack gap="lg" maw="64rem">
      <Stack gap={4}>
        <Title order={1}>{t('property.queue.title')}</Title>
        <Text c="dimmed">{t('property.queue.lead')}</Text>
      </Stack>
      {queues.isPending ? <Loading /> : null}
      {queues.isError ? (
        <ProblemAlert error={queues.error} onRetry={() => void queues.refetch()} />
      ) : null}
      {queues.data && list.length === 0 ? (
        <Text data-testid="no-queues">{t('property.queue.noQueues')}</Text>
      ) : null}
      {chosen ? (
        <>
          <Group gap="md" align="flex-end">
            {list.length > 1 ? (
              <Select
                label={t('property.queue.organisation')}
                data={list.map((q) => ({ value: q.organisationId, label: labelOf(q) }))}
                value={chosen.organisationId}
                onChange={(org) => org && set({ org, page: '1' })}
                allowDeselect={false}
                w="24rem"
              />
            ) : (
              <Text fw={600}>{labelOf(chosen)}</Text>
            )}
            <Select
              label={t('property.queue.statusFilter')}
              data={STATUSES.map((s) => ({ value: s, label: t(`property.status.${s}`) }))}
              value={status}
              onChange={(next) => next && set({ status: next, page: '1' })}
              allowDeselect={false}
              w="16rem"
            />
          </Group>
          <Queue organisationId={chosen.organisationId} status={status} />
        </>
      ) : null}
    </Stack>
  );
}

function labelOf(queue: ClaimQueue) {
  return queue.conflicts > 0 ? `${queue.name} (${queue.conflicts})` : queue.name;
}

function Queue({ organisationId, status }: { organisationId: string; status: ClaimStatus }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const claims = useQuery({
    queryKey: [...QUEUE_KEY, organisationId, status, page],
    queryFn: ({ signal }) => listQueueClaims(organisationId, { status, page }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  return (
    <Stack gap="md">
      {claims.isPending ? <Loading /> : null}
      {claims.isError ? (
        <ProblemAlert error={claims.error} onRetry={() => void claims.refetch()} />
      ) : null}
      {claims.data?.items.length === 0 ? (
        <Text data-testid="queue-empty">{t('property.queue.empty')}</Text>
      ) : null}
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {claims.data?.items.map((claim) => (
          <QueueClaimCard key={claim.id} claim={claim} />
        ))}
      </Stack>
      {claims.data ? (
        <Pager
          page={page}
          total={claims.data.total}
          limit={claims.data.limit}
          onChange={(next) => {
            const copy = new URLSearchParams(params);

            copy.set('page', String(next));
            setParams(copy);
          }}
        />
      ) : null}
    </Stack>
  );
}
