import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import {
  createContract,
  endContract,
  listContracts,
  type Contract,
} from '../../api/houseRegister.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ContractPeriod } from './ContractPeriod.js';
import { todayIso } from './dates.js';
import { EndOnDateForm } from './EndOnDateForm.js';
import { REGISTER_KEY, registerKeys } from './registerKeys.js';

/** The house's management contracts, latest first: end the one in force, or start a new one. */
export function ContractsPanel({
  houseId,
  organisationId,
}: {
  houseId: string;
  organisationId: string | undefined;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const contracts = useQuery({
    queryKey: registerKeys.contracts(houseId),
    queryFn: ({ signal }) => listContracts(houseId, signal),
  });
  const items = contracts.data?.items ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contracts-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} id="contracts-title">
            {t('houseRegister.contracts.title')}
          </Title>
          {organisationId && !adding ? (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('houseRegister.contracts.add')}
            </Button>
          ) : null}
        </Group>
        {contracts.isError ? <ProblemAlert error={contracts.error} /> : null}
        {contracts.data && items.length === 0 ? (
          <Text c="dimmed">{t('houseRegister.contracts.none')}</Text>
        ) : null}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((contract) => (
            <ContractItem key={contract.id} contract={contract} houseId={houseId} />
          ))}
        </Stack>
        {adding && organisationId ? (
          <AddContractForm
            houseId={houseId}
            organisationId={organisationId}
            onDone={() => setAdding(false)}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function ContractItem({ contract, houseId }: { contract: Contract; houseId: string }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);

  return (
    <li data-testid="contract">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <ContractPeriod contract={contract} />
          <Text size="sm" lang="ru">
            {contract.organisationName}
          </Text>
          <Badge color={contract.inForce ? 'teal.9' : 'gray.7'} variant="outline">
            {t(
              contract.inForce
                ? 'houseRegister.contracts.inForce'
                : 'houseRegister.contracts.ended',
            )}
          </Badge>
          {contract.endedOn === null && !ending ? (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setEnding(true)}>
              {t('houseRegister.contracts.end')}
            </Button>
          ) : null}
        </Group>
        {contract.endedReason ? (
          <Text size="sm" c="dimmed">
            {contract.endedReason}
          </Text>
        ) : null}
        {ending ? (
          <EndContractForm contract={contract} houseId={houseId} onDone={() => setEnding(false)} />
        ) : null}
      </Stack>
    </li>
  );
}

function EndContractForm(props: { contract: Contract; houseId: string; onDone: () => void }) {
  const { t } = useTranslation();

  return (
    <EndOnDateForm
      title={t('houseRegister.contracts.endTitle')}
      dateField="endedOn"
      dateLabel={t('houseRegister.contracts.endedOn')}
      reasonLabel={t('houseRegister.contracts.reason')}
      submitLabel={t('houseRegister.contracts.endSubmit')}
      send={(endedOn, reason) => endContract(props.houseId, props.contract.id, { endedOn, reason })}
      onDone={props.onDone}
    />
  );
}

function AddContractForm(props: { houseId: string; organisationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [startedOn, setStartedOn] = useState(todayIso());
  const [endedOn, setEndedOn] = useState('');
  const add = useMutation({
    mutationFn: () =>
      createContract(props.houseId, {
        organisationId: props.organisationId,
        number: number.trim() || undefined,
        signedOn: signedOn || undefined,
        startedOn,
        endedOn: endedOn || undefined,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REGISTER_KEY });
      props.onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <form onSubmit={submit} aria-label={t('houseRegister.contracts.addTitle')}>
      <Stack gap="xs" maw="32rem">
        <Title order={3}>{t('houseRegister.contracts.addTitle')}</Title>
        <TextInput
          label={t('houseRegister.contracts.number')}
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          error={serverFieldError(add.error, 'number')}
        />
        <TextInput
          type="date"
          label={t('houseRegister.contracts.signedOn')}
          value={signedOn}
          onChange={(event) => setSignedOn(event.currentTarget.value)}
          error={serverFieldError(add.error, 'signedOn')}
        />
        <TextInput
          type="date"
          label={t('houseRegister.contracts.startedOn')}
          value={startedOn}
          onChange={(event) => setStartedOn(event.currentTarget.value)}
          error={serverFieldError(add.error, 'startedOn')}
          required
        />
        <TextInput
          type="date"
          label={t('houseRegister.contracts.fixedEnd')}
          value={endedOn}
          onChange={(event) => setEndedOn(event.currentTarget.value)}
          error={serverFieldError(add.error, 'endedOn')}
        />
        {add.isError ? <ProblemAlert error={add.error} /> : null}
        <Group gap="sm">
          <Button type="submit" loading={add.isPending}>
            {t('houseRegister.contracts.addSubmit')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('houseRegister.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
