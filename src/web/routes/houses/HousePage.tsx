import {
  Alert,
  Anchor,
  Breadcrumbs,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { getBuilding } from '../../api/buildings.js';
import { ApiError } from '../../api/client.js';
import type { Area, BuildingDetail } from '../../api/types.js';
import { EmergencyBadge } from '../../components/EmergencyBadge.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatArea, formatDate, formatDay, formatInteger } from '../../i18n/format.js';
import { HouseMeetingsSection } from '../meetings/HouseMeetingsSection.js';
import { FactList, type Fact } from './FactList.js';
import { HouseMap } from './HouseMap.js';

/** /houses/:id: everything the registry knows about one house. */
export function HousePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();

  const house = useQuery({
    queryKey: ['building', id],
    queryFn: ({ signal }) => getBuilding(id, signal),
  });

  const notFound =
    house.error instanceof ApiError && (house.error.status === 404 || house.error.status === 400);

  usePageTitle(house.data?.address ?? (notFound ? t('house.notFound') : undefined));

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('house.breadcrumbs')} separator="›">
        <Anchor component={Link} to="/">
          {t('app.name')}
        </Anchor>
        <Anchor component={Link} to="/houses">
          {t('header.houses')}
        </Anchor>
      </Breadcrumbs>
      {house.isPending ? <Loading /> : null}
      {house.isError ? (
        <>
          {notFound ? <Title order={1}>{t('house.notFound')}</Title> : null}
          <ProblemAlert
            error={house.error}
            onRetry={notFound ? undefined : () => void house.refetch()}
          />
        </>
      ) : null}
      {house.data ? <HouseDetails house={house.data} /> : null}
    </Stack>
  );
}

function HouseDetails({ house }: { house: BuildingDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';

  const count = (value: number | null) => (value === null ? null : formatInteger(value, language));
  const area = (value: Area) =>
    value === null ? null : t('house.squareMetres', { value: formatArea(value, language) });

  const general: Fact[] = [
    { label: t('house.fields.yearBuilt'), value: house.yearBuilt, testId: 'house-year' },
    { label: t('house.fields.houseType'), value: house.houseType, lang: 'ru' },
    { label: t('house.fields.series'), value: house.series, lang: 'ru' },
    { label: t('house.fields.floorsMax'), value: count(house.floorsMax) },
    { label: t('house.fields.floorsMin'), value: count(house.floorsMin) },
    { label: t('house.fields.entrances'), value: count(house.entrances) },
    { label: t('house.fields.energyClass'), value: house.energyClass, lang: 'ru' },
    { label: t('house.fields.cadastralNumber'), value: house.cadastralNumber },
    { label: t('house.fields.capitalRepairFund'), value: house.capitalRepairFund, lang: 'ru' },
  ];

  const premises: Fact[] = [
    { label: t('house.fields.premisesCount'), value: count(house.premisesCount) },
    {
      label: t('house.fields.residentialPremisesCount'),
      value: count(house.residentialPremisesCount),
    },
    {
      label: t('house.fields.nonResidentialPremisesCount'),
      value: count(house.nonResidentialPremisesCount),
    },
  ];

  const areas: Fact[] = [
    { label: t('house.fields.areaTotal'), value: area(house.areaTotal), testId: 'house-area' },
    { label: t('house.fields.areaResidential'), value: area(house.areaResidential) },
    { label: t('house.fields.areaNonResidential'), value: area(house.areaNonResidential) },
    { label: t('house.fields.areaCommon'), value: area(house.areaCommon) },
    { label: t('house.fields.areaLand'), value: area(house.areaLand) },
    { label: t('house.fields.areaParking'), value: area(house.areaParking) },
  ];

  const organisation = house.managingOrganisation;
  const management: Fact[] = [
    {
      label: t('house.fields.managingOrganisation'),
      value: organisation ? (
        <Anchor component={Link} to={`/organisations/${organisation.id}`} lang="ru">
          {organisation.name}
        </Anchor>
      ) : null,
    },
    {
      label: t('house.fields.serviceStartedOn'),
      value: house.serviceStartedOn ? formatDay(house.serviceStartedOn, language) : null,
    },
  ];

  const improvements: Fact[] = [
    { label: t('house.fields.playground'), value: house.playground, lang: 'ru' },
    { label: t('house.fields.sportsGround'), value: house.sportsGround, lang: 'ru' },
    { label: t('house.fields.otherImprovements'), value: house.otherImprovements, lang: 'ru' },
  ];

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} data-testid="house-address" lang="ru">
          {house.address}
        </Title>
        <Group gap="sm">
          <EmergencyBadge value={house.isEmergency} />
          <Text size="sm" c="dimmed">
            {t('house.portalId', { id: house.portalId })}
          </Text>
        </Group>
      </Stack>

      {house.demo && house.demo.premises > 0 ? (
        <Alert color="grape" variant="outline" data-testid="demo-note">
          {t('house.demoNote', { count: house.demo.premises })}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <FactList id="house-general" title={t('house.sections.general')} facts={general} />
        <Stack gap="md">
          <FactList id="house-premises" title={t('house.sections.premises')} facts={premises} />
          <FactList id="house-areas" title={t('house.sections.areas')} facts={areas} />
        </Stack>
        <Stack gap="md">
          <FactList
            id="house-management"
            title={t('house.sections.management')}
            facts={management}
          />
          <FactList
            id="house-improvements"
            title={t('house.sections.improvements')}
            facts={improvements}
          />
        </Stack>
        <LocationSection house={house} />
      </SimpleGrid>

      <HouseMeetingsSection houseId={house.id} />

      {house.notes ? (
        <FactList
          id="house-notes"
          title={t('house.fields.notes')}
          facts={[{ label: t('house.fields.notes'), value: house.notes, lang: 'ru' }]}
        />
      ) : null}

      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('house.source')}
        </Text>
        {house.portalUpdatedAt ? (
          <Text size="sm" c="dimmed">
            {t('house.fields.portalUpdatedAt')}:{' '}
            {formatDate(house.portalUpdatedAt, language, house.timeZone ?? undefined)}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}

function LocationSection({ house }: { house: BuildingDetail }) {
  const { t } = useTranslation();

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="house-location">
      <Title order={2} size="h3" id="house-location" mb="sm">
        {t('house.sections.location')}
      </Title>
      <Stack gap="sm">
        <HouseMap latitude={house.latitude} longitude={house.longitude} address={house.address} />
        {house.timeZone ? (
          <Text size="sm">
            {t('house.fields.timeZone')}: {house.timeZone}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
