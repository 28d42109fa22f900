import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import { changePassword } from '../../api/security.js';
import { describeError } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { NewPasswordField } from '../register/NewPasswordField.js';
import { passwordRuleStates } from '../register/passwordRules.js';
import { SESSIONS_KEY } from './SessionsSection.js';

/** Password change; the server ends every other session, and the list above shows it. */
export function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [checked, setChecked] = useState(false);
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setChecked(false);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  const rulesMet = passwordRuleStates(next).every((state) => state.met);
  const code = change.error instanceof ApiError ? change.error.code : undefined;
  const currentProblem =
    code === 'current_password_invalid' ? describeError(change.error, t) : undefined;
  const newProblem = code?.startsWith('password_') ? describeError(change.error, t) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);

    if (current !== '' && rulesMet) {
      change.mutate({ currentPassword: current, newPassword: next });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit} noValidate aria-labelledby="password-heading">
        <Stack gap="sm" maw="26rem">
          <Title order={2} size="h4" id="password-heading">
            {t('profile.password.title')}
          </Title>
          <Text size="sm">{t('profile.password.lead')}</Text>
          {change.isSuccess ? (
            <Alert color="teal.9" variant="outline" role="status">
              {t('profile.password.changed', { count: change.data.endedSessions })}
            </Alert>
          ) : null}
          {change.isError && !currentProblem && !newProblem ? (
            <ProblemMessage error={change.error} />
          ) : null}
          <PasswordInput
            label={t('password.current')}
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            autoComplete="current-password"
            required
            error={currentProblem ?? (checked && current === '' ? t('form.required') : undefined)}
          />
          <NewPasswordField
            value={next}
            onChange={setNext}
            error={
              newProblem ?? (checked && !rulesMet ? t('register.password.rulesNotMet') : undefined)
            }
          />
          <div>
            <Button type="submit" loading={change.isPending}>
              {t('profile.password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
