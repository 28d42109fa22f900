import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  listOrgCertificates,
  listSignatureRequests,
  revokeCertificate,
  type Certificate,
} from '../../api/documents.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { OrgPicker } from '../house-register/OrgPicker.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { STATE_COLOR } from './CertificatesPanel.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { formatDate, formatDateTime } from './labels.js';
import { SendForSignature } from './SendForSignature.js';

const SIGNABLE = new Set(['act', 'contract', 'protocol', 'other']);

function OutgoingRequests({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const requests = useQuery({
    queryKey: ['documents', 'requests', 'org', orgId],
    queryFn: ({ signal }) => listSignatureRequests({ organisationId: orgId }, signal),
  });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('documents.org.requests')}</Title>
      {requests.isError ? <ProblemAlert error={requests.error} /> : null}
      {requests.data?.items.length === 0 ? (
        <Text c="dimmed">{t('documents.requests.none')}</Text>
      ) : null}
      {requests.data?.items.length ? (
        <Table aria-label={t('documents.org.requests')}>
          <Table.Tbody>
            {requests.data.items.map((request) => (
              <Table.Tr key={request.id} data-testid="outgoing-request">
                <Table.Td>{request.documentTitle}</Table.Td>
                <Table.Td>
                  {request.signerName}
                  {request.premiseLabel ? (
                    <Text size="xs" c="dimmed">
                      {request.premiseLabel}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDateTime(request.sentAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`documents.requestStatuses.${request.status}`)}</Badge>
                  {request.declineReason ? <Text size="xs">{request.declineReason}</Text> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function RevokeButton({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeCertificate(certificate.id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'certificates'] }),
  });

  if (certificate.state === 'revoked') {
    return null;
  }

  return asking ? (
    <Group gap="xs" align="end">
      <TextInput
        size="xs"
        label={t('documents.org.revokeReason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <Button size="xs" color="red" disabled={!reason.trim()} onClick={() => revoke.mutate()}>
        {t('documents.org.revokeConfirm')}
      </Button>
      {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
    </Group>
  ) : (
    <Button size="xs" variant="subtle" color="red" onClick={() => setAsking(true)}>
      {t('documents.org.revoke')}
    </Button>
  );
}

function IssuedCertificates({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const certificates = useQuery({
    queryKey: ['documents', 'certificates', 'org', orgId],
    queryFn: ({ signal }) => listOrgCertificates(orgId, signal),
  });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('documents.org.certificates')}</Title>
      {certificates.isError ? <ProblemAlert error={certificates.error} /> : null}
      {certificates.data?.length === 0 ? (
        <Text c="dimmed">{t('documents.org.noCertificates')}</Text>
      ) : null}
      {certificates.data?.length ? (
        <Table aria-label={t('documents.org.certificates')}>
          <Table.Tbody>
            {certificates.data.map((certificate) => (
              <Table.Tr key={certificate.id}>
                <Table.Td>{certificate.number}</Table.Td>
                <Table.Td>
                  {certificate.title}
                  <Text size="xs" c="dimmed">
                    {certificate.premiseLabel}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(certificate.issuedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[certificate.state]} variant="light">
                    {t(`documents.certificateStates.${certificate.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <RevokeButton certificate={certificate} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** /org/documents: the organisation's archive, documents out for signature, issued certificates. */
export function OrgDocumentsPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();

  usePageTitle(t('documents.org.title'));

  return (
    <Stack gap="xl" maw="70rem">
      <Stack gap={4}>
        <Title order={1}>{t('documents.org.title')}</Title>
        <Text c="dimmed">{t('documents.org.lead')}</Text>
      </Stack>
      {pending ? <Loading /> : null}
      {chosen ? (
        <>
          <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
          <DocumentsPanel
            target={{ scope: 'organisation', organisationId: chosen.id }}
            actions={(document) =>
              document.scope === 'organisation' &&
              document.status === 'active' &&
              document.canWrite &&
              SIGNABLE.has(document.kind) ? (
                <SendForSignature document={document} orgId={chosen.id} />
              ) : null
            }
          />
          <OutgoingRequests orgId={chosen.id} />
          <IssuedCertificates orgId={chosen.id} />
        </>
      ) : null}
      {!pending && !chosen ? <Text>{t('documents.org.noOrganisation')}</Text> : null}
    </Stack>
  );
}
