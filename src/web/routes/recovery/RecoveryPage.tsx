import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import {
  completeRecovery,
  confirmRecovery,
  resendRecoveryCode,
  startRecovery,
  type Recovery,
} from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { describeError } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useAdoptSession } from '../../session/useSession.js';
import { ContactCodeForm } from '../register/ContactCodeForm.js';
import { NewPasswordField } from '../register/NewPasswordField.js';
import { passwordRuleStates } from '../register/passwordRules.js';

/**
 * /recovery: «Забыли пароль?». A code goes to a confirmed contact of the account (the answer is
 * the same whether the login exists or not); with it a new password unlocks the account, ends
 * every other session and signs in.
 */
export function RecoveryPage() {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  usePageTitle(t('recovery.title'));

  return (
    <Stack gap="lg" maw="32rem">
      <Title order={1}>{t('recovery.title')}</Title>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        {!recovery ? <LoginStep onStarted={setRecovery} /> : null}
        {recovery && !confirmed ? (
          <Stack gap="sm">
            <Text size="sm">{t('recovery.codeLead')}</Text>
            <ContactCodeForm
              kind={recovery.sentTo.includes('@') ? 'email' : 'phone'}
              value=""
              confirmed={false}
              initialSent={recovery}
              send={() => resendRecoveryCode(recovery.recoveryId)}
              confirm={async (code) => {
                await confirmRecovery(recovery.recoveryId, code);
                setConfirmed(true);
              }}
            />
          </Stack>
        ) : null}
        {recovery && confirmed ? <NewPasswordStep recoveryId={recovery.recoveryId} /> : null}
      </Paper>
      <Anchor component={Link} to="/signin" size="sm">
        {t('recovery.backToSignIn')}
      </Anchor>
    </Stack>
  );
}

function LoginStep({ onStarted }: { onStarted: (recovery: Recovery) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [empty, setEmpty] = useState(false);
  const start = useMutation({ mutationFn: startRecovery, onSuccess: onStarted });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(login.trim() === '');

    if (login.trim() !== '') {
      start.mutate(login.trim());
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="recovery-login-title">
      <Stack gap="md">
        <Text component="h2" fw={700} size="lg" id="recovery-login-title">
          {t('recovery.loginTitle')}
        </Text>
        <Text size="sm">{t('recovery.lead')}</Text>
        {start.isError ? <ProblemMessage error={start.error} title={t('recovery.failed')} /> : null}
        <TextInput
          label={t('signin.login')}
          placeholder={t('signin.loginPlaceholder')}
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          autoComplete="username"
          inputMode="email"
          required
          maxLength={254}
          error={empty ? t('form.required') : undefined}
        />
        <Button type="submit" loading={start.isPending}>
          {t('recovery.sendCode')}
        </Button>
      </Stack>
    </form>
  );
}

function NewPasswordStep({ recoveryId }: { recoveryId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const adopt = useAdoptSession();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const finish = useMutation({
    mutationFn: (value: string) => completeRecovery(recoveryId, value),
    onSuccess: (session) => {
      adopt(session);
      void navigate('/profile', { replace: true });
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
    <form onSubmit={submit} noValidate aria-labelledby="recovery-password-title">
      <Stack gap="md">
        <Text component="h2" fw={700} size="lg" id="recovery-password-title">
          {t('recovery.passwordTitle')}
        </Text>
        <Text size="sm">{t('recovery.passwordLead')}</Text>
        {finish.isError && !passwordProblem ? (
          <ProblemMessage error={finish.error} title={t('recovery.failed')} />
        ) : null}
        <NewPasswordField
          value={password}
          onChange={setPassword}
          error={
            passwordProblem ??
            (checked && !rulesMet ? t('register.password.rulesNotMet') : undefined)
          }
        />
        <Button type="submit" loading={finish.isPending}>
          {t('recovery.submit')}
        </Button>
      </Stack>
    </form>
  );
}
