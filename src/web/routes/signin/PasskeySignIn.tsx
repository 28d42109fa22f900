import { Alert, Button, Text } from '@mantine/core';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import { passkeySignInOptions, signInWithPasskey } from '../../api/security.js';
import type { Session } from '../../api/types.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';

type OptionsJson = Parameters<typeof startAuthentication>[0]['optionsJSON'];

/** «Войти с ключом доступа»: fingerprint, face or the device PIN instead of a password. */
export function PasskeySignIn({
  login,
  onSignedIn,
}: {
  login: string;
  onSignedIn: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const signIn = useMutation({
    mutationFn: async () => {
      const options = await passkeySignInOptions(login.trim() || undefined);
      const response = await startAuthentication({
        optionsJSON: options as unknown as OptionsJson,
      });

      return signInWithPasskey(response);
    },
    onSuccess: onSignedIn,
  });

  if (!browserSupportsWebAuthn()) {
    return null;
  }

  return (
    <>
      <Button variant="default" onClick={() => signIn.mutate()} loading={signIn.isPending}>
        {t('signin.passkey')}
      </Button>
      {signIn.isError && signIn.error instanceof ApiError ? (
        <ProblemMessage error={signIn.error} title={t('signin.passkeyFailed')} />
      ) : null}
      {signIn.isError && !(signIn.error instanceof ApiError) ? (
        // The browser's own refusal: cancelled, timed out, or no key for this site.
        <Alert color="red" variant="outline" title={t('signin.passkeyFailed')} role="alert">
          <Text size="sm">{t('signin.passkeyBrowser')}</Text>
        </Alert>
      ) : null}
    </>
  );
}
