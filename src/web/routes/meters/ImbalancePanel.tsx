import { Badge, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { getImbalance } from '../../api/meters.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatPeriod, formatValue } from './format.js';

/** The common-house meter against the flats' sum, per house and resource; outliers in red. */
export function ImbalancePanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [period, setPeriod] = useState('');
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const data = useQuery({
    queryKey: ['meter-imbalance', orgId, valid ? period : null],
    queryFn: ({ signal }) => getImbalance(orgId, valid ? period : undefined, signal),
  });

  return (
    <Stack gap="md">
      <TextInput
        type="month"
        label={t('meters.imbalance.period')}
        value={period || data.data?.period || ''}
        onChange={(event) => setPeriod(event.currentTarget.value)}
        maw="14rem"
      />
      {data.isPending ? <Loading /> : null}
      {data.isError ? <ProblemAlert error={data.error} /> : null}
      {data.data ? (
        <>
          <Text size="sm">
            {t('meters.imbalance.lead', {
              period: formatPeriod(data.data.period, lang),
              tolerance: data.data.tolerancePercent,
            })}
          </Text>
          <Table withTableBorder data-testid="imbalance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meters.imbalance.house')}</Table.Th>
                <Table.Th>{t('meters.imbalance.resource')}</Table.Th>
                <Table.Th>{t('meters.imbalance.common')}</Table.Th>
                <Table.Th>{t('meters.imbalance.individual')}</Table.Th>
                <Table.Th>{t('meters.imbalance.difference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.houses.flatMap((h) =>
                h.resources.map((r) => (
                  <Table.Tr
                    key={`${h.houseId}-${r.resource}`}
                    bg={r.outOfLine ? 'var(--mantine-color-red-light)' : undefined}
                  >
                    <Table.Td>{h.address}</Table.Td>
                    <Table.Td>{t(`meters.resource.${r.resource}`)}</Table.Td>
                    <Table.Td>{r.common === null ? '—' : formatValue(r.common, lang)}</Table.Td>
                    <Table.Td>{formatValue(r.individual, lang)}</Table.Td>
                    <Table.Td>
                      {r.percent === null ? '—' : `${formatValue(String(r.percent), lang)} %`}{' '}
                      {r.outOfLine ? (
                        <Badge color="red">{t('meters.imbalance.outOfLine')}</Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
