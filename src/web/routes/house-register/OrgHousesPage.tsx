import { Anchor, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { listOrgHouses, type OrgHouse } from '../../api/houseRegister.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { shortAddress } from '../houses/address.js';
import { ContractPeriod } from './ContractPeriod.js';
import { OrgPicker } from './OrgPicker.js';
import { registerKeys } from './registerKeys.js';
import { useOrgChoice } from './useOrgChoice.js';

const LIMIT = 20;

/** /org/houses: the houses the organisation manages, each with its management contract. */
export function OrgHousesPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();

  usePageTitle(t('houseRegister.houses.title'));

  return (
    <Stack gap="lg" maw="72rem">
      <Stack gap={4}>
        <Title order={1}>{t('houseRegister.houses.title')}</Title>
        <Text c="dimmed">{t('houseRegister.houses.lead')}</Text>
      </Stack>
      {pending ? <Loading /> : null}
      {!pending && !chosen ? <Text>{t('houseRegister.noOrganisation')}</Text> : null}
      {chosen ? (
        <>
          <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
          <HouseList orgId={chosen.id} />
        </>
      ) : null}
    </Stack>
  );
}

function HouseList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [query] = useDebouncedValue(q.trim(), 300);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const houses = useQuery({
    queryKey: registerKeys.houses(orgId, query, page),
    queryFn: ({ signal }) =>
      listOrgHouses(orgId, { q: query || undefined, page, limit: LIMIT }, signal),
    placeholderData: keepPreviousData,
  });

  const goTo = (next: number) => {
    const copy = new URLSearchParams(params);

    copy.set('page', String(next));
    setParams(copy);
  };

  return (
    <Stack gap="md">
      <TextInput
        label={t('houseRegister.houses.search')}
        description={t('houseRegister.houses.searchHint')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);

          if (page !== 1) {
            goTo(1);
          }
        }}
        maw="32rem"
      />
      {houses.isPending ? <Loading /> : null}
      {houses.isError ? (
        <ProblemAlert error={houses.error} onRetry={() => void houses.refetch()} />
      ) : null}
      {houses.data?.items.length === 0 ? (
        <Text data-testid="houses-empty">{t('houseRegister.houses.empty')}</Text>
      ) : null}
      {houses.data && houses.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-label={t('houseRegister.houses.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('houseRegister.houses.address')}</Table.Th>
                <Table.Th>{t('houseRegister.houses.management')}</Table.Th>
                <Table.Th ta="right">{t('houseRegister.houses.premises')}</Table.Th>
                <Table.Th ta="right">{t('houseRegister.houses.owned')}</Table.Th>
                <Table.Th ta="right">{t('houseRegister.houses.accounts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {houses.data.items.map((house) => (
                <HouseRow key={house.id} house={house} orgId={orgId} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {houses.data ? (
        <Pager page={page} total={houses.data.total} limit={houses.data.limit} onChange={goTo} />
      ) : null}
    </Stack>
  );
}

function HouseRow({ house, orgId }: { house: OrgHouse; orgId: string }) {
  const { t } = useTranslation();

  return (
    <Table.Tr data-testid="org-house">
      <Table.Td>
        <Anchor component={Link} to={`/org/houses/${house.id}?org=${orgId}`} lang="ru">
          {shortAddress(house.address)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {house.contract ? (
          <ContractPeriod contract={house.contract} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('houseRegister.houses.byRegistry')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{house.premisesCount}</Table.Td>
      <Table.Td ta="right">{house.ownedCount}</Table.Td>
      <Table.Td ta="right">{house.accountsCount}</Table.Td>
    </Table.Tr>
  );
}
