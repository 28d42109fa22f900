import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { RegistryObject } from '../../api/registry.js';
import { formatArea } from '../../i18n/format.js';
import { RightsTable } from './RightsTable.js';

/** One registry object: where it is, what it is, and who holds which share of it. */
export function RegistryObjectCard({ object }: { object: RegistryObject }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) =>
    iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(i18n.language, { timeZone: 'UTC' }) : '—';
  const facts: [string, ReactNode][] = [
    [t('registry.object.kind'), t(`registry.kind.${object.kind}`)],
    [t('registry.object.premiseNumber'), object.premiseNumber ?? '—'],
    [
      t('registry.object.area'),
      t('registry.object.areaValue', { area: formatArea(object.area, i18n.language) }),
    ],
    [t('registry.object.extractedOn'), date(object.extractedOn)],
    [
      t('registry.object.house'),
      object.house ? (
        <Anchor component={Link} to={`/houses/${object.house.id}`}>
          {object.house.address}
        </Anchor>
      ) : (
        t('registry.object.noHouse')
      ),
    ],
    [t('registry.object.sharesTotal'), object.sharesTotal],
  ];

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      aria-labelledby="registry-object-heading"
      data-testid="registry-object"
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} id="registry-object-heading">
            {t('registry.object.title', { number: object.cadastralNumber })}
          </Title>
          <Text lang="ru" style={{ overflowWrap: 'anywhere' }}>
            {object.address}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <RightsTable rights={object.rights} formatDate={date} />
      </Stack>
    </Paper>
  );
}
