import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Me } from '../../api/access.js';
import { formatDateTime, formatDay } from '../../i18n/format.js';
import { IdentityDocumentsForm } from './IdentityDocumentsForm.js';
import { InPersonCodeForm } from './InPersonCodeForm.js';
import { ScanUpload } from './ScanUpload.js';

const LEVEL_COLOR = { basic: 'gray.7', standard: 'blue.9', verified: 'teal.9' } as const;

/**
 * Identity verification: the level now, what is missing and how to get it, then the forms for
 * each step (passport and СНИЛС, a scan for the operator, or a code received in person).
 */
export function VerificationPanel({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const { assurance } = me;
  const pending = assurance.pendingVerification;
  const rejection = assurance.lastRejection;
  const needsVerification = assurance.level !== 'verified';

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="level-heading">
        <Stack gap="sm">
          <Group gap="sm">
            <Title order={2} size="h4" id="level-heading">
              {t('profile.verification.level')}
            </Title>
            <Badge
              size="lg"
              radius="sm"
              variant="outline"
              color={LEVEL_COLOR[assurance.level]}
              data-testid="assurance-level"
              data-level={assurance.level}
            >
              {t(`profile.verification.levels.${assurance.level}`)}
            </Badge>
          </Group>
          <Text size="sm">{t(`profile.verification.levelText.${assurance.level}`)}</Text>
          {assurance.missing.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('profile.verification.missingTitle')}
              </Text>
              <List size="sm" spacing={4} type="ordered">
                {assurance.missing.map((step) => (
                  <List.Item key={step}>{t(`profile.verification.missing.${step}`)}</List.Item>
                ))}
              </List>
            </>
          ) : null}
          {pending ? (
            <Alert
              color="blue.9"
              variant="outline"
              role="status"
              data-testid="verification-pending"
            >
              {t('profile.verification.pending', {
                since: formatDateTime(pending.createdAt, language),
              })}
            </Alert>
          ) : null}
          {rejection && needsVerification && !pending ? (
            <Alert color="red" variant="outline" title={t('profile.verification.rejected')}>
              {rejection.reason ?? t('profile.verification.noReason')}
              {' · '}
              {formatDateTime(rejection.decidedAt, language)}
            </Alert>
          ) : null}
        </Stack>
      </Paper>
      {me.identityDocuments ? (
        <Paper withBorder p="md" component="section" aria-labelledby="documents-given-heading">
          <Title order={2} size="h4" id="documents-given-heading" mb="xs">
            {t('profile.documents.given')}
          </Title>
          <Text size="sm">
            {t('profile.documents.passport')}: {me.identityDocuments.passport},{' '}
            {t('profile.documents.issuedOn')}{' '}
            {formatDay(me.identityDocuments.passportIssuedOn, language)},{' '}
            {t('profile.documents.departmentCode')} {me.identityDocuments.departmentCode}
          </Text>
          <Text size="sm">
            {t('profile.documents.snils')}: {me.identityDocuments.snils}
          </Text>
        </Paper>
      ) : null}
      {assurance.level !== 'verified' ? (
        <IdentityDocumentsForm hasDocuments={!!me.identityDocuments} />
      ) : null}
      {assurance.level === 'standard' && !pending ? <ScanUpload /> : null}
      {assurance.level === 'standard' ? <InPersonCodeForm /> : null}
    </Stack>
  );
}
