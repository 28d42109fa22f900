import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { getRegistryObject } from '../../api/registry.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RegistryObjectCard } from './RegistryObjectCard.js';

// The shape of a cadastral number; the server checks it too and answers 400 otherwise.
const CADASTRAL = /^\d{2}\s*:\s*\d{2}\s*:\s*\d{6,7}\s*:\s*\d{1,10}$/;

/** The lookup form and what the registry says about the number asked for. */
export function ObjectLookup({
  number,
  onLookUp,
}: {
  number: string;
  onLookUp: (number: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(number);
  const [invalid, setInvalid] = useState(false);
  const found = useQuery({
    queryKey: ['registry-object', number],
    queryFn: ({ signal }) => getRegistryObject(number, signal),
    enabled: number !== '',
    retry: false,
  });

  const [shown, setShown] = useState(number);

  // A row picked in an import report replaces whatever was typed.
  if (shown !== number) {
    setShown(number);
    setDraft(number);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const value = draft.trim();

    setInvalid(!CADASTRAL.test(value));

    if (!CADASTRAL.test(value)) {
      return;
    }

    // Asking again for the same number reads it afresh: an import may have changed it.
    if (value === number) {
      void found.refetch();
    } else {
      onLookUp(value);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="registry-lookup-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="registry-lookup-heading">
          {t('registry.lookup.title')}
        </Title>
        <form onSubmit={submit} noValidate role="search" aria-label={t('registry.lookup.title')}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('registry.lookup.number')}
              description={t('registry.lookup.hint')}
              placeholder="66:41:0702013:1234"
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              error={invalid ? t('registry.lookup.invalid') : undefined}
              maxLength={60}
              autoComplete="off"
              w="22rem"
            />
            <Button type="submit" loading={found.isFetching}>
              {t('registry.lookup.submit')}
            </Button>
          </Group>
        </form>
        {found.isFetching && !found.data ? <Loading /> : null}
        {found.isError ? <ProblemAlert error={found.error} /> : null}
        {found.data && !found.isError ? <RegistryObjectCard object={found.data} /> : null}
      </Stack>
    </Paper>
  );
}
