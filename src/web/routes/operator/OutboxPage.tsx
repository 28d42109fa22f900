import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { listOutboxMessages } from '../../api/accounts.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatDateTime } from '../../i18n/format.js';

/**
 * /operator/outbox: demo only. The latest outgoing SMS and e-mails, so a tester reads a code
 * without a phone. Outside the demo the API has no such endpoint and the page says so.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const [draft, setDraft] = useState('');
  const [recipient, setRecipient] = useState('');
  const messages = useQuery({
    queryKey: ['outbox-messages', recipient],
    queryFn: ({ signal }) =>
      listOutboxMessages({ ...(recipient ? { recipient } : {}), limit: 50 }, signal),
    staleTime: 0,
    refetchInterval: 5000,
  });

  usePageTitle(t('operator.outbox.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRecipient(draft.trim());
  };

  return (
    <Stack gap="lg" maw="60rem">
      <Title order={1}>{t('operator.outbox.title')}</Title>
      <Text>{t('operator.outbox.lead')}</Text>
      <form onSubmit={submit} role="search" aria-label={t('operator.outbox.filter')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('operator.outbox.recipient')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            autoComplete="off"
            maxLength={320}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit">{t('operator.outbox.apply')}</Button>
        </Group>
      </form>
      {messages.isPending ? <Loading /> : null}
      {messages.isError ? (
        <ProblemAlert error={messages.error} onRetry={() => void messages.refetch()} />
      ) : null}
      {messages.data?.items.length === 0 ? <Text>{t('operator.outbox.empty')}</Text> : null}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }} data-testid="outbox">
        {messages.data?.items.map((message) => (
          <Paper component="li" key={message.id} withBorder p="sm" data-testid="outbox-message">
            <Group gap="xs" mb={4}>
              <Badge variant="outline" radius="sm" color="blue.9">
                {t(`operator.outbox.channels.${message.channel}`)}
              </Badge>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {message.recipient}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(message.createdAt, language)} ·{' '}
                {t(`operator.outbox.statuses.${message.status}`)}
              </Text>
            </Group>
            {message.subject ? <Text fw={600}>{message.subject}</Text> : null}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
