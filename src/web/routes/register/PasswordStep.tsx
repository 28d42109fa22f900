import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { completeRegistration, type Registration } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { describeError } from '../../components/ProblemAlert.js';
import { useAdoptSession } from '../../session/useSession.js';
import { NewPasswordField } from './NewPasswordField.js';
import { passwordRuleStates } from './passwordRules.js';

/** Step 4: the password; the server creates the account and opens a session in one answer. */
export function PasswordStep({
  registration,
  onDone,
}: {
  registration: Registration;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const adopt = useAdoptSession();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const finish = useMutation({
    mutationFn: (value: string) => completeRegistration(registration.registrationId, value),
    onSuccess: (session) => {
      adopt(session);
      onDone();
    },
  });
  const rulesMet = passwordRuleStates(password).every((state) => state.met);
  const passwordProblem =
    finish.error instanceof ApiError && finish.error.code.startsWith('password_')
      ? describeError(finish.error, t)
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);

    if (rulesMet) {
      finish.mutate(password);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-title">
      <Stack gap="md">
        <Text component="h2" fw={700} size="lg" id="password-title">
          {t('register.password.title')}
        </Text>
        {finish.isError && !passwordProblem ? (
          <ProblemMessage error={finish.error} title={t('register.password.failed')} />
        ) : null}
        <NewPasswordField
          label={t('register.password.label')}
          value={password}
          onChange={setPassword}
          error={
            passwordProblem ??
            (checked && !rulesMet ? t('register.password.rulesNotMet') : undefined)
          }
        />
        <Button type="submit" loading={finish.isPending}>
          {t('register.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
