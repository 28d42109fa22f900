import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import {
  CATEGORIES,
  declareIncident,
  listQueue,
  sweepDeadlines,
} from '../../api/serviceRequests.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useSession } from '../../session/useSession.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { OrgSelect } from './OrgPicker.js';
import { Deadlines, PriorityBadge, StatusBadge } from './parts.js';

const STATUSES = [
  'open',
  'new',
  'accepted',
  'in_progress',
  'waiting_resident',
  'reopened',
  'done',
  'rejected',
  'all',
] as const;

/**
 * /org/requests: the dispatch queue, nearest deadline first, overdue ones framed in red; an
 * executor sees their own tasks here in one column that fits a phone.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { orgs, chosen, choose } = useOrgChoice();
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const status = params.get('status') ?? 'open';
  const category = params.get('category') ?? '';
  const overdue = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const roles = (session.data?.user.roles ?? [])
    .filter((r) => r.organisationId === chosen?.id)
    .map((r) => r.role);
  const dispatch = roles.some((r) => r === 'dispatcher' || r === 'organisation_admin');
  const [selected, setSelected] = useState<string[]>([]);
  const [incidentTitle, setIncidentTitle] = useState('');

  usePageTitle(t('serviceRequests.queue.title'));

  const queue = useQuery({
    queryKey: ['service-requests', 'queue', chosen?.id, status, category, overdue, page],
    queryFn: ({ signal }) =>
      listQueue(
        chosen!.id,
        { status, category: category || undefined, overdue: overdue || undefined, page },
        signal,
      ),
    enabled: Boolean(chosen),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const sweep = useMutation({
    mutationFn: () => sweepDeadlines(chosen!.id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['service-requests'] }),
  });
  const incident = useMutation({
    mutationFn: () => {
      const items = queue.data?.items.filter((r) => selected.includes(r.id)) ?? [];

      return declareIncident(chosen!.id, {
        category: items[0]?.category ?? 'other',
        title: incidentTitle,
        description: incidentTitle,
        houseIds: [...new Set(items.map((r) => r.house.id))],
        requestIds: selected,
      });
    },
    onSuccess: async () => {
      setSelected([]);
      setIncidentTitle('');
      await client.invalidateQueries({ queryKey: ['service-requests'] });
    },
  });
  const set = (patch: Record<string, string>) => {
    const copy = new URLSearchParams(params);

    Object.entries(patch).forEach(([k, v]) => (v ? copy.set(k, v) : copy.delete(k)));
    copy.delete('page');
    setParams(copy);
  };

  return (
    <Stack gap="md" maw="64rem">
      <Stack gap={4}>
        <Title order={1}>
          {dispatch ? t('serviceRequests.queue.title') : t('serviceRequests.queue.myTasks')}
        </Title>
        <Text c="dimmed">{t('serviceRequests.queue.lead')}</Text>
      </Stack>
      <OrgSelect orgs={orgs} chosen={chosen} choose={choose} />
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/org/requests/planned-works?org=${chosen?.id ?? ''}`}>
          {t('serviceRequests.works.title')}
        </Anchor>
        {dispatch ? (
          <Anchor component={Link} to={`/org/requests/analytics?org=${chosen?.id ?? ''}`}>
            {t('serviceRequests.analytics.title')}
          </Anchor>
        ) : null}
        {roles.includes('organisation_admin') ? (
          <Anchor component={Link} to={`/org/requests/assistant?org=${chosen?.id ?? ''}`}>
            {t('serviceRequests.editor.title')}
          </Anchor>
        ) : null}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('serviceRequests.queue.status')}
          data={STATUSES.map((s) => ({ value: s, label: t(`serviceRequests.filter.${s}`) }))}
          value={status}
          onChange={(v) => v && set({ status: v })}
          allowDeselect={false}
          w="14rem"
          data-testid="queue-status"
        />
        <Select
          label={t('serviceRequests.new.category')}
          clearable
          data={CATEGORIES.map((c) => ({ value: c, label: t(`serviceRequests.category.${c}`) }))}
          value={category || null}
          onChange={(v) => set({ category: v ?? '' })}
          w="14rem"
        />
        <Checkbox
          label={t('serviceRequests.queue.overdueOnly')}
          checked={overdue}
          onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : '' })}
        />
        {dispatch ? (
          <Button
            variant="light"
            loading={sweep.isPending}
            onClick={() => sweep.mutate()}
            data-testid="sweep"
          >
            {t('serviceRequests.queue.sweep')}
          </Button>
        ) : null}
      </Group>
      {sweep.data ? (
        <Text size="sm" data-testid="sweep-result">
          {t('serviceRequests.queue.swept', sweep.data)}
        </Text>
      ) : null}
      {queue.isPending && chosen ? <Loading /> : null}
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : null}
      {queue.data?.items.length === 0 ? <Text>{t('serviceRequests.queue.empty')}</Text> : null}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {queue.data?.items.map((request) => (
          <Card
            component="li"
            key={request.id}
            withBorder
            padding="sm"
            data-testid="queue-item"
            data-overdue={request.overdue}
            style={
              request.overdue
                ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 }
                : undefined
            }
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              {dispatch ? (
                <Checkbox
                  aria-label={t('serviceRequests.queue.select')}
                  checked={selected.includes(request.id)}
                  onChange={(e) =>
                    setSelected((list) =>
                      e.currentTarget.checked
                        ? [...list, request.id]
                        : list.filter((x) => x !== request.id),
                    )
                  }
                />
              ) : null}
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/requests/${request.id}`} fw={700}>
                    {t('serviceRequests.number', { number: request.number })}
                  </Anchor>
                  <StatusBadge status={request.status} />
                  <PriorityBadge request={request} />
                  {request.escalatedAt ? (
                    <Text c="red.9" size="xs" fw={700}>
                      {t('serviceRequests.detail.escalated')}
                    </Text>
                  ) : null}
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`serviceRequests.category.${request.category}`)} · {request.house.address}
                  {request.premise
                    ? `, ${t('serviceRequests.premiseShort', { number: request.premise.number })}`
                    : ''}
                  {request.executor ? ` · ${request.executor.displayName}` : ''}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {request.description}
                </Text>
                <Deadlines request={request} compact />
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
      {dispatch && selected.length > 0 ? (
        <Card withBorder padding="sm">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('serviceRequests.queue.incidentTitle')}
              value={incidentTitle}
              onChange={(e) => setIncidentTitle(e.currentTarget.value)}
              w="24rem"
            />
            <Button
              disabled={incidentTitle.trim().length < 3}
              loading={incident.isPending}
              onClick={() => incident.mutate()}
            >
              {t('serviceRequests.queue.declareIncident', { count: selected.length })}
            </Button>
          </Group>
          {incident.isError ? <ProblemAlert error={incident.error} /> : null}
        </Card>
      ) : null}
      {queue.data ? (
        <Pager
          page={page}
          total={queue.data.total}
          limit={queue.data.limit}
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
