import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  declineSignature,
  listSignatureRequests,
  sendSigningCode,
  signWithCode,
  versionUrl,
  type SignatureRequest,
} from '../../api/documents.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDateTime } from './labels.js';

const REQUEST_COLOR = { pending: 'yellow', signed: 'green', declined: 'red', cancelled: 'gray' };

/** One document awaiting my signature: read it, get a code, sign (ПЭП) or decline. */
function RequestCard({ request }: { request: SignatureRequest }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['documents'] });
  const send = useMutation({ mutationFn: () => sendSigningCode(request.id) });
  const sign = useMutation({
    mutationFn: () => signWithCode(request.id, code),
    onSuccess: refresh,
  });
  const decline = useMutation({
    mutationFn: () => declineSignature(request.id, reason),
    onSuccess: refresh,
  });

  return (
    <Card withBorder padding="md" data-testid="signature-request">
      <Stack gap="xs">
        <Group justify="space-between">
          <Anchor href={versionUrl(request.documentId, 1)} target="_blank" fw={600}>
            {request.documentTitle}
          </Anchor>
          <Badge color={REQUEST_COLOR[request.status]} variant="light">
            {t(`documents.requestStatuses.${request.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('documents.requests.from', {
            organisation: request.organisationName,
            date: formatDateTime(request.sentAt, i18n.language),
          })}
          {request.premiseLabel ? ` · ${request.premiseLabel}` : ''}
        </Text>
        {request.message ? <Text size="sm">{request.message}</Text> : null}
        {request.status === 'pending' ? (
          <>
            <Text size="sm">{t('documents.requests.explain')}</Text>
            {!send.data ? (
              <Group>
                <Button onClick={() => send.mutate()} loading={send.isPending}>
                  {t('documents.requests.getCode')}
                </Button>
                <Button variant="subtle" color="red" onClick={() => setDeclining(true)}>
                  {t('documents.requests.decline')}
                </Button>
              </Group>
            ) : (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  sign.mutate();
                }}
              >
                <Group align="end">
                  <TextInput
                    label={t('documents.requests.codeLabel')}
                    description={t('documents.requests.codeSent', { to: send.data.sentTo })}
                    value={code}
                    onChange={(event) => setCode(event.currentTarget.value)}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    required
                  />
                  <Button type="submit" loading={sign.isPending}>
                    {t('documents.requests.sign')}
                  </Button>
                </Group>
              </form>
            )}
            {declining ? (
              <Group align="end">
                <TextInput
                  label={t('documents.requests.reasonLabel')}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                />
                <Button color="red" onClick={() => decline.mutate()} disabled={!reason.trim()}>
                  {t('documents.requests.declineConfirm')}
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}
        {request.status === 'signed' ? (
          <Anchor href={versionUrl(request.documentId, 1, 'stamped')} target="_blank" size="sm">
            {t('documents.list.signedCopy')}
          </Anchor>
        ) : null}
        {send.isError ? <ProblemAlert error={send.error} /> : null}
        {sign.isError ? <ProblemAlert error={sign.error} /> : null}
        {decline.isError ? <ProblemAlert error={decline.error} /> : null}
      </Stack>
    </Card>
  );
}

/** The documents organisations sent me for signature, pending first. */
export function PendingSignatures() {
  const { t } = useTranslation();
  const requests = useQuery({
    queryKey: ['documents', 'requests', 'mine'],
    queryFn: ({ signal }) => listSignatureRequests({}, signal),
  });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('documents.requests.title')}</Title>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? <ProblemAlert error={requests.error} /> : null}
      {requests.data?.items.length === 0 ? (
        <Text c="dimmed">{t('documents.requests.none')}</Text>
      ) : null}
      {requests.data?.items.map((request) => (
        <RequestCard key={request.id} request={request} />
      ))}
    </Stack>
  );
}
