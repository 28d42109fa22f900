import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { listOrgHouses } from '../../api/houseRegister.js';
import { getHouseMeters } from '../../api/meters.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { FormNotice } from './FormNotice.js';
import { MeterCard } from './MeterCard.js';

/** Staff entry: pick a house, then a premise's (or the house's own) meter, and type the values. */
export function HouseEntry({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const houses = useQuery({
    queryKey: ['org-houses', orgId, 'meters'],
    queryFn: ({ signal }) => listOrgHouses(orgId, { limit: 100 }, signal),
  });
  const [houseId, setHouseId] = useState<string | null>(null);
  const [premise, setPremise] = useState<string | null>(null);
  const house = houseId ?? houses.data?.items[0]?.id ?? null;
  const meters = useQuery({
    queryKey: ['house-meters', house],
    queryFn: ({ signal }) => getHouseMeters(house!, signal),
    enabled: house !== null,
  });

  if (houses.isError) {
    return <ProblemAlert error={houses.error} />;
  }

  const places = [...new Set((meters.data?.meters ?? []).map((m) => m.premiseNumber ?? ''))];
  const shown = (meters.data?.meters ?? []).filter(
    (m) => (m.premiseNumber ?? '') === (premise ?? places[0]),
  );

  return (
    <Stack gap="md">
      <Select
        label={t('meters.org.house')}
        data={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.address }))}
        value={house}
        onChange={(id) => {
          setHouseId(id);
          setPremise(null);
        }}
        searchable
        maw="36rem"
      />
      {meters.isPending && house ? <Loading /> : null}
      {meters.isError ? <ProblemAlert error={meters.error} /> : null}
      {meters.data ? (
        <>
          <FormNotice form={meters.data.form} />
          <Select
            label={t('meters.org.place')}
            data={places.map((p) => ({
              value: p,
              label: p ? t('meters.org.flat', { number: p }) : t('meters.org.common'),
            }))}
            value={premise ?? places[0] ?? null}
            onChange={setPremise}
            searchable
            maw="20rem"
          />
          {shown.length === 0 ? <Text>{t('meters.noMeters')}</Text> : null}
          {shown.map((m) => (
            <MeterCard
              key={m.id}
              meter={m}
              form={meters.data.form}
              premiseId={m.premiseId ?? m.houseId}
            />
          ))}
        </>
      ) : null}
    </Stack>
  );
}
