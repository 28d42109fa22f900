import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import {
  certificateFileUrl,
  listMyCertificates,
  requestCertificate,
  type Certificate,
  type CertificateKind,
} from '../../api/documents.js';
import { getMyPremises } from '../../api/myPremises.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDate } from './labels.js';

const KINDS: CertificateKind[] = ['ownership', 'no_debt', 'utility_services'];
export const STATE_COLOR: Record<Certificate['state'], string> = {
  current: 'green',
  expired: 'gray',
  revoked: 'red',
};

/** The path of the public verification page inside the verification link. */
export function verificationPath(url: string): string {
  return new URL(url).pathname;
}

/** Certificates in a few clicks: pick the kind and the premise; the signed PDF comes back. */
export function CertificatesPanel() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const asked = params.get('certificate') as CertificateKind | null;
  const [kind, setKind] = useState<CertificateKind>(
    asked && KINDS.includes(asked) ? asked : 'ownership',
  );
  const [premiseId, setPremiseId] = useState<string | null>(null);
  const premises = useQuery({
    queryKey: ['my-premises'],
    queryFn: ({ signal }) => getMyPremises(signal),
  });
  const certificates = useQuery({
    queryKey: ['documents', 'certificates', 'mine'],
    queryFn: ({ signal }) => listMyCertificates(signal),
  });
  const owned = (premises.data?.premises ?? []).filter((p) => p.relations.includes('owner'));
  const chosen = premiseId ?? owned[0]?.id ?? null;
  const order = useMutation({
    mutationFn: () => requestCertificate(kind, chosen!),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents', 'certificates'] }),
  });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('documents.certificates.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('documents.certificates.lead')}
      </Text>
      <Group align="end" wrap="wrap">
        <Select
          label={t('documents.certificates.kindLabel')}
          data={KINDS.map((value) => ({ value, label: t(`documents.certificateKinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as CertificateKind)}
          allowDeselect={false}
          miw="20rem"
        />
        <Select
          label={t('documents.certificates.premiseLabel')}
          data={owned.map((p) => ({ value: p.id, label: `${p.house.address}, ${p.number}` }))}
          value={chosen}
          onChange={setPremiseId}
          allowDeselect={false}
          miw="20rem"
        />
        <Button onClick={() => order.mutate()} loading={order.isPending} disabled={!chosen}>
          {t('documents.certificates.request')}
        </Button>
      </Group>
      {order.isError ? <ProblemAlert error={order.error} /> : null}
      {order.data ? (
        <Text role="status">
          {t('documents.certificates.issued', { number: order.data.number })}
        </Text>
      ) : null}
      {certificates.isPending ? <Loading /> : null}
      {certificates.isError ? <ProblemAlert error={certificates.error} /> : null}
      {certificates.data?.length ? (
        <Table aria-label={t('documents.certificates.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.certificates.number')}</Table.Th>
              <Table.Th>{t('documents.certificates.kind')}</Table.Th>
              <Table.Th>{t('documents.certificates.validUntil')}</Table.Th>
              <Table.Th>{t('documents.certificates.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {certificates.data.map((certificate) => (
              <Table.Tr key={certificate.id} data-testid="certificate-row">
                <Table.Td>{certificate.number}</Table.Td>
                <Table.Td>
                  {certificate.title}
                  <Text size="xs" c="dimmed">
                    {certificate.premiseLabel}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(certificate.validUntil, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[certificate.state]} variant="light">
                    {t(`documents.certificateStates.${certificate.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="sm">
                    <Anchor
                      href={certificateFileUrl(certificate.id)}
                      download={`${certificate.number}.pdf`}
                    >
                      {t('documents.certificates.download')}
                    </Anchor>
                    <Anchor href={verificationPath(certificate.verificationUrl)}>
                      {t('documents.certificates.verify')}
                    </Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
