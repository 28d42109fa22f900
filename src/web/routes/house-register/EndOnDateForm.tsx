import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { todayIso } from './dates.js';
import { REGISTER_KEY } from './registerKeys.js';

/**
 * Ends something of record — an account, a management contract — on a date, with the reason the
 * journal keeps. The register is re-read once it is done.
 */
export function EndOnDateForm(props: {
  title: string;
  /** Names the date in the request, so the server's problem shows under the field. */
  dateField: string;
  dateLabel: string;
  reasonLabel: string;
  reasonHint?: string;
  submitLabel: string;
  send: (date: string, reason: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const end = useMutation({
    mutationFn: () => props.send(date, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REGISTER_KEY });
      props.onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    end.mutate();
  };

  return (
    <form onSubmit={submit} aria-labelledby={titleId}>
      <Stack gap="sm" maw="32rem">
        <Title order={3} id={titleId}>
          {props.title}
        </Title>
        <TextInput
          type="date"
          label={props.dateLabel}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={serverFieldError(end.error, props.dateField)}
          required
        />
        <TextInput
          label={props.reasonLabel}
          description={props.reasonHint}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={serverFieldError(end.error, 'reason')}
          required
        />
        {end.isError ? <ProblemAlert error={end.error} /> : null}
        <Group gap="sm">
          <Button type="submit" color="red" loading={end.isPending}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('houseRegister.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
