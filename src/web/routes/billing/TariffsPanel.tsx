import { Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { createTariff, listTariffs } from '../../api/billing.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const SERVICES = [
  'maintenance',
  'capital_repair',
  'cold_water',
  'hot_water',
  'sewerage',
  'electricity',
  'heating',
] as const;
const ZONES = ['single', 'day', 'night', 'peak', 'semi_peak'] as const;

/** The organisation's tariffs as versions with dates; a new version ends the previous one. */
export function TariffsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tariffs = useQuery({
    queryKey: ['billing', 'tariffs', orgId],
    queryFn: ({ signal }) => listTariffs(orgId, signal),
  });
  const [service, setService] = useState<string>('maintenance');
  const [zone, setZone] = useState<string>('single');
  const [rate, setRate] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const add = useMutation({
    mutationFn: () => createTariff(orgId, { service, zone, rate, validFrom, houseId: null }),
    onSuccess: () => {
      setRate('');
      void queryClient.invalidateQueries({ queryKey: ['billing', 'tariffs', orgId] });
    },
  });

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('billing.tariffs.service')}
          data={SERVICES.map((s) => ({ value: s, label: t(`billing.services.${s}`) }))}
          value={service}
          onChange={(v) => setService(v ?? 'maintenance')}
          allowDeselect={false}
        />
        <Select
          label={t('billing.tariffs.zone')}
          data={ZONES.map((z) => ({ value: z, label: t(`billing.zones.${z}`) }))}
          value={zone}
          onChange={(v) => setZone(v ?? 'single')}
          allowDeselect={false}
          w="10rem"
        />
        <TextInput
          label={t('billing.tariffs.rate')}
          value={rate}
          onChange={(e) => setRate(e.currentTarget.value)}
          w="9rem"
        />
        <TextInput
          label={t('billing.tariffs.validFrom')}
          placeholder="2027-01-01"
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          w="10rem"
        />
        <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!rate || !validFrom}>
          {t('billing.tariffs.add')}
        </Button>
      </Group>
      {add.error ? <ProblemAlert error={add.error} /> : null}
      {tariffs.error ? <ProblemAlert error={tariffs.error} /> : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.tariffs.service')}</Table.Th>
            <Table.Th>{t('billing.tariffs.zone')}</Table.Th>
            <Table.Th ta="right">{t('billing.tariffs.rate')}</Table.Th>
            <Table.Th>{t('billing.tariffs.period')}</Table.Th>
            <Table.Th>{t('billing.tariffs.house')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(tariffs.data?.items ?? []).map((tariff) => (
            <Table.Tr key={tariff.id}>
              <Table.Td>
                {t(`billing.services.${tariff.service as 'maintenance'}`)}{' '}
                {tariff.isDemo ? (
                  <Badge size="xs" color="gray">
                    {t('billing.tariffs.demo')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`billing.zones.${tariff.zone as 'single'}`)}</Table.Td>
              <Table.Td ta="right">
                {tariff.rate.replace(/\.?0+$/, '').replace('.', ',')} ₽ /{' '}
                {t(`billing.units.${tariff.unit as 'm2'}`)}
              </Table.Td>
              <Table.Td>
                {tariff.validFrom} — {tariff.validTo ?? t('billing.tariffs.open')}
              </Table.Td>
              <Table.Td>{tariff.houseAddress ?? t('billing.tariffs.allHouses')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
