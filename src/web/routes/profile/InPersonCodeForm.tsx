import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { redeemInPersonCode } from '../../api/access.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { useRefreshMe } from './useMe.js';

/** The other way to «verified»: a code an operator handed over in person at an office. */
export function InPersonCodeForm() {
  const { t } = useTranslation();
  const refreshMe = useRefreshMe();
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);
  const redeem = useMutation({
    mutationFn: redeemInPersonCode,
    onSuccess: () => {
      setCode('');
      void refreshMe();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(code.trim() === '');

    if (code.trim() !== '') {
      redeem.mutate(code.trim());
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="in-person-heading">
      <form onSubmit={submit} noValidate aria-labelledby="in-person-heading">
        <Stack gap="sm" maw="22rem">
          <Title order={2} size="h4" id="in-person-heading">
            {t('profile.inPerson.title')}
          </Title>
          <Text size="sm">{t('profile.inPerson.lead')}</Text>
          {redeem.isError ? <ProblemMessage error={redeem.error} /> : null}
          <TextInput
            label={t('profile.inPerson.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            autoComplete="off"
            maxLength={32}
            required
            error={empty ? t('form.required') : undefined}
          />
          <div>
            <Button type="submit" variant="default" loading={redeem.isPending}>
              {t('profile.inPerson.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
