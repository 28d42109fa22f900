import type { TFunction } from 'i18next';
import { Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { searchBuildings } from '../../api/buildings.js';
import { HouseSearchForm } from '../../components/HouseSearchForm.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { HouseList } from './HouseList.js';

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 350;

function pageFrom(value: string | null): number {
  const page = Number(value);

  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * /houses?q=…&page=…: the URL is the state, so results can be shared and the back button works.
 * Typing updates the URL after a short pause; Enter updates it at once.
 */
export function HouseSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const page = pageFrom(params.get('page'));
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), TYPING_PAUSE_MS);
  // The query this page last wrote to the URL; tells our own URL updates from back/forward.
  const written = useRef(q);

  usePageTitle(q ? `${t('search.title')}: ${q}` : t('search.title'));

  const apply = (next: string, options: { replace: boolean }) => {
    written.current = next;
    setParams(next ? { q: next } : {}, options);
  };

  useEffect(() => {
    if (debounced !== written.current) {
      apply(debounced, { replace: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setText(q);
    }
  }, [q]);

  const results = useQuery({
    queryKey: ['buildings', { q, page }],
    queryFn: ({ signal }) => searchBuildings({ q: q || undefined, page, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  const changePage = (next: number) => {
    setParams(q ? { q, page: String(next) } : { page: String(next) });
    document.getElementById('results-title')?.focus();
  };

  const data = results.data;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('search.title')}</Title>
      <HouseSearchForm
        value={text}
        onChange={setText}
        onSubmit={(value) => apply(value, { replace: false })}
      />

      <section aria-labelledby="results-title" aria-busy={results.isFetching}>
        <Title order={2} id="results-title" tabIndex={-1} size="h3" mb="xs">
          {t('search.results')}
        </Title>
        <Text role="status" mb="sm" data-testid="results-count">
          {data ? summary(data.total, q, t) : ''}
        </Text>
        {results.isPending ? <Loading /> : null}
        {results.isError ? (
          <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : null}
        {data && data.items.length > 0 ? (
          <Stack gap="md" style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }}>
            <HouseList houses={data.items} label={t('search.results')} />
            <Pager page={page} total={data.total} limit={data.limit} onChange={changePage} />
          </Stack>
        ) : null}
      </section>
    </Stack>
  );
}

type Translate = TFunction;

function summary(total: number, q: string, t: Translate): string {
  if (!q) {
    return t('search.allHouses', { count: total });
  }

  return total === 0 ? t('search.nothingFound', { q }) : t('search.found', { count: total });
}
