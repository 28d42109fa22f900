import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { searchBuildings } from '../../api/buildings.js';
import { shortAddress } from '../houses/address.js';

type House = { id: string; address: string };

const TYPING_PAUSE_MS = 250;

/**
 * Picks a house of the platform by address, searching the registry of houses as the person types
 * (the same search as the public house page). Only a house from the list can be chosen.
 */
export function HousePicker({
  value,
  onChange,
  error,
}: {
  value: House | null;
  onChange: (house: House | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? shortAddress(value.address) : '');
  const [debounced] = useDebouncedValue(search.trim(), TYPING_PAUSE_MS);
  const searching = debounced.length >= 2 && debounced !== shortAddress(value?.address ?? '');
  const found = useQuery({
    queryKey: ['claim-house-search', debounced],
    queryFn: ({ signal }) => searchBuildings({ q: debounced, limit: 10 }, signal),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const houses = new Map<string, House>();

  if (value) {
    houses.set(value.id, value);
  }

  for (const house of searching ? (found.data?.items ?? []) : []) {
    houses.set(house.id, { id: house.id, address: house.address });
  }

  return (
    <Select
      label={t('property.add.house.label')}
      description={t('property.add.house.hint')}
      placeholder={t('property.add.house.placeholder')}
      searchable
      required
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by address; the list shows what it found.
      filter={({ options }) => options}
      data={[...houses.values()].map((house) => ({
        value: house.id,
        label: shortAddress(house.address),
      }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (houses.get(id) ?? null) : null)}
      nothingFoundMessage={
        debounced.length < 2 ? t('property.add.house.typeMore') : t('property.add.house.nothing')
      }
      error={error}
      maxDropdownHeight={280}
    />
  );
}
