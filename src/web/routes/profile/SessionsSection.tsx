import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { endSession, listSessions, type DeviceSession } from '../../api/security.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDateTime } from '../../i18n/format.js';

export const SESSIONS_KEY = ['sessions'] as const;

/** Sessions and devices: where the account is signed in, each with «Завершить». */
export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => listSessions(signal),
    staleTime: 0,
  });
  const end = useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h4" id="sessions-heading" mb="xs">
        {t('profile.sessions.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('profile.sessions.lead')}
      </Text>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? (
        <ProblemAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : null}
      {end.isError ? <ProblemAlert error={end.error} /> : null}
      <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }} data-testid="sessions">
        {sessions.data?.items.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            ending={end.isPending && end.variables === session.id}
            onEnd={() => end.mutate(session.id)}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function SessionItem({
  session,
  ending,
  onEnd,
}: {
  session: DeviceSession;
  ending: boolean;
  onEnd: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const device = session.device ?? session.userAgent ?? t('profile.sessions.unknownDevice');

  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {device}
            </Text>
            {session.current ? (
              <Badge variant="outline" color="blue.9" radius="sm">
                {t('profile.sessions.current')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('profile.sessions.details', {
              ip: session.ip ?? '—',
              created: formatDateTime(session.createdAt, language),
              seen: formatDateTime(session.lastSeenAt, language),
            })}
          </Text>
        </Stack>
        {session.current ? null : (
          <Button
            variant="default"
            size="xs"
            onClick={onEnd}
            loading={ending}
            aria-label={t('profile.sessions.endNamed', { device })}
          >
            {t('profile.sessions.end')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
