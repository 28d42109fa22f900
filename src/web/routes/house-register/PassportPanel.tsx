import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Passport } from '../../api/houseRegister.js';
import { formatArea } from '../../i18n/format.js';

/** The house passport: what the registry says of the house beside what its premises add up to. */
export function PassportPanel({ passport }: { passport: Passport }) {
  const { t, i18n } = useTranslation();
  const house = passport.house;
  const area = (value: string | null) =>
    value === null ? '—' : `${formatArea(value, i18n.language)} ${t('houseRegister.sqm')}`;
  const facts: [string, ReactNode][] = [
    [t('houseRegister.passport.yearBuilt'), house.yearBuilt ?? '—'],
    [t('houseRegister.passport.floors'), house.floorsMax ?? '—'],
    [t('houseRegister.passport.entrances'), house.entrances ?? '—'],
    [t('houseRegister.passport.cadastralNumber'), house.cadastralNumber ?? '—'],
    [t('houseRegister.passport.areaTotal'), area(house.areaTotal)],
    [t('houseRegister.passport.areaResidential'), area(house.areaResidential)],
    [t('houseRegister.passport.areaNonResidential'), area(house.areaNonResidential)],
    [t('houseRegister.passport.areaParking'), area(house.areaParking)],
    [t('houseRegister.passport.owners'), passport.ownersCount],
    [t('houseRegister.passport.withoutOwners'), passport.premisesWithoutOwners],
    [t('houseRegister.passport.accountsOpen'), passport.accountsOpen],
    [t('houseRegister.passport.residents'), passport.residentsCount],
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="passport-title">
      <Stack gap="sm">
        <Title order={2} id="passport-title">
          {t('houseRegister.passport.title')}
        </Title>
        {house.isEmergency ? (
          <Text c="red" fw={600}>
            {t('houseRegister.passport.emergency')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={500}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <AreaCheck passport={passport} />
      </Stack>
    </Paper>
  );
}

/** Where the registry's areas and the premises' own differ, staff see by how much. */
function AreaCheck({ passport }: { passport: Passport }) {
  const { t, i18n } = useTranslation();
  const off = passport.areaCheck.filter(
    (row) => row.difference !== null && row.difference !== '0.00',
  );

  if (off.length === 0) {
    return null;
  }

  return (
    <Stack gap={2} data-testid="area-check">
      {off.map((row) => (
        <Text key={row.part} size="sm" c="orange.9">
          {t('houseRegister.passport.areaDiffers', {
            part: t(`houseRegister.parts.${row.part}`),
            registry: formatArea(row.registry ?? '0', i18n.language),
            premises: formatArea(row.premises, i18n.language),
          })}
        </Text>
      ))}
    </Stack>
  );
}
