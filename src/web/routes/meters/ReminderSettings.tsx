import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { getReminders, putReminders, type ReminderKind } from '../../api/meters.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** Each kind of meter reminder on or off for the signed-in person. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reminders = useQuery({
    queryKey: ['meter-reminders'],
    queryFn: ({ signal }) => getReminders(signal),
  });
  const save = useMutation({
    mutationFn: (change: { kind: ReminderKind; enabled: boolean }) =>
      putReminders({ reminders: [change] }),
    onSuccess: (answer) => client.setQueryData(['meter-reminders'], answer),
  });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="meter-reminders-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="meter-reminders-title">
          {t('meters.reminders.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('meters.reminders.lead')}
        </Text>
        {reminders.isError ? <ProblemAlert error={reminders.error} /> : null}
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        {reminders.data?.reminders.map((r) => (
          <Switch
            key={r.kind}
            label={t(`meters.reminders.${r.kind}`)}
            checked={r.enabled}
            disabled={save.isPending}
            onChange={(event) =>
              save.mutate({ kind: r.kind, enabled: event.currentTarget.checked })
            }
          />
        ))}
      </Stack>
    </Paper>
  );
}
