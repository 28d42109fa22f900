import { Anchor, Button, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import { passSecondFactor } from '../../api/security.js';
import type { Session } from '../../api/types.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';

/**
 * The second sign-in step for an account with the authenticator app on: a six-digit code, or one
 * of the recovery codes when the phone is not at hand.
 */
export function SecondFactorForm({
  challengeId,
  onSignedIn,
  onRestart,
}: {
  challengeId: string;
  onSignedIn: (session: Session) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const pass = useMutation({
    mutationFn: (input: { code: string } | { recoveryCode: string }) =>
      passSecondFactor({ challengeId, ...input }),
    onSuccess: onSignedIn,
  });
  const expired =
    pass.error instanceof ApiError && pass.error.code === 'second_factor_challenge_invalid';

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const trimmed = value.trim();

    setEmpty(trimmed === '');

    if (trimmed !== '') {
      pass.mutate(mode === 'code' ? { code: trimmed } : { recoveryCode: trimmed });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="second-factor-title">
      <Stack gap="md">
        <Text component="h2" fw={700} size="lg" id="second-factor-title">
          {t('signin.secondFactor.title')}
        </Text>
        <SegmentedControl
          value={mode}
          onChange={(next) => {
            setMode(next === 'recovery' ? 'recovery' : 'code');
            setValue('');
          }}
          aria-label={t('signin.secondFactor.mode')}
          data={[
            { value: 'code', label: t('signin.secondFactor.appCode') },
            { value: 'recovery', label: t('signin.secondFactor.recoveryCode') },
          ]}
        />
        {pass.isError ? (
          <ProblemMessage error={pass.error} title={t('signin.failed')}>
            {expired ? (
              <Anchor component="button" type="button" onClick={onRestart} size="sm">
                {t('signin.secondFactor.restart')}
              </Anchor>
            ) : null}
          </ProblemMessage>
        ) : null}
        <TextInput
          label={
            mode === 'code'
              ? t('signin.secondFactor.appCode')
              : t('signin.secondFactor.recoveryCode')
          }
          description={
            mode === 'code'
              ? t('signin.secondFactor.appCodeHint')
              : t('signin.secondFactor.recoveryHint')
          }
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          inputMode={mode === 'code' ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          maxLength={32}
          required
          error={empty ? t('form.required') : undefined}
          data-autofocus
        />
        <Button type="submit" loading={pass.isPending}>
          {t('signin.submit')}
        </Button>
      </Stack>
    </form>
  );
}
