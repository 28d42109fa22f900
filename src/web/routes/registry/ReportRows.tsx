import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RegistryImportReport, RowOutcome } from '../../api/registry.js';

const BADGE: Record<RowOutcome['outcome'], string> = {
  created: 'teal.9',
  updated: 'blue.9',
  unchanged: 'gray.7',
  valid: 'gray.7',
  refused: 'red.9',
};

/**
 * Every row of the file: its line, its object and what became of it; a refused row lists each of
 * its problems. A row's object can be looked up once it is in the registry.
 */
export function ReportRows({
  report,
  onLookUp,
}: {
  report: RegistryImportReport;
  onLookUp: (cadastralNumber: string) => void;
}) {
  const { t } = useTranslation();
  const problemsOf = new Map<number, string[]>();

  for (const problem of report.errors) {
    problemsOf.set(problem.line, [...(problemsOf.get(problem.line) ?? []), problem.message]);
  }

  const stored = report.status === 'imported';
  // XML states an object's own fields on <object>, whose line is no row's: listed apart.
  const rowLines = new Set(report.rows.map((row) => row.line));
  const elsewhere = report.errors.filter((problem) => !rowLines.has(problem.line));

  return (
    <section aria-label={t('registry.report.rowsTitle')}>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing={4} data-testid="registry-report-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('registry.report.line')}</Table.Th>
              <Table.Th scope="col">{t('registry.report.cadastralNumber')}</Table.Th>
              <Table.Th scope="col">{t('registry.report.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={row.line} data-outcome={row.outcome}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {stored ? (
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => onLookUp(row.cadastralNumber)}
                    >
                      {row.cadastralNumber}
                    </Anchor>
                  ) : (
                    row.cadastralNumber || '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={BADGE[row.outcome]} radius="sm">
                    {t(`registry.report.rowOutcome.${row.outcome}`)}
                  </Badge>
                  {(problemsOf.get(row.line) ?? []).map((message) => (
                    <Text key={message} size="sm" c="red.9">
                      {message}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {elsewhere.map((problem) => (
        <Text key={`${problem.line}:${problem.field}:${problem.code}`} size="sm" c="red.9">
          {t('registry.report.lineProblem', { line: problem.line, message: problem.message })}
        </Text>
      ))}
      {report.rowsRead > report.rows.length || report.errorsTotal > report.errors.length ? (
        <Text size="sm" c="dimmed">
          {t('registry.report.truncated', { shown: report.rows.length, total: report.rowsRead })}
        </Text>
      ) : null}
    </section>
  );
}
