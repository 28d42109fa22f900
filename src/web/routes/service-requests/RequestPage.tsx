import {
  Alert,
  Button,
  Card,
  Group,
  Image,
  Rating,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import {
  assign,
  changeStatus,
  comment,
  getRequest,
  listExecutors,
  photoUrl,
  rate,
  type RequestDetail,
} from '../../api/serviceRequests.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { Deadlines, EmergencyInstructions, PriorityBadge, StatusBadge, useWords } from './parts.js';

const STATUS_ACTIONS = [
  'accept',
  'start',
  'wait',
  'resume',
  'complete',
  'reject',
  'reopen',
] as const;

type StatusAction = (typeof STATUS_ACTIONS)[number];
const NEEDS_REASON = new Set<string>(['reject', 'wait', 'reopen']);

/**
 * /requests/:id: one request for whoever may see it — the resident, the dispatch, the executor.
 * One column that fits a phone: the executor works from here on site.
 */
export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const request = useQuery({
    queryKey: ['service-requests', 'one', id],
    queryFn: ({ signal }) => getRequest(id, signal),
    staleTime: 0,
  });

  usePageTitle(
    request.data ? t('serviceRequests.number', { number: request.data.number }) : undefined,
  );

  if (request.isPending) {
    return <Loading />;
  }

  if (request.isError) {
    return <ProblemAlert error={request.error} onRetry={() => void request.refetch()} />;
  }

  return <RequestView request={request.data} />;
}

