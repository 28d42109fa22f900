import { Alert, Badge, Card, FileInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { checkCertificateFile, verifyCertificate } from '../../api/documents.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { STATE_COLOR } from './CertificatesPanel.js';
import { formatDate, formatDateTime } from './labels.js';

/**
 * /verify/:token — public: anyone who scanned a certificate's QR code sees whether it is
 * authentic, current or revoked, and may drop the file to check it is unchanged.
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const verification = useQuery({
    queryKey: ['verification', token],
    queryFn: ({ signal }) => verifyCertificate(token, signal),
    retry: false,
  });
  const check = useMutation({ mutationFn: (chosen: File) => checkCertificateFile(token, chosen) });

  usePageTitle(t('documents.verify.title'));

  const pick = (chosen: File | null) => {
    setFile(chosen);

    if (chosen) {
      check.mutate(chosen);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    pick(event.dataTransfer.files[0] ?? null);
  };
  const data = verification.data;

  return (
    <Stack gap="lg" maw="48rem">
      <Title order={1}>{t('documents.verify.title')}</Title>
      {verification.isPending ? <Loading /> : null}
      {verification.isError ? (
        <ProblemAlert error={verification.error} title={t('documents.verify.invalidTitle')} />
      ) : null}
      {data ? (
        <>
          <Alert
            color={STATE_COLOR[data.state]}
            title={t(`documents.verify.state.${data.state}`)}
            role="status"
            data-testid="verification-state"
          >
            <Text>
              {t('documents.verify.summary', {
                title: data.title,
                number: data.number,
                organisation: data.organisationName,
                date: formatDateTime(data.issuedAt, i18n.language),
              })}
            </Text>
            {data.revokeReason ? (
              <Text>{t('documents.verify.revoked', { reason: data.revokeReason })}</Text>
            ) : null}
          </Alert>
          <Table aria-label={t('documents.verify.facts')}>
            <Table.Tbody>
              {data.facts.map((fact) => (
                <Table.Tr key={fact.label}>
                  <Table.Th>{fact.label}</Table.Th>
                  <Table.Td>{fact.value}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th>{t('documents.verify.validUntil')}</Table.Th>
                <Table.Td>{formatDate(data.validUntil, i18n.language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('documents.verify.signer')}</Table.Th>
                <Table.Td>
                  {data.signer.subject}
                  <Text size="xs" c="dimmed">
                    {data.signer.serialNumber}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Card
            withBorder
            padding="lg"
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
            bg={over ? 'var(--mantine-color-blue-light)' : undefined}
            data-testid="drop-zone"
          >
            <Stack gap="xs">
              <Text fw={600}>{t('documents.verify.dropTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('documents.verify.dropLead')}
              </Text>
              <FileInput
                label={t('documents.verify.fileLabel')}
                value={file}
                onChange={pick}
                accept="application/pdf"
              />
            </Stack>
          </Card>
          {check.isPending ? <Loading /> : null}
          {check.isError ? <ProblemAlert error={check.error} /> : null}
          {check.data ? (
            <Alert
              color={check.data.unchanged ? 'green' : 'red'}
              title={
                check.data.unchanged
                  ? t('documents.verify.unchanged')
                  : t('documents.verify.changed')
              }
              data-testid="file-check"
            >
              <Text>{check.data.message}</Text>
              <Badge variant="light" mt="xs">
                SHA-256 {check.data.sha256.slice(0, 16)}…
              </Badge>
            </Alert>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
