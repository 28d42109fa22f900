import { Alert, Button, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import { listOrgHouses } from '../../api/houseRegister.js';
import { importPremises, type ImportReport } from '../../api/premisesImport.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { shortAddress } from '../houses/address.js';
import { ImportReportView } from './ImportReportView.js';

/**
 * Choose a house and a file, check it (a dry run that stores nothing), then import. Choosing
 * another house or file forgets the report, so an import always follows a check of that file.
 */
export function ImportFlow({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [houseId, setHouseId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const houses = useQuery({
    queryKey: ['premises-import', 'houses', orgId],
    queryFn: ({ signal }) => listOrgHouses(orgId, { limit: 100 }, signal),
  });
  const check = useMutation({
    mutationFn: (input: { houseId: string; file: File }) =>
      importPremises(input.houseId, input.file, true),
  });
  const run = useMutation({
    mutationFn: (input: { houseId: string; file: File }) =>
      importPremises(input.houseId, input.file, false),
  });
  const reset = () => {
    check.reset();
    run.reset();
  };
  const report = run.data ?? reportOf(run.error) ?? check.data;
  const failure = run.error && !reportOf(run.error) ? run.error : check.error;

  return (
    <Stack gap="md">
      {houses.isError ? <ProblemAlert error={houses.error} /> : null}
      <Select
        label={t('premisesImport.house')}
        placeholder={t('premisesImport.housePlaceholder')}
        data={(houses.data?.items ?? []).map((h) => ({
          value: h.id,
          label: shortAddress(h.address),
        }))}
        value={houseId}
        onChange={(value) => {
          setHouseId(value);
          reset();
        }}
        searchable
        nothingFoundMessage={t('premisesImport.housesEmpty')}
        maw="40rem"
        data-testid="import-house"
      />
      <FileInput
        label={t('premisesImport.file')}
        description={t('premisesImport.fileHint')}
        placeholder={t('premisesImport.filePlaceholder')}
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(value) => {
          setFile(value);
          reset();
        }}
        clearable
        maw="40rem"
        data-testid="import-file"
      />
      <Group>
        <Button
          disabled={!houseId || !file}
          loading={check.isPending}
          onClick={() => {
            run.reset();
            check.mutate({ houseId: houseId!, file: file! });
          }}
        >
          {t('premisesImport.check')}
        </Button>
        {check.data?.status === 'preview' && !run.data ? (
          <Button
            color="green"
            loading={run.isPending}
            onClick={() => run.mutate({ houseId: houseId!, file: file! })}
          >
            {t('premisesImport.import')}
          </Button>
        ) : null}
      </Group>
      {failure ? <ProblemAlert error={failure} /> : null}
      {report ? <Outcome report={report} /> : null}
      {report ? <ImportReportView report={report} /> : null}
    </Stack>
  );
}

/** A refused import answers 422 with the row-by-row report attached. */
function reportOf(error: unknown): ImportReport | undefined {
  const report = error instanceof ApiError ? error.extensions.report : undefined;

  return report && typeof report === 'object' ? (report as ImportReport) : undefined;
}

function Outcome({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const e = report.effects;

  if (report.status === 'refused') {
    return (
      <Alert color="red" role="alert" data-testid="import-outcome">
        {t('premisesImport.refused')}
      </Alert>
    );
  }

  if (report.status === 'preview') {
    return (
      <Alert color="blue" data-testid="import-outcome">
        {t('premisesImport.ready')}
      </Alert>
    );
  }

  return (
    <Alert color="green" role="status" data-testid="import-outcome">
      <Text fw={600}>{t('premisesImport.imported', { rows: report.totals.rows })}</Text>
      <Text size="sm">
        {t('premisesImport.effects', {
          premises: e.premisesCreated,
          owners: e.personsCreated + e.organisationsCreated,
          ownerships: e.ownershipsCreated,
          accounts: e.accountsCreated,
          premisesUpdated: e.premisesUpdated,
        })}
      </Text>
    </Alert>
  );
}
