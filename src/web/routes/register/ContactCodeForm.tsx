import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CodeSent, ContactKind } from '../../api/accounts.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { secondsUntil, useNow } from '../../components/useNow.js';

/**
 * One contact's code: sent as soon as the form appears, a resend button with a countdown, and
 * every refusal (wrong code, expired, attempts spent, daily limit) explained with its numbers.
 */
export function ContactCodeForm({
  kind,
  value,
  confirmed,
  send,
  confirm,
  initialSent,
}: {
  kind: ContactKind;
  value: string;
  /** A code the previous step already sent; then none goes out on its own. */
  initialSent?: CodeSent;
  confirmed: boolean;
  send: () => Promise<CodeSent>;
  confirm: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<CodeSent | null>(initialSent ?? null);
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);
  const sendCode = useMutation({ mutationFn: send, onSuccess: setSent });
  const check = useMutation({ mutationFn: confirm });
  const requested = useRef(initialSent !== undefined);
  const now = useNow(sent !== null && !confirmed);
  const wait = secondsUntil(sent?.resendAvailableAt, now);
  const headingId = `code-${kind}`;
  const fieldLabel = kind === 'phone' ? t('otp.codeFromSms') : t('otp.codeFromEmail');

  // The first code goes out by itself; the ref keeps React's double effect run from sending two.
  const { mutate: sendMutate } = sendCode;
  useEffect(() => {
    if (!confirmed && !requested.current) {
      requested.current = true;
      sendMutate();
    }
  }, [confirmed, sendMutate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const trimmed = code.trim();

    setEmpty(trimmed === '');

    if (trimmed !== '') {
      check.mutate(trimmed);
    }
  };

  const resend = () => {
    check.reset();
    setCode('');
    sendCode.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600} id={headingId}>
            {kind === 'phone' ? t('otp.phone') : t('otp.email')}
            {value ? `: ${value}` : ''}
          </Text>
          {confirmed ? (
            <Badge color="teal.9" variant="outline" data-testid={`confirmed-${kind}`}>
              {t('otp.confirmed')}
            </Badge>
          ) : null}
        </Group>
        {confirmed ? null : (
          <form onSubmit={submit} noValidate aria-labelledby={headingId}>
            <Stack gap="sm">
              {sent ? (
                <Text size="sm" aria-live="polite">
                  {t('otp.sentTo', { to: sent.sentTo })}
                </Text>
              ) : null}
              {sendCode.isError ? (
                <ProblemMessage error={sendCode.error} title={t('otp.sendFailed')} />
              ) : null}
              {check.isError ? (
                <ProblemMessage error={check.error} title={t('otp.checkFailed')} />
              ) : null}
              <TextInput
                label={fieldLabel}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                required
                error={empty ? t('form.required') : undefined}
              />
              <Group gap="sm">
                <Button type="submit" loading={check.isPending}>
                  {t('otp.confirm')}
                </Button>
                <Button
                  variant="default"
                  onClick={resend}
                  disabled={sendCode.isPending || wait > 0}
                  loading={sendCode.isPending}
                >
                  {wait > 0 ? t('otp.resendIn', { count: wait }) : t('otp.resend')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
