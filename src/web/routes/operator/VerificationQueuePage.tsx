import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import {
  decideVerification,
  listVerificationRequests,
  verificationScanUrl,
  type VerificationRequest,
} from '../../api/access.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatDateTime, formatDay } from '../../i18n/format.js';
import { InPersonCodeIssue } from './InPersonCodeIssue.js';
import { OtpCountersReset } from './OtpCountersReset.js';

const QUEUE_KEY = ['verification-requests'] as const;

/** /operator/verifications: the queue of passport scans, oldest first, and the desk tools. */
export function VerificationQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const queue = useQuery({
    queryKey: [...QUEUE_KEY, page],
    queryFn: ({ signal }) =>
      listVerificationRequests({ status: 'pending', page, limit: 10 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  usePageTitle(t('operator.queue.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Title order={1}>{t('operator.queue.title')}</Title>
      <Text>{t('operator.queue.lead')}</Text>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : null}
      {queue.data?.items.length === 0 ? (
        <Text data-testid="queue-empty">{t('operator.queue.empty')}</Text>
      ) : null}
      <Stack component="ul" gap="md" p={0} style={{ listStyle: 'none' }}>
        {queue.data?.items.map((request) => (
          <QueueItem key={request.id} request={request} />
        ))}
      </Stack>
      {queue.data ? (
        <Pager
          page={page}
          total={queue.data.total}
          limit={queue.data.limit}
          onChange={(next) => setParams({ page: String(next) })}
        />
      ) : null}
      <InPersonCodeIssue />
      <OtpCountersReset />
    </Stack>
  );
}

function QueueItem({ request }: { request: VerificationRequest }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const [showScan, setShowScan] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: { approved: boolean; reason?: string }) =>
      decideVerification(request.id, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
  });
  const headingId = `request-${request.id}`;
  const docs = request.identityDocuments;

  const reject = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(reason.trim() === '');

    if (reason.trim() !== '') {
      decide.mutate({ approved: false, reason: reason.trim() });
    }
  };

  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId} data-testid="queue-item">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {request.displayName}
        </Title>
        <Text size="sm" c="dimmed">
          {t('operator.queue.sent', { time: formatDateTime(request.createdAt, language) })}
        </Text>
        {docs ? (
          <Text size="sm">
            {t('profile.documents.passport')}: {docs.passport}, {t('profile.documents.issuedOn')}{' '}
            {formatDay(docs.passportIssuedOn, language)}, {t('profile.documents.departmentCode')}{' '}
            {docs.departmentCode}; {t('profile.documents.snils')}: {docs.snils}
          </Text>
        ) : null}
        {request.fileId ? (
          <Group gap="sm">
            <Button variant="default" size="xs" onClick={() => setShowScan((shown) => !shown)}>
              {showScan ? t('operator.queue.hideScan') : t('operator.queue.showScan')}
            </Button>
            <Anchor href={verificationScanUrl(request.id)} target="_blank" rel="noopener" size="sm">
              {t('operator.queue.openScan')}
            </Anchor>
          </Group>
        ) : null}
        {showScan ? (
          <iframe
            src={verificationScanUrl(request.id)}
            title={t('operator.queue.scanOf', { name: request.displayName })}
            style={{
              width: '100%',
              height: '24rem',
              border: '1px solid var(--mantine-color-gray-4)',
            }}
          />
        ) : null}
        {decide.isError ? <ProblemMessage error={decide.error} /> : null}
        {rejecting ? (
          <form onSubmit={reject} noValidate aria-label={t('operator.queue.rejectForm')}>
            <Stack gap="sm">
              <Textarea
                label={t('operator.queue.reason')}
                description={t('operator.queue.reasonHint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                maxLength={1000}
                autosize
                minRows={2}
                required
                error={empty ? t('form.required') : undefined}
              />
              <Group gap="sm">
                <Button type="submit" color="red" loading={decide.isPending}>
                  {t('operator.queue.rejectConfirm')}
                </Button>
                <Button variant="default" onClick={() => setRejecting(false)}>
                  {t('form.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group gap="sm">
            <Button
              onClick={() => decide.mutate({ approved: true })}
              loading={decide.isPending}
              aria-label={t('operator.queue.approveNamed', { name: request.displayName })}
            >
              {t('operator.queue.approve')}
            </Button>
            <Button
              variant="default"
              onClick={() => setRejecting(true)}
              aria-label={t('operator.queue.rejectNamed', { name: request.displayName })}
            >
              {t('operator.queue.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
