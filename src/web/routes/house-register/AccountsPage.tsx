import { Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { listAccounts, type Account } from '../../api/houseRegister.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { AccountsTable } from './AccountsTable.js';
import { CloseAccountForm } from './CloseAccountForm.js';
import { OpenAccountDialog } from './OpenAccountDialog.js';
import { OrgPicker } from './OrgPicker.js';
import { registerKeys } from './registerKeys.js';
import { useOrgChoice } from './useOrgChoice.js';

const STATUSES = ['open', 'closed', 'all'] as const;
const LIMIT = 20;

/** /org/accounts: the organisation's personal accounts, found by ЕЛС, payer or address. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();

  usePageTitle(t('houseRegister.accounts.title'));

  return (
    <Stack gap="lg" maw="72rem">
      <Stack gap={4}>
        <Title order={1}>{t('houseRegister.accounts.title')}</Title>
        <Text c="dimmed">{t('houseRegister.accounts.lead')}</Text>
      </Stack>
      {pending ? <Loading /> : null}
      {!pending && !chosen ? <Text>{t('houseRegister.noOrganisation')}</Text> : null}
      {chosen ? (
        <>
          <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
          <AccountList orgId={chosen.id} />
        </>
      ) : null}
    </Stack>
  );
}

function AccountList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [query] = useDebouncedValue(q.trim(), 300);
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState<Account | null>(null);
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const accounts = useQuery({
    queryKey: registerKeys.accounts(orgId, query, status, page),
    queryFn: ({ signal }) =>
      listAccounts(orgId, { q: query || undefined, status, page, limit: LIMIT }, signal),
    placeholderData: keepPreviousData,
  });

  const set = (patch: Record<string, string>) => {
    const copy = new URLSearchParams(params);

    for (const [key, value] of Object.entries(patch)) {
      copy.set(key, value);
    }

    setParams(copy);
  };

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('houseRegister.accounts.search')}
          description={t('houseRegister.accounts.searchHint')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);

            if (page !== 1) {
              set({ page: '1' });
            }
          }}
          w="24rem"
          maw="100%"
        />
        <Select
          label={t('houseRegister.accounts.status')}
          data={STATUSES.map((s) => ({
            value: s,
            label: t(`houseRegister.accounts.statuses.${s}`),
          }))}
          value={status}
          onChange={(next) => next && set({ status: next, page: '1' })}
          allowDeselect={false}
          w="12rem"
        />
        <Button onClick={() => setOpening(true)}>{t('houseRegister.accounts.open')}</Button>
      </Group>
      {accounts.isPending ? <Loading /> : null}
      {accounts.isError ? (
        <ProblemAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : null}
      {accounts.data?.items.length === 0 ? (
        <Text data-testid="accounts-empty">{t('houseRegister.accounts.empty')}</Text>
      ) : null}
      {accounts.data && accounts.data.items.length > 0 ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('houseRegister.accounts.found', { count: accounts.data.total })}
          </Text>
          <AccountsTable accounts={accounts.data.items} onClose={setClosing} />
        </>
      ) : null}
      {accounts.data ? (
        <Pager
          page={page}
          total={accounts.data.total}
          limit={accounts.data.limit}
          onChange={(next) => set({ page: String(next) })}
        />
      ) : null}
      <OpenAccountDialog orgId={orgId} opened={opening} onClose={() => setOpening(false)} />
      <Modal
        opened={closing !== null}
        onClose={() => setClosing(null)}
        title={t('houseRegister.accounts.close')}
      >
        {closing ? (
          <CloseAccountForm
            accountId={closing.id}
            accountNumber={closing.number}
            onDone={() => setClosing(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
