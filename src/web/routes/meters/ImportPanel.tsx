import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { importReadings } from '../../api/meters.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** A file of readings (CSV or XLSX): the good rows land, every bad one is listed with its line. */
export function ImportPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({ mutationFn: (f: File) => importReadings(orgId, f) });
  const report = run.data;

  return (
    <Stack gap="md">
      <Text size="sm">{t('meters.import.lead')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();

          if (file) {
            run.mutate(file);
          }
        }}
      >
        <Group align="flex-end">
          <FileInput
            label={t('meters.import.file')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            maw="24rem"
            data-testid="readings-import-file"
          />
          <Button type="submit" disabled={!file} loading={run.isPending}>
            {t('meters.import.run')}
          </Button>
        </Group>
      </form>
      {run.isError ? <ProblemAlert error={run.error} /> : null}
      {report ? (
        <Stack gap="sm" data-testid="readings-import-report">
          <Alert color={report.rowsRefused ? 'orange' : 'green'} title={t('meters.import.done')}>
            {t('meters.import.totals', {
              total: report.rowsTotal,
              imported: report.rowsImported,
              flagged: report.rowsFlagged,
              refused: report.rowsRefused,
            })}
          </Alert>
          {report.problems.length > 0 ? (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('meters.import.line')}</Table.Th>
                  <Table.Th>{t('meters.import.outcome')}</Table.Th>
                  <Table.Th>{t('meters.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.map((p) => (
                  <Table.Tr key={`${p.line}-${p.code}`}>
                    <Table.Td>{p.line}</Table.Td>
                    <Table.Td>
                      <Badge color={p.severity === 'refused' ? 'red' : 'orange'}>
                        {t(`meters.import.${p.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          {report.problemsTruncated ? <Text size="sm">{t('meters.import.truncated')}</Text> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
