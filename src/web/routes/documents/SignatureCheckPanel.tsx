import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { checkSignature } from '../../api/documents.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** Checks a detached signature (.sig/.p7s) against a document, storing neither. */
export function SignatureCheckPanel() {
  const { t } = useTranslation();
  const [document, setDocument] = useState<File | null>(null);
  const [signature, setSignature] = useState<File | null>(null);
  const check = useMutation({ mutationFn: () => checkSignature(document!, signature!) });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('documents.check.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('documents.check.lead')}
      </Text>
      <Group align="end" wrap="wrap">
        <FileInput
          label={t('documents.check.document')}
          value={document}
          onChange={setDocument}
          miw="14rem"
        />
        <FileInput
          label={t('documents.check.signature')}
          value={signature}
          onChange={setSignature}
          accept=".sig,.p7s,.sgn,application/pkcs7-signature"
          miw="14rem"
        />
        <Button
          onClick={() => check.mutate()}
          disabled={!document || !signature}
          loading={check.isPending}
        >
          {t('documents.check.submit')}
        </Button>
      </Group>
      {check.isError ? <ProblemAlert error={check.error} /> : null}
      {check.data ? (
        <Alert
          color={check.data.valid ? 'green' : 'red'}
          title={check.data.verdictText}
          role="status"
        >
          {check.data.certificate ? (
            <Stack gap={2}>
              <Text size="sm">
                {t('documents.check.subject', { value: check.data.certificate.subject })}
              </Text>
              <Text size="sm">
                {t('documents.check.issuer', { value: check.data.certificate.issuer })}
              </Text>
              <Text size="sm">
                {t('documents.check.validity', {
                  from: check.data.certificate.notBefore.slice(0, 10),
                  to: check.data.certificate.notAfter.slice(0, 10),
                })}
              </Text>
              {check.data.algorithm ? <Text size="sm">{check.data.algorithm}</Text> : null}
            </Stack>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
