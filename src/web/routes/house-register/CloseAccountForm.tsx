import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { closeAccount } from '../../api/houseRegister.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { todayIso } from './dates.js';
import { REGISTER_KEY } from './registerKeys.js';

/** Closes a personal account on a date, with the reason the journal keeps. */
export function CloseAccountForm(props: {
  accountId: string;
  accountNumber: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const close = useMutation({
    mutationFn: () => closeAccount(props.accountId, { closedOn, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REGISTER_KEY });
      props.onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate();
  };

  return (
    <form onSubmit={submit} aria-labelledby="close-account-title">
      <Stack gap="sm">
        <Title order={3} id="close-account-title">
          {t('houseRegister.close.title', { number: props.accountNumber })}
        </Title>
        <TextInput
          type="date"
          label={t('houseRegister.close.closedOn')}
          value={closedOn}
          onChange={(event) => setClosedOn(event.currentTarget.value)}
          error={serverFieldError(close.error, 'closedOn')}
          required
        />
        <TextInput
          label={t('houseRegister.close.reason')}
          description={t('houseRegister.close.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={serverFieldError(close.error, 'reason')}
          required
        />
        {close.isError ? <ProblemAlert error={close.error} /> : null}
        <Group gap="sm">
          <Button type="submit" color="red" loading={close.isPending}>
            {t('houseRegister.close.submit')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('houseRegister.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
