import {
  Anchor,
  Button,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

import { ApiError } from '../../api/client.js';
import type { Session } from '../../api/types.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { safeNext } from '../../session/safeNext.js';
import { useAdoptSession, useSession, useSignIn } from '../../session/useSession.js';
import { DemoAccounts } from './DemoAccounts.js';
import { PasskeySignIn } from './PasskeySignIn.js';
import { SecondFactorForm } from './SecondFactorForm.js';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const adopt = useAdoptSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ login: false, password: false });
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState(false);
  const loginRef = useRef<HTMLInputElement>(null);
  const next = safeNext(params.get('next'));

  usePageTitle(t('signin.title'));

  // The failure text came from the server in the previous language; drop it rather than mix.
  const { reset } = signIn;
  useEffect(() => reset(), [i18n.resolvedLanguage, reset]);

  if (session.data?.user && !signIn.isSuccess && !signedIn) {
    return <Navigate to={next} replace />;
  }

  const finish = (opened: Session) => {
    adopt(opened);
    setSignedIn(true);
    void navigate(next, { replace: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const empty = { login: login.trim() === '', password: password === '' };

    setMissing(empty);

    if (empty.login || empty.password) {
      return;
    }

    signIn.mutate(
      { login: login.trim(), password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (error) => {
          const challenge = error instanceof ApiError ? error.text('challengeId') : undefined;

          if (error instanceof ApiError && error.code === 'second_factor_required' && challenge) {
            setChallengeId(challenge);
          }
        },
      },
    );
  };

  const fillAccount = (account: { login: string; password: string }) => {
    setLogin(account.login);
    setPassword(account.password);
    setMissing({ login: false, password: false });
    loginRef.current?.focus();
  };

  const locked = signIn.error instanceof ApiError && signIn.error.code === 'account_locked';

  return (
    <Stack gap="xl" maw="52rem">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw="28rem" w="100%">
        <Stack gap="md">
          <Title order={1} id="signin-title">
            {t('signin.title')}
          </Title>
          {challengeId ? (
            <SecondFactorForm
              challengeId={challengeId}
              onSignedIn={finish}
              onRestart={() => {
                setChallengeId(null);
                setPassword('');
                signIn.reset();
              }}
            />
          ) : (
            <form onSubmit={submit} noValidate aria-labelledby="signin-title">
              <Stack gap="md">
                <Text size="sm">{t('signin.lead')}</Text>
                {signIn.isError ? (
                  <ProblemMessage
                    error={signIn.error}
                    title={locked ? t('signin.lockedTitle') : t('signin.failed')}
                  >
                    {locked ? (
                      <Anchor component={Link} to="/recovery" size="sm">
                        {t('signin.lockedRecover')}
                      </Anchor>
                    ) : null}
                  </ProblemMessage>
                ) : null}
                <TextInput
                  ref={loginRef}
                  label={t('signin.login')}
                  placeholder={t('signin.loginPlaceholder')}
                  value={login}
                  onChange={(event) => setLogin(event.currentTarget.value)}
                  autoComplete="username webauthn"
                  inputMode="email"
                  required
                  error={missing.login ? t('signin.required') : undefined}
                />
                <PasswordInput
                  label={t('signin.password')}
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  autoComplete="current-password"
                  required
                  error={missing.password ? t('signin.required') : undefined}
                />
                <Button type="submit" loading={signIn.isPending}>
                  {t('signin.submit')}
                </Button>
                <Group justify="space-between" gap="xs">
                  <Anchor component={Link} to="/recovery" size="sm">
                    {t('signin.forgot')}
                  </Anchor>
                  <Anchor component={Link} to="/register" size="sm">
                    {t('signin.register')}
                  </Anchor>
                </Group>
                <Divider label={t('signin.or')} labelPosition="center" />
                <PasskeySignIn login={login} onSignedIn={finish} />
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
      <DemoAccounts onUse={fillAccount} />
    </Stack>
  );
}
