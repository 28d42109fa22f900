import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { listAuditEntries, verifyAuditChain, type AuditEntry } from '../../api/audit.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatDateTime } from '../../i18n/format.js';
import { FILTERS, toAuditQuery, type JournalFilters } from './journalQuery.js';

const PAGE_SIZE = 25;

function filtersFrom(params: URLSearchParams): JournalFilters {
  return Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as JournalFilters;
}

/** /journal: the audit journal with filters, and whether its hash chain is intact. */
export function JournalPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<JournalFilters>(applied);
  const { query, invalid } = toAuditQuery(applied, page, PAGE_SIZE);
  const entries = useQuery({
    queryKey: ['audit-entries', query],
    queryFn: ({ signal }) => listAuditEntries(query, signal),
    placeholderData: keepPreviousData,
    enabled: invalid.length === 0,
    staleTime: 0,
  });

  usePageTitle(t('journal.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim())));
  };

  const reset = () => {
    setDraft(filtersFrom(new URLSearchParams()));
    setParams({});
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('journal.title')}</Title>
      <ChainStatus />
      <Paper withBorder p="md" component="section" aria-labelledby="journal-filters">
        <form onSubmit={submit} role="search" aria-labelledby="journal-filters">
          <Stack gap="sm">
            <Title order={2} size="h4" id="journal-filters">
              {t('journal.filters')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {FILTERS.map((key) => (
                <TextInput
                  key={key}
                  label={t(`journal.fields.${key}`)}
                  type={key === 'from' || key === 'to' ? 'datetime-local' : 'text'}
                  value={draft[key]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;

                    setDraft((current) => ({ ...current, [key]: value }));
                  }}
                  autoComplete="off"
                  maxLength={200}
                  error={invalid.includes(key) ? t(`journal.invalid.${key}`) : undefined}
                />
              ))}
            </SimpleGrid>
            <Group gap="sm">
              <Button type="submit">{t('journal.apply')}</Button>
              <Button variant="default" onClick={reset}>
                {t('journal.reset')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {entries.isFetching && !entries.data ? <Loading /> : null}
      {entries.isError ? (
        <ProblemAlert error={entries.error} onRetry={() => void entries.refetch()} />
      ) : null}
      {entries.data ? (
        <section aria-labelledby="journal-entries">
          <Title order={2} size="h4" id="journal-entries" mb="sm">
            {t('journal.entries', { count: entries.data.total })}
          </Title>
          {entries.data.items.length === 0 ? <Text>{t('journal.empty')}</Text> : null}
          {entries.data.items.length > 0 ? <EntriesTable entries={entries.data.items} /> : null}
          <Pager
            page={page}
            total={entries.data.total}
            limit={entries.data.limit}
            onChange={(next) => {
              const nextParams = new URLSearchParams(params);

              nextParams.set('page', String(next));
              setParams(nextParams);
            }}
          />
        </section>
      ) : null}
    </Stack>
  );
}

function ChainStatus() {
  const { t } = useTranslation();
  const chain = useQuery({
    queryKey: ['audit-verification'],
    queryFn: ({ signal }) => verifyAuditChain(signal),
    staleTime: 0,
  });

  if (chain.isPending) {
    return <Loading />;
  }

  if (chain.isError) {
    return <ProblemAlert error={chain.error} onRetry={() => void chain.refetch()} />;
  }

  const result = chain.data;

  return (
    <Alert
      color={result.ok ? 'teal.9' : 'red.9'}
      variant="outline"
      role="status"
      title={result.ok ? t('journal.chainOk') : t('journal.chainBroken')}
      data-testid="chain-status"
    >
      <Stack gap={4}>
        <Text size="sm">
          {result.ok
            ? t('journal.chainOkText', { count: result.entries })
            : t('journal.chainBrokenText', {
                seq: result.firstBrokenSeq ?? '—',
                reason: result.reason ?? '—',
              })}
        </Text>
        <div>
          <Button
            variant="default"
            size="xs"
            onClick={() => void chain.refetch()}
            loading={chain.isFetching}
          >
            {t('journal.recheck')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function EntriesTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" data-testid="journal-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('journal.columns.seq')}</Table.Th>
            <Table.Th scope="col">{t('journal.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('journal.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('journal.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('journal.columns.object')}</Table.Th>
            <Table.Th scope="col">{t('journal.columns.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(entry.at, language)}
              </Table.Td>
              <Table.Td>
                {entry.actorName ?? t('journal.system')}
                {entry.onBehalfOfPersonId ? (
                  <Text size="xs" c="dimmed">
                    {t('journal.onBehalf', { id: entry.onBehalfOfPersonId })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
                {entry.personalDataAccess ? (
                  <Text size="xs" c="dimmed">
                    {t('journal.personalData')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {entry.objectType}
                {entry.objectId ? (
                  <Text size="xs" c="dimmed">
                    {entry.objectId}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Changes entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Changed fields; personal data shows only that it changed (the journal keeps no value). */
function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();

  if (entry.redactedChanges.length === 0) {
    return <Text size="xs">—</Text>;
  }

  return (
    <Stack gap={2}>
      {entry.redactedChanges.map((change) => (
        <Text size="xs" key={change.field} style={{ overflowWrap: 'anywhere' }}>
          <b>{change.field}</b>:{' '}
          {change.redacted
            ? t('journal.redacted')
            : `${show(change.before)} → ${show(change.after)}`}
        </Text>
      ))}
    </Stack>
  );
}

function show(value: unknown): string {
  if (value === undefined || value === null) {
    return '—';
  }

  return typeof value === 'string' ? value : JSON.stringify(value);
}
