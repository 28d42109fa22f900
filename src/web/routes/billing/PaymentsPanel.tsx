import {
  Badge,
  Button,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  importRegistry,
  listRegistries,
  listUnmatched,
  matchLine,
  rub,
  type Registry,
  type RegistryLine,
} from '../../api/billing.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const LINE_COLOR: Record<RegistryLine['status'], string> = {
  matched: 'teal',
  unmatched: 'orange',
  error: 'red',
  duplicate: 'gray',
};

/** Bank registries: upload with a per-line report, the list, and the unmatched queue. */
export function PaymentsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Registry | null>(null);
  const registries = useQuery({
    queryKey: ['billing', 'registries', orgId],
    queryFn: ({ signal }) => listRegistries(orgId, signal),
  });
  const unmatched = useQuery({
    queryKey: ['billing', 'unmatched', orgId],
    queryFn: ({ signal }) => listUnmatched(orgId, signal),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['billing'] });
  const upload = useMutation({
    mutationFn: () => importRegistry(orgId, file!),
    onSuccess: (registry) => {
      setReport(registry);
      setFile(null);
      refresh();
    },
  });

  return (
    <Stack gap="lg">
      <Group align="flex-end">
        <FileInput
          label={t('billing.registries.file')}
          description={t('billing.registries.fileHint')}
          value={file}
          onChange={setFile}
          w="28rem"
          clearable
        />
        <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
          {t('billing.registries.import')}
        </Button>
      </Group>
      {upload.error ? <ProblemAlert error={upload.error} /> : null}
      {report ? <RegistryReport registry={report} /> : null}
      <Title order={2} size="h4">
        {t('billing.registries.unmatched')}
      </Title>
      {unmatched.error ? <ProblemAlert error={unmatched.error} /> : null}
      {unmatched.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('billing.registries.noUnmatched')}
        </Text>
      ) : null}
      {unmatched.data?.items.map((line) => (
        <UnmatchedLine key={line.id} line={line} onMatched={refresh} />
      ))}
      <Title order={2} size="h4">
        {t('billing.registries.list')}
      </Title>
      <Table>
        <Table.Tbody>
          {(registries.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.fileName}</Table.Td>
              <Table.Td>{r.createdAt.slice(0, 10)}</Table.Td>
              <Table.Td>
                {t('billing.registries.counts', {
                  matched: r.matchedCount,
                  unmatched: r.unmatchedCount,
                  errors: r.errorCount,
                  duplicates: r.duplicateCount,
                })}
              </Table.Td>
              <Table.Td ta="right">{rub(r.totalKopecks)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RegistryReport({ registry }: { registry: Registry }) {
  const { t } = useTranslation();

  return (
    <Stack gap="xs" data-testid="registry-report">
      <Text fw={600}>
        {t('billing.registries.counts', {
          matched: registry.matchedCount,
          unmatched: registry.unmatchedCount,
          errors: registry.errorCount,
          duplicates: registry.duplicateCount,
        })}
      </Text>
      <Text size="sm">
        {t('billing.registries.total', {
          total: rub(registry.totalKopecks),
          encoding: registry.encoding,
        })}{' '}
        {registry.totalsMatch === false ? (
          <Badge color="red">
            {t('billing.registries.totalsMismatch', {
              declared: rub(registry.declaredTotalKopecks ?? 0),
            })}
          </Badge>
        ) : null}
        {registry.totalsMatch === true ? (
          <Badge color="teal">{t('billing.registries.totalsMatch')}</Badge>
        ) : null}
      </Text>
      <Table>
        <Table.Tbody>
          {(registry.lines ?? []).map((line) => (
            <Table.Tr key={line.id} data-testid="registry-line" data-status={line.status}>
              <Table.Td>{t('billing.registries.line', { number: line.lineNo })}</Table.Td>
              <Table.Td>
                <Badge color={LINE_COLOR[line.status]}>
                  {t(`billing.registries.status.${line.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{line.accountNumber ?? line.accountRef ?? ''}</Table.Td>
              <Table.Td ta="right">
                {line.amountKopecks === null ? '' : rub(line.amountKopecks)}
              </Table.Td>
              <Table.Td>{line.problem ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function UnmatchedLine({ line, onMatched }: { line: RegistryLine; onMatched: () => void }) {
  const { t } = useTranslation();
  const [account, setAccount] = useState('');
  const match = useMutation({
    mutationFn: () => matchLine(line.id, account.trim()),
    onSuccess: onMatched,
  });

  return (
    <Group align="flex-end" data-testid="unmatched-line">
      <Text size="sm" w="24rem">
        {line.paidOn} · {line.amountKopecks === null ? '' : rub(line.amountKopecks)} ·{' '}
        {line.accountRef ?? '—'} · {line.payerName ?? ''} {line.purpose ?? ''}
      </Text>
      <TextInput
        label={t('billing.registries.matchTo')}
        value={account}
        onChange={(e) => setAccount(e.currentTarget.value)}
        w="12rem"
      />
      <Button
        size="sm"
        onClick={() => match.mutate()}
        disabled={!account.trim()}
        loading={match.isPending}
      >
        {t('billing.registries.match')}
      </Button>
      {match.error ? <ProblemAlert error={match.error} /> : null}
    </Group>
  );
}
