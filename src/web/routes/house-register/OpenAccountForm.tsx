import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { openAccount, type PremiseCard } from '../../api/houseRegister.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { todayIso } from './dates.js';
import { payerChoices } from './registerView.js';
import { REGISTER_KEY } from './registerKeys.js';

/** Opens a personal account with a fresh ЕЛС for a payer of the premise. */
export function OpenAccountForm({ card, onDone }: { card: PremiseCard; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choices = payerChoices(
    card,
    t('houseRegister.open.ownerMark'),
    t('houseRegister.open.residentMark'),
  );
  const [payer, setPayer] = useState<string | null>(choices[0]?.value ?? null);
  const [openedOn, setOpenedOn] = useState(todayIso());
  const [localNumber, setLocalNumber] = useState('');
  const open = useMutation({
    mutationFn: () => {
      const [kind, id] = (payer ?? ':').split(':');

      return openAccount({
        premiseId: card.premise.id,
        payerPersonId: kind === 'person' ? id : undefined,
        payerOrganisationId: kind === 'organisation' ? id : undefined,
        openedOn,
        localNumber: localNumber.trim() || undefined,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REGISTER_KEY });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };

  return (
    <form onSubmit={submit} aria-labelledby="open-account-title">
      <Stack gap="sm">
        <Title order={3} id="open-account-title">
          {t('houseRegister.open.title')}
        </Title>
        {choices.length === 0 ? <Text c="dimmed">{t('houseRegister.open.noPayers')}</Text> : null}
        <Select
          label={t('houseRegister.open.payer')}
          data={choices}
          value={payer}
          onChange={setPayer}
          allowDeselect={false}
          error={serverFieldError(open.error, 'payerPersonId')}
          required
        />
        <TextInput
          type="date"
          label={t('houseRegister.open.openedOn')}
          value={openedOn}
          onChange={(event) => setOpenedOn(event.currentTarget.value)}
          error={serverFieldError(open.error, 'openedOn')}
          required
        />
        <TextInput
          label={t('houseRegister.open.localNumber')}
          description={t('houseRegister.open.localNumberHint')}
          value={localNumber}
          onChange={(event) => setLocalNumber(event.currentTarget.value)}
          error={serverFieldError(open.error, 'localNumber')}
        />
        {open.isError ? <ProblemAlert error={open.error} /> : null}
        <Group gap="sm">
          <Button type="submit" loading={open.isPending} disabled={!payer}>
            {t('houseRegister.open.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('houseRegister.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
