import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  drawUpProtocol,
  protocolFileUrl,
  requestSignatureCode,
  signProtocol,
  type MeetingDetail,
} from '../../api/meetings.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDateTime } from '../../i18n/format.js';

/** Drawing up, downloading and signing the protocol, and where it has been sent. */
export function ProtocolPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const protocol = meeting.protocol;

  return (
    <Card withBorder data-testid="protocol">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('meetings.protocol.title')}
        </Title>
        {!protocol && meeting.mayAdminister ? <DrawUpForm meeting={meeting} /> : null}
        {protocol ? (
          <>
            <Text fw={600}>
              {t('meetings.protocol.form', { number: protocol.number, form: protocol.form })}
            </Text>
            <Anchor href={protocolFileUrl(meeting.id)} target="_blank" data-testid="protocol-pdf">
              {t('meetings.protocol.download')}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              SHA-256: {protocol.sha256}
            </Text>
            <Text fw={600}>{t('meetings.protocol.signers')}</Text>
            {protocol.signers.map((s) => (
              <Text size="sm" key={`${s.role}-${s.name}`} data-testid="signer">
                {t(`meetings.protocol.role.${s.role}` as 'meetings.protocol.role.chair')}: {s.name}{' '}
                —{' '}
                {s.signedAt
                  ? t('meetings.protocol.signed', { at: formatDateTime(s.signedAt, language) })
                  : t('meetings.protocol.waiting')}
              </Text>
            ))}
            {meeting.mySignatureRole ? <SignForm meetingId={meeting.id} /> : null}
            {protocol.dispatches.length > 0 ? (
              <Stack gap={2}>
                <Text fw={600}>{t('meetings.protocol.dispatches')}</Text>
                {protocol.dispatches.map((d) => (
                  <Text size="sm" key={`${d.kind}-${d.sentAt}`}>
                    {t(
                      `meetings.protocol.dispatch.${d.kind}` as 'meetings.protocol.dispatch.notice',
                    )}
                    {d.recipient ? ` (${d.recipient})` : ''}: {formatDateTime(d.sentAt, language)}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function DrawUpForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chair, setChair] = useState('');
  const [secretary, setSecretary] = useState('');
  const [counters, setCounters] = useState('');
  const draw = useMutation({
    mutationFn: () =>
      drawUpProtocol(meeting.id, {
        chair,
        secretary,
        counters: counters
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meeting', meeting.id] }),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        draw.mutate();
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('meetings.protocol.chair')}
          value={chair}
          onChange={(e) => setChair(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('meetings.protocol.secretary')}
          value={secretary}
          onChange={(e) => setSecretary(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('meetings.protocol.counters')}
          value={counters}
          onChange={(e) => setCounters(e.currentTarget.value)}
        />
        <Button type="submit" loading={draw.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('meetings.protocol.draw')}
        </Button>
        {draw.isError ? <ProblemAlert error={draw.error} /> : null}
      </Stack>
    </form>
  );
}

function SignForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const send = useMutation({ mutationFn: () => requestSignatureCode(meetingId) });
  const sign = useMutation({
    mutationFn: () => signProtocol(meetingId, code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meeting', meetingId] }),
  });

  return (
    <Stack gap="xs">
      <Button
        variant="light"
        onClick={() => send.mutate()}
        loading={send.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('meetings.protocol.sendCode')}
      </Button>
      {send.data ? (
        <Text size="sm">{t('meetings.protocol.codeSent', { to: send.data.sentTo })}</Text>
      ) : null}
      {send.isError ? <ProblemAlert error={send.error} /> : null}
      {send.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            sign.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('meetings.protocol.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
            />
            <Button type="submit" loading={sign.isPending}>
              {t('meetings.protocol.sign')}
            </Button>
          </Group>
        </form>
      ) : null}
      {sign.isError ? <ProblemAlert error={sign.error} /> : null}
    </Stack>
  );
}
