import { Badge, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ImportReport, ImportReportRow, ImportRowStatus } from '../../api/premisesImport.js';

const STATUS_COLOR: Record<ImportRowStatus, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
  error: 'red',
};

/** Every row of the file with what happens to it and why, errors first to the eye in red. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const [onlyErrors, setOnlyErrors] = useState(false);
  const rows = onlyErrors ? report.rows.filter((row) => row.status === 'error') : report.rows;

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('premisesImport.report')}
      </Title>
      <Text size="sm" data-testid="import-totals">
        {t('premisesImport.totals', report.totals)}
      </Text>
      {report.unknownColumns.length > 0 ? (
        <Text size="sm" c="orange">
          {t('premisesImport.unknownColumns', { names: report.unknownColumns.join(', ') })}
        </Text>
      ) : null}
      <Switch
        label={t('premisesImport.onlyErrors')}
        checked={onlyErrors}
        onChange={(event) => setOnlyErrors(event.currentTarget.checked)}
        disabled={report.totals.error === 0}
      />
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('premisesImport.report')} data-testid="import-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{t('premisesImport.col.line')}</Table.Th>
              <Table.Th>{t('premisesImport.col.status')}</Table.Th>
              <Table.Th>{t('premisesImport.col.premise')}</Table.Th>
              <Table.Th>{t('premisesImport.col.owner')}</Table.Th>
              <Table.Th>{t('premisesImport.col.account')}</Table.Th>
              <Table.Th>{t('premisesImport.col.messages')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <ReportRow key={row.line} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ReportRow({ row }: { row: ImportReportRow }) {
  const { t } = useTranslation();

  return (
    <Table.Tr data-testid="import-row" data-status={row.status}>
      <Table.Td ta="right">{row.line}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[row.status]} variant="light">
          {t(`premisesImport.status.${row.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td lang="ru">{[row.kind, row.number].filter(Boolean).join(' ')}</Table.Td>
      <Table.Td lang="ru">{row.owner}</Table.Td>
      <Table.Td>{row.accountNumber ?? ''}</Table.Td>
      <Table.Td>
        {row.problems.map((problem, index) => (
          <Text key={`p${index}`} size="sm" c="red">
            {problem.message}
          </Text>
        ))}
        {row.warnings.map((warning, index) => (
          <Text key={`w${index}`} size="sm" c="orange">
            {warning.message}
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}
