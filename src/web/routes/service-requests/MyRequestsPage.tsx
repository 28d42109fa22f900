import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { listMyRequests, listMyWorks } from '../../api/serviceRequests.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { Deadlines, PriorityBadge, StatusBadge } from './parts.js';
import { WorksList } from './WorksList.js';

/** /owner/requests: the resident's requests with their deadlines, and the house's planned works. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const requests = useQuery({
    queryKey: ['service-requests', 'mine', page],
    queryFn: ({ signal }) => listMyRequests(page, signal),
    staleTime: 0,
  });
  const works = useQuery({
    queryKey: ['service-requests', 'my-works'],
    queryFn: ({ signal }) => listMyWorks(signal),
  });

  usePageTitle(t('serviceRequests.mine.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('serviceRequests.mine.title')}</Title>
          <Text c="dimmed">{t('serviceRequests.mine.lead')}</Text>
        </Stack>
        <Button component={Link} to="/owner/requests/new" data-testid="new-request">
          {t('serviceRequests.mine.new')}
        </Button>
      </Group>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? (
        <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />
      ) : null}
      {requests.data?.items.length === 0 ? <Text>{t('serviceRequests.mine.empty')}</Text> : null}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {requests.data?.items.map((request) => (
          <Card
            component="li"
            key={request.id}
            withBorder
            padding="md"
            data-testid="my-request"
            style={request.overdue ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
          >
            <Stack gap={6}>
              <Group gap="xs">
                <Anchor component={Link} to={`/requests/${request.id}`} fw={700}>
                  {t('serviceRequests.number', { number: request.number })}
                </Anchor>
                <StatusBadge status={request.status} />
                <PriorityBadge request={request} />
                <Text size="sm" c="dimmed">
                  {t(`serviceRequests.category.${request.category}`)} · {request.house.address}
                  {request.premise
                    ? `, ${t('serviceRequests.premiseShort', { number: request.premise.number })}`
                    : ''}
                </Text>
              </Group>
              <Text lineClamp={2}>{request.description}</Text>
              {request.status === 'done' || request.status === 'rejected' ? null : (
                <Deadlines request={request} compact />
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
      {requests.data ? (
        <Pager
          page={page}
          total={requests.data.total}
          limit={requests.data.limit}
          onChange={(next) => setParams({ page: String(next) })}
        />
      ) : null}
      <Title order={2}>{t('serviceRequests.works.myTitle')}</Title>
      {works.isError ? <ProblemAlert error={works.error} /> : null}
      {works.data ? <WorksList works={works.data} /> : null}
    </Stack>
  );
}
