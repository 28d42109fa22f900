import { Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import { importRegistryExtract, type RegistryImportReport } from '../../api/registry.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ImportReport } from './ImportReport.js';

/** The report a refused file comes back with (422 `import_file_invalid` carries it). */
function refusedReport(error: unknown): RegistryImportReport | null {
  const report = error instanceof ApiError ? error.extensions.report : undefined;

  return typeof report === 'object' && report !== null ? (report as RegistryImportReport) : null;
}

/**
 * Loading an extract in two steps: a dry run shows what every row would do, storing nothing;
 * only then can the same file be imported. Choosing another file starts over.
 */
export function ExtractUpload({ onLookUp }: { onLookUp: (cadastralNumber: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) =>
      importRegistryExtract(input.file, input.dryRun),
    // Objects shown by the lookup may have changed.
    onSuccess: (report) =>
      report.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: ['registry-object'] }),
  });
  const report = send.data ?? refusedReport(send.error);
  const canImport = send.data?.status === 'preview' && send.variables?.file === file;

  const choose = (next: File | null) => {
    setFile(next);
    setMissing(false);
    send.reset();
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    setMissing(file === null);

    if (file) {
      send.mutate({ file, dryRun: true });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="registry-upload-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="registry-upload-heading">
          {t('registry.upload.title')}
        </Title>
        <Text size="sm">{t('registry.upload.lead')}</Text>
        <form onSubmit={preview} noValidate aria-labelledby="registry-upload-heading">
          <Stack gap="sm" maw="32rem">
            <FileInput
              label={t('registry.upload.file')}
              description={t('registry.upload.fileHint')}
              placeholder={t('registry.upload.choose')}
              accept=".csv,.xml,text/csv,application/xml,text/xml"
              value={file}
              onChange={choose}
              clearable
              clearButtonProps={{ 'aria-label': t('registry.upload.clear') }}
              required
              error={missing ? t('registry.upload.required') : undefined}
            />
            <Group gap="sm">
              <Button
                type="submit"
                variant={canImport ? 'default' : 'filled'}
                loading={send.isPending && send.variables?.dryRun}
                disabled={send.isPending}
              >
                {t('registry.upload.preview')}
              </Button>
              {canImport && file ? (
                <Button
                  onClick={() => send.mutate({ file, dryRun: false })}
                  loading={send.isPending}
                >
                  {t('registry.upload.import')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
        {send.isError && !report ? <ProblemAlert error={send.error} /> : null}
        {report ? <ImportReport report={report} onLookUp={onLookUp} /> : null}
      </Stack>
    </Paper>
  );
}
