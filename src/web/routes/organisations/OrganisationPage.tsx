import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';

import { searchBuildings } from '../../api/buildings.js';
import { ApiError } from '../../api/client.js';
import type { OrganisationDetail } from '../../api/types.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { getOrganisation } from '../../api/organisations.js';
import { formatInteger } from '../../i18n/format.js';
import { HouseList } from '../houses/HouseList.js';
import { FactList } from '../houses/FactList.js';

const PAGE_SIZE = 20;

/** /organisations/:id: the organisation's registry facts and the houses it manages. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();

  const organisation = useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) => getOrganisation(id, signal),
  });

  const notFound =
    organisation.error instanceof ApiError &&
    (organisation.error.status === 404 || organisation.error.status === 400);

  usePageTitle(organisation.data?.name);

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
      {organisation.isPending ? <Loading /> : null}
      {organisation.isError ? (
        <ProblemAlert
          error={organisation.error}
          onRetry={notFound ? undefined : () => void organisation.refetch()}
        />
      ) : null}
      {organisation.data ? <OrganisationDetails organisation={organisation.data} /> : null}
    </Stack>
  );
}

function OrganisationDetails({ organisation }: { organisation: OrganisationDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const kindKey = `organisation.kinds.${organisation.kind}`;
  const kind = i18n.exists(kindKey) ? t(kindKey as 'organisation.kinds.other') : organisation.kind;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} data-testid="organisation-name">
          {organisation.name}
        </Title>
        <Text c="dimmed">{kind}</Text>
      </Stack>
      <FactList
        id="organisation-facts"
        title={t('house.sections.general')}
        facts={[
          { label: t('organisation.inn'), value: organisation.inn },
          { label: t('organisation.ogrn'), value: organisation.ogrn },
          {
            label: t('organisation.housesCount'),
            value: formatInteger(organisation.housesCount, language),
          },
          {
            label: t('organisation.portalLink'),
            value: organisation.portalLink ? (
              <Anchor href={organisation.portalLink} rel="noopener noreferrer">
                {organisation.portalLink}
              </Anchor>
            ) : null,
          },
        ]}
      />
      <OrganisationHouses organisationId={organisation.id} />
    </Stack>
  );
}

/**
 * The organisation's houses through `GET /buildings?organisationId=`. A server that ignores the
 * filter answers with other organisations' houses; that is detected and said plainly rather than
 * shown as if it were this organisation's list.
 */
function OrganisationHouses({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);

  const houses = useQuery({
    queryKey: ['buildings', { organisationId, page }],
    queryFn: ({ signal }) => searchBuildings({ organisationId, page, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  const filterIgnored =
    houses.data?.items.some((house) => house.managingOrganisation?.id !== organisationId) ?? false;
  const filterRejected = houses.error instanceof ApiError && houses.error.status === 400;

  return (
    <section aria-labelledby="organisation-houses">
      <Title order={2} size="h3" id="organisation-houses" mb="sm" tabIndex={-1}>
        {t('organisation.housesTitle')}
      </Title>
      {houses.isPending ? <Loading /> : null}
      {filterIgnored || filterRejected ? (
        <Text>
          {t('organisation.housesUnavailable')}{' '}
          <Anchor component={Link} to="/houses">
            {t('coming.searchHouses')}
          </Anchor>
        </Text>
      ) : null}
      {houses.isError && !filterRejected ? (
        <ProblemAlert error={houses.error} onRetry={() => void houses.refetch()} />
      ) : null}
      {houses.data && !filterIgnored ? (
        houses.data.items.length === 0 ? (
          <Text>{t('organisation.noHouses')}</Text>
        ) : (
          <Stack gap="md">
            <HouseList
              houses={houses.data.items}
              label={t('organisation.housesTitle')}
              showOrganisation={false}
            />
            <Pager
              page={page}
              total={houses.data.total}
              limit={houses.data.limit}
              onChange={(next) => {
                setParams({ page: String(next) });
                document.getElementById('organisation-houses')?.focus();
              }}
            />
          </Stack>
        )
      ) : null}
    </section>
  );
}
