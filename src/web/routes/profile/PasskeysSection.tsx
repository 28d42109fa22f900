import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import {
  listPasskeys,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
} from '../../api/security.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatDateTime } from '../../i18n/format.js';

const PASSKEYS_KEY = ['passkeys'] as const;

type CreationOptions = Parameters<typeof startRegistration>[0]['optionsJSON'];

/** Passkeys: sign in by fingerprint, face or device PIN; list, add (with a name) and remove. */
export function PasskeysSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const passkeys = useQuery({
    queryKey: PASSKEYS_KEY,
    queryFn: ({ signal }) => listPasskeys(signal),
    staleTime: 0,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY });
  const add = useMutation({
    mutationFn: async () => {
      const options = await passkeyRegistrationOptions();
      const response = await startRegistration({
        optionsJSON: options as unknown as CreationOptions,
      });

      return registerPasskey(response, name.trim() || undefined);
    },
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: removePasskey, onSettled: () => void refresh() });
  const supported = browserSupportsWebAuthn();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="passkeys-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="passkeys-heading">
          {t('profile.passkeys.title')}
        </Title>
        <Text size="sm">{t('profile.passkeys.lead')}</Text>
        {passkeys.isPending ? <Loading /> : null}
        {passkeys.isError ? (
          <ProblemAlert error={passkeys.error} onRetry={() => void passkeys.refetch()} />
        ) : null}
        {passkeys.data?.items.length === 0 ? <Text>{t('profile.passkeys.none')}</Text> : null}
        <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
          {passkeys.data?.items.map((passkey) => (
            <Paper component="li" key={passkey.id} withBorder p="sm">
              <Group justify="space-between" gap="xs">
                <Stack gap={2}>
                  <Text fw={600}>{passkey.name}</Text>
                  <Text size="sm" c="dimmed">
                    {t('profile.passkeys.details', {
                      created: formatDateTime(passkey.createdAt, language),
                      used: passkey.lastUsedAt
                        ? formatDateTime(passkey.lastUsedAt, language)
                        : t('profile.passkeys.neverUsed'),
                    })}
                  </Text>
                </Stack>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => remove.mutate(passkey.id)}
                  loading={remove.isPending && remove.variables === passkey.id}
                  aria-label={t('profile.passkeys.removeNamed', { name: passkey.name })}
                >
                  {t('profile.passkeys.remove')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
        {remove.isError ? <ProblemAlert error={remove.error} /> : null}
        {supported ? (
          <form onSubmit={submit} noValidate aria-label={t('profile.passkeys.addForm')}>
            <Stack gap="sm" maw="22rem">
              {add.isError && add.error instanceof ApiError ? (
                <ProblemMessage error={add.error} />
              ) : null}
              {add.isError && !(add.error instanceof ApiError) ? (
                <Text size="sm" c="red.9" role="alert">
                  {t('signin.passkeyBrowser')}
                </Text>
              ) : null}
              <TextInput
                label={t('profile.passkeys.name')}
                description={t('profile.passkeys.nameHint')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={100}
              />
              <div>
                <Button type="submit" loading={add.isPending}>
                  {t('profile.passkeys.add')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : (
          <Text size="sm">{t('profile.passkeys.unsupported')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
