import {
  Alert,
  Button,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { resetOtpCounters, type CounterScope } from '../../api/accounts.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';

/** Support's reset of a phone's, address's or IP's daily code counters (journaled by the API). */
export function OtpCountersReset() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<CounterScope>('phone');
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const reset = useMutation({
    mutationFn: (input: { scope: CounterScope; value: string }) =>
      resetOtpCounters(input.scope, input.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(value.trim() === '');

    if (value.trim() !== '') {
      reset.mutate({ scope, value: value.trim() });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="counters-heading">
      <form onSubmit={submit} noValidate aria-labelledby="counters-heading">
        <Stack gap="sm" maw="28rem">
          <Title order={2} size="h4" id="counters-heading">
            {t('operator.counters.title')}
          </Title>
          <Text size="sm">{t('operator.counters.lead')}</Text>
          {reset.isError ? <ProblemMessage error={reset.error} /> : null}
          {reset.data ? (
            <Alert color="teal.9" variant="outline" role="status">
              {t('operator.counters.done', { key: reset.data.key, count: reset.data.removed })}
            </Alert>
          ) : null}
          <SegmentedControl
            value={scope}
            onChange={(next) => setScope(next as CounterScope)}
            aria-label={t('operator.counters.scope')}
            data={[
              { value: 'phone', label: t('operator.counters.phone') },
              { value: 'email', label: t('operator.counters.email') },
              { value: 'ip', label: t('operator.counters.ip') },
            ]}
          />
          <TextInput
            label={t(`operator.counters.${scope}`)}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            autoComplete="off"
            maxLength={254}
            required
            error={empty ? t('form.required') : undefined}
          />
          <div>
            <Button type="submit" variant="default" loading={reset.isPending}>
              {t('operator.counters.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
