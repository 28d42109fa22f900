import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '../../components/usePageTitle.js';
import { CertificatesPanel } from './CertificatesPanel.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { PendingSignatures } from './PendingSignatures.js';
import { SignatureCheckPanel } from './SignatureCheckPanel.js';

/** /owner/documents: what awaits my signature, my certificates, my and my houses' documents. */
export function OwnerDocumentsPage() {
  const { t } = useTranslation();

  usePageTitle(t('documents.owner.title'));

  return (
    <Stack gap="xl" maw="64rem">
      <Stack gap={4}>
        <Title order={1}>{t('documents.owner.title')}</Title>
        <Text c="dimmed">{t('documents.owner.lead')}</Text>
      </Stack>
      <PendingSignatures />
      <CertificatesPanel />
      <DocumentsPanel target={{ scope: 'personal' }} />
      <SignatureCheckPanel />
    </Stack>
  );
}
