import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

import { describeError } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { safeNext } from '../../session/safeNext.js';
import { useSession, useSignIn } from '../../session/useSession.js';
import { DemoAccounts } from './DemoAccounts.js';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ login: false, password: false });
  const loginRef = useRef<HTMLInputElement>(null);
  const next = safeNext(params.get('next'));

  usePageTitle(t('signin.title'));

  // The failure text came from the server in the previous language; drop it rather than mix.
  const { reset } = signIn;
  useEffect(() => reset(), [i18n.resolvedLanguage, reset]);

  if (session.data?.user && !signIn.isSuccess) {
    return <Navigate to={next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const empty = { login: login.trim() === '', password: password === '' };

    setMissing(empty);

    if (empty.login || empty.password) {
      return;
    }

    signIn.mutate(
      { login: login.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  const fillAccount = (account: { login: string; password: string }) => {
    setLogin(account.login);
    setPassword(account.password);
    setMissing({ login: false, password: false });
    loginRef.current?.focus();
  };

  return (
    <Stack gap="xl" maw="52rem">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw="28rem" w="100%">
        <form onSubmit={submit} noValidate aria-labelledby="signin-title">
          <Stack gap="md">
            <Title order={1} id="signin-title">
              {t('signin.title')}
            </Title>
            <Text size="sm">{t('signin.lead')}</Text>
            {signIn.isError ? (
              <Alert color="red" variant="outline" title={t('signin.failed')} role="alert">
                <Text size="sm" data-testid="problem-detail">
                  {describeError(signIn.error, t)}
                </Text>
              </Alert>
            ) : null}
            <TextInput
              ref={loginRef}
              label={t('signin.login')}
              placeholder={t('signin.loginPlaceholder')}
              value={login}
              onChange={(event) => setLogin(event.currentTarget.value)}
              autoComplete="username"
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
          </Stack>
        </form>
      </Paper>
      <DemoAccounts onUse={fillAccount} />
    </Stack>
  );
}
