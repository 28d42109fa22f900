import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { startRegistration, type Registration } from '../../api/accounts.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';

type Fields = { surname: string; name: string; patronymic: string; phone: string; email: string };

const EMPTY: Fields = { surname: '', name: '', patronymic: '', phone: '', email: '' };

/** Step 1: who the person is and where the codes go (a phone, an e-mail address or both). */
export function ContactsStep({ onDone }: { onDone: (registration: Registration) => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [checked, setChecked] = useState(false);
  const start = useMutation({ mutationFn: startRegistration, onSuccess: onDone });

  const set = (key: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;

    setFields((current) => ({ ...current, [key]: value }));
  };

  const missing = {
    surname: fields.surname.trim() === '',
    name: fields.name.trim() === '',
    contact: fields.phone.trim() === '' && fields.email.trim() === '',
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);

    if (missing.surname || missing.name || missing.contact) {
      return;
    }

    start.mutate({
      surname: fields.surname.trim(),
      name: fields.name.trim(),
      ...(fields.patronymic.trim() ? { patronymic: fields.patronymic.trim() } : {}),
      ...(fields.phone.trim() ? { phone: fields.phone.trim() } : {}),
      ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
    });
  };

  const fieldError = (key: keyof Fields, empty = false) =>
    (checked && empty ? t('form.required') : undefined) ?? serverFieldError(start.error, key);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="contacts-title">
      <Stack gap="md">
        <Text component="h2" fw={700} size="lg" id="contacts-title">
          {t('register.contacts.title')}
        </Text>
        <Text size="sm">{t('register.contacts.lead')}</Text>
        {start.isError ? (
          <ProblemMessage error={start.error} title={t('register.contacts.failed')} />
        ) : null}
        <TextInput
          label={t('register.contacts.surname')}
          value={fields.surname}
          onChange={set('surname')}
          autoComplete="family-name"
          required
          maxLength={100}
          error={fieldError('surname', missing.surname)}
        />
        <TextInput
          label={t('register.contacts.name')}
          value={fields.name}
          onChange={set('name')}
          autoComplete="given-name"
          required
          maxLength={100}
          error={fieldError('name', missing.name)}
        />
        <TextInput
          label={t('register.contacts.patronymic')}
          description={t('register.contacts.patronymicHint')}
          value={fields.patronymic}
          onChange={set('patronymic')}
          autoComplete="additional-name"
          maxLength={100}
          error={fieldError('patronymic')}
        />
        <TextInput
          label={t('register.contacts.phone')}
          description={t('register.contacts.phoneHint')}
          value={fields.phone}
          onChange={set('phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={32}
          error={
            (checked && missing.contact ? t('register.contacts.needContact') : undefined) ??
            serverFieldError(start.error, 'phone')
          }
        />
        <TextInput
          label={t('register.contacts.email')}
          value={fields.email}
          onChange={set('email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={254}
          error={
            (checked && missing.contact ? t('register.contacts.needContact') : undefined) ??
            serverFieldError(start.error, 'email')
          }
        />
        <Button type="submit" loading={start.isPending}>
          {t('register.contacts.submit')}
        </Button>
      </Stack>
    </form>
  );
}
