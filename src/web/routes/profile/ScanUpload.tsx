import { Button, FileInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { requestVerification } from '../../api/access.js';
import { uploadFile } from '../../api/files.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { useRefreshMe } from './useMe.js';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * A passport scan (PDF, JPEG or PNG) for an operator to compare: uploaded first, then handed in
 * as a verification request. The server sniffs the type; the size check here only saves a wait.
 */
export function ScanUpload() {
  const { t } = useTranslation();
  const refreshMe = useRefreshMe();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<'required' | 'tooLarge' | null>(null);
  const send = useMutation({
    mutationFn: async (scan: File) => {
      const stored = await uploadFile(scan);

      return requestVerification(stored.id);
    },
    onSuccess: () => {
      setFile(null);
      void refreshMe();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const next = !file ? 'required' : file.size > MAX_BYTES ? 'tooLarge' : null;

    setProblem(next);

    if (file && !next) {
      send.mutate(file);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scan-heading">
      <form onSubmit={submit} noValidate aria-labelledby="scan-heading">
        <Stack gap="sm" maw="30rem">
          <Title order={2} size="h4" id="scan-heading">
            {t('profile.scan.title')}
          </Title>
          <Text size="sm">{t('profile.scan.lead')}</Text>
          {send.isError ? <ProblemMessage error={send.error} /> : null}
          <FileInput
            label={t('profile.scan.file')}
            description={t('profile.scan.fileHint')}
            placeholder={t('profile.scan.choose')}
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            clearable
            required
            error={problem ? t(`profile.scan.${problem}`) : undefined}
          />
          <div>
            <Button type="submit" loading={send.isPending}>
              {t('profile.scan.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