function RequestView({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const words = useWords();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['service-requests'] });
  const act = useMutation({
    mutationFn: (action: string) => changeStatus(request.id, action, reason),
    onSuccess: async () => {
      setReason('');
      await refresh();
    },
  });
  const statusActions = request.actions.filter((a): a is StatusAction =>
    (STATUS_ACTIONS as readonly string[]).includes(a),
  );
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: request.house.timeZone,
    }).format(new Date(iso));

  return (
    <Stack gap="md" maw="48rem" data-testid="request-page">
      <Group gap="xs" wrap="wrap">
        <Title order={1}>{t('serviceRequests.number', { number: request.number })}</Title>
        <StatusBadge status={request.status} />
        <PriorityBadge request={request} />
        {request.escalatedAt ? (
          <Text c="red.9" fw={700} size="sm" data-testid="escalated">
            {t('serviceRequests.detail.escalated')}
          </Text>
        ) : null}
      </Group>
      <EmergencyInstructions texts={request.emergencyInstructions} />
      <Card
        withBorder
        padding="md"
        style={request.overdue ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
      >
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t(`serviceRequests.category.${request.category}`)} · {request.house.address}
            {request.premise
              ? `, ${t('serviceRequests.premiseShort', { number: request.premise.number })}`
              : ` · ${t('serviceRequests.new.commonArea')}`}
          </Text>
          <Text data-testid="request-description">{request.description}</Text>
          {request.requester ? (
            <Text size="sm">
              {t('serviceRequests.detail.requester')}: {request.requester.displayName}
              {request.contactPhone ? `, ${request.contactPhone}` : ''}
            </Text>
          ) : null}
          {request.preferredVisit ? (
            <Text size="sm">
              {t('serviceRequests.new.visit')}: {request.preferredVisit}
            </Text>
          ) : null}
          <Text size="sm">
            {t('serviceRequests.detail.executor')}:{' '}
            {request.executor?.displayName ?? t('serviceRequests.detail.noExecutor')}
          </Text>
          {request.incident ? (
            <Alert color="orange" variant="light">
              {t('serviceRequests.detail.incident', { title: request.incident.title })}
            </Alert>
          ) : null}
          {request.rejectionReason ? (
            <Text size="sm">
              {t('serviceRequests.detail.rejection')}: {request.rejectionReason}
            </Text>
          ) : null}
          <Deadlines request={request} />
        </Stack>
      </Card>
      {request.transcript.length > 0 ? (
        <Card withBorder padding="sm">
          <Stack gap={2}>
            {request.transcript.map((line) => (
              <Text key={line.question.ru} size="sm">
                {words(line.question)} — <b>{words(line.answer)}</b>
              </Text>
            ))}
          </Stack>
        </Card>
      ) : null}
      {request.photos.length > 0 ? (
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {request.photos.map((photo) => (
            <a
              key={photo.id}
              href={photoUrl(request.id, photo.id)}
              target="_blank"
              rel="noreferrer"
            >
              <Image
                src={photoUrl(request.id, photo.id)}
                alt={t('serviceRequests.detail.photo')}
                radius="sm"
                data-testid="request-photo"
              />
            </a>
          ))}
        </SimpleGrid>
      ) : null}
      {request.actions.includes('assign') ? (
        <AssignPanel request={request} onDone={refresh} />
      ) : null}
      {statusActions.length > 0 ? (
        <Stack gap="xs">
          {statusActions.some((a) => NEEDS_REASON.has(a)) ? (
            <Textarea
              label={t('serviceRequests.detail.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
          ) : null}
          <Group gap="xs" wrap="wrap">
            {statusActions.map((action) => (
              <Button
                key={action}
                variant={action === 'reject' ? 'outline' : 'filled'}
                color={action === 'reject' ? 'red' : undefined}
                loading={act.isPending && act.variables === action}
                onClick={() => act.mutate(action)}
                data-testid={`action-${action}`}
                fullWidth={false}
              >
                {t(`serviceRequests.action.${action}`)}
              </Button>
            ))}
          </Group>
          {act.isError ? <ProblemAlert error={act.error} /> : null}
        </Stack>
      ) : null}
      {request.actions.includes('rate') ? <RatePanel request={request} onDone={refresh} /> : null}
      {request.rating ? (
        <Group gap="xs">
          <Text size="sm">{t('serviceRequests.detail.rating')}:</Text>
          <Rating value={request.rating} readOnly />
          {request.feedback ? <Text size="sm">«{request.feedback}»</Text> : null}
        </Group>
      ) : null}
      <CommentsPanel request={request} onDone={refresh} when={when} />
      <Title order={2} size="h4">
        {t('serviceRequests.detail.history')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2}>
        {request.events.map((event, index) => (
          <Timeline.Item
            key={index}
            title={t(`serviceRequests.event.${event.action}`, { defaultValue: event.action })}
          >
            <Text size="xs" c="dimmed">
              {when(event.createdAt)}
              {event.actor ? ` · ${event.actor}` : ''}
            </Text>
            {event.note ? <Text size="sm">{event.note}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

function AssignPanel({ request, onDone }: { request: RequestDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [executor, setExecutor] = useState<string | null>(request.executor?.id ?? null);
  const staff = useQuery({
    queryKey: ['service-requests', 'executors', request.organisation.id],
    queryFn: ({ signal }) => listExecutors(request.organisation.id, signal),
  });
  const save = useMutation({ mutationFn: () => assign(request.id, executor!), onSuccess: onDone });

  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        label={t('serviceRequests.detail.assign')}
        data={(staff.data ?? []).map((s) => ({
          value: s.userId,
          label: `${s.displayName} (${s.openRequests})`,
        }))}
        value={executor}
        onChange={setExecutor}
        w="20rem"
        data-testid="executor-select"
      />
      <Button
        disabled={!executor}
        loading={save.isPending}
        onClick={() => save.mutate()}
        data-testid="assign"
      >
        {t('serviceRequests.detail.assignButton')}
      </Button>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </Group>
  );
}

function RatePanel({ request, onDone }: { request: RequestDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(0);
  const [feedback, setFeedback] = useState('');
  const save = useMutation({
    mutationFn: () => rate(request.id, value, feedback),
    onSuccess: onDone,
  });

  return (
    <Card withBorder padding="md" data-testid="rate-panel">
      <Stack gap="xs">
        <Text fw={600}>{t('serviceRequests.detail.rateTitle')}</Text>
        <Rating value={value} onChange={setValue} size="lg" data-testid="rating" />
        <Textarea
          label={t('serviceRequests.detail.feedback')}
          value={feedback}
          onChange={(e) => setFeedback(e.currentTarget.value)}
          maxLength={2000}
        />
        <Group>
          <Button
            disabled={value === 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="send-rating"
          >
            {t('serviceRequests.detail.rateButton')}
          </Button>
        </Group>
        {save.isError ? <ProblemAlert error={save.error} /> : null}
      </Stack>
    </Card>
  );
}

function CommentsPanel({
  request,
  onDone,
  when,
}: {
  request: RequestDetail;
  onDone: () => Promise<void>;
  when: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const save = useMutation({
    mutationFn: () => comment(request.id, body, visibility),
    onSuccess: async () => {
      setBody('');
      await onDone();
    },
  });

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('serviceRequests.detail.comments')}
      </Title>
      {request.comments.map((c) => (
        <Card
          key={c.id}
          withBorder
          padding="xs"
          bg={c.visibility === 'internal' ? 'yellow.0' : undefined}
        >
          <Text size="xs" c="dimmed">
            {c.author} · {when(c.createdAt)}
            {c.visibility === 'internal' ? ` · ${t('serviceRequests.detail.internal')}` : ''}
          </Text>
          <Text size="sm">{c.body}</Text>
        </Card>
      ))}
      <Textarea
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        placeholder={t('serviceRequests.detail.commentPlaceholder')}
        maxLength={4000}
        autosize
        minRows={2}
      />
      <Group gap="xs">
        {request.actions.includes('comment_internal') ? (
          <SegmentedControl
            value={visibility}
            onChange={(v) => setVisibility(v as 'public' | 'internal')}
            data={[
              { value: 'public', label: t('serviceRequests.detail.public') },
              { value: 'internal', label: t('serviceRequests.detail.internal') },
            ]}
          />
        ) : null}
        <Button
          disabled={!body.trim()}
          loading={save.isPending}
          onClick={() => save.mutate()}
          variant="light"
        >
          {t('serviceRequests.detail.send')}
        </Button>
      </Group>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </Stack>
  );
}
