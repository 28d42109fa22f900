import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RegistryImportReport } from '../../api/registry.js';
import { ReportRows } from './ReportRows.js';

const TONE = { imported: 'teal.9', preview: 'blue.9', refused: 'red' } as const;

/** What an import did or would do: the totals, then every row with its outcome or problems. */
export function ImportReport({
  report,
  onLookUp,
}: {
  report: RegistryImportReport;
  onLookUp: (cadastralNumber: string) => void;
}) {
  const { t } = useTranslation();
  const counts = {
    rows: report.rowsRead,
    objects: report.objectsRead,
    rights: report.rightsRead,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    matched: report.housesMatched,
    broken: report.rowsWithErrors,
  };

  return (
    <Stack gap="sm" data-testid="registry-report">
      <Alert
        color={TONE[report.status]}
        variant="outline"
        role={report.status === 'refused' ? 'alert' : 'status'}
        title={t(`registry.report.status.${report.status}`, { file: report.fileName })}
      >
        <Text size="sm">
          {report.status === 'refused'
            ? t('registry.report.refusedSummary', counts)
            : t('registry.report.summary', counts)}
        </Text>
      </Alert>
      {report.unmatched.length > 0 ? (
        <div>
          <Text size="sm" fw={600}>
            {t('registry.report.unmatched')}
          </Text>
          <List size="sm">
            {report.unmatched.map((item) => (
              <List.Item key={item.address}>
                {t(`registry.report.unmatchedReason.${item.reason}`, {
                  address: item.address,
                  objects: item.objects,
                })}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {report.ignored.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('registry.report.ignored', { columns: report.ignored.join(', ') })}
        </Text>
      ) : null}
      <ReportRows report={report} onLookUp={onLookUp} />
    </Stack>
  );
}
