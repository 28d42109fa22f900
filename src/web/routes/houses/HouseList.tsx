import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { BuildingSummary } from '../../api/types.js';
import { EmergencyBadge } from '../../components/EmergencyBadge.js';
import { shortAddress } from './address.js';
import classes from './HouseList.module.css';

/** Houses as a list of links; each line says the facts people check first. */
export function HouseList({
  houses,
  label,
  showOrganisation = true,
}: {
  houses: BuildingSummary[];
  label: string;
  /** Off where the whole list belongs to one organisation anyway. */
  showOrganisation?: boolean;
}) {
  const { t } = useTranslation();

  return (
    <Stack component="ul" gap="xs" className={classes.list} aria-label={label}>
      {houses.map((house) => {
        const facts = [
          house.yearBuilt !== null ? t('search.yearShort', { year: house.yearBuilt }) : null,
          house.floorsMax !== null ? t('search.floorsShort', { count: house.floorsMax }) : null,
        ].filter((fact): fact is string => fact !== null);

        return (
          <Paper component="li" key={house.id} withBorder p="sm" className={classes.item}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Anchor
                component={Link}
                to={`/houses/${house.id}`}
                fw={600}
                className={classes.link}
                lang="ru"
              >
                {shortAddress(house.address)}
              </Anchor>
              <EmergencyBadge value={house.isEmergency} hideWhenSafe />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {[
                ...facts,
                ...(showOrganisation
                  ? [house.managingOrganisation?.name ?? t('search.noOrganisation')]
                  : []),
              ].join(' · ')}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
