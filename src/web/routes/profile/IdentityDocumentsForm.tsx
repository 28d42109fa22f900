import { Button, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { saveIdentityDocuments } from '../../api/access.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { documentHints, type DocumentField, type DocumentInput } from './documentFormats.js';
import { useRefreshMe } from './useMe.js';

const EMPTY: DocumentInput = {
  passportSeriesNumber: '',
  passportIssuedOn: '',
  departmentCode: '',
  snils: '',
};

const FIELDS: DocumentField[] = [
  'passportSeriesNumber',
  'passportIssuedOn',
  'departmentCode',
  'snils',
];

/**
 * Passport and СНИЛС: valid by format and check digits they raise the level to «standard». Hints
 * appear once a field is left, from the same checks the server makes.
 */
export function IdentityDocumentsForm({ hasDocuments }: { hasDocuments: boolean }) {
  const { t, i18n } = useTranslation();
  const refreshMe = useRefreshMe();
  const [values, setValues] = useState<DocumentInput>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<DocumentField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const save = useMutation({
    mutationFn: saveIdentityDocuments,
    onSuccess: () => {
      setValues(EMPTY);
      setTouched({});
      setSubmitted(false);
      void refreshMe();
    },
  });
  // The date hint compares with today; taken per render of the form, which is what a person sees.
  const [today] = useState(() => new Date());
  const hints = documentHints(values, today);

  const errorOf = (field: DocumentField) => {
    const shown = touched[field] || submitted;

    if (shown && values[field].trim() === '') {
      return t('form.required');
    }

    const hint = hints[field];

    if (shown && hint) {
      const key = `profile.documents.hints.${field}.${hint}`;

      // Not every field has every reason; the field's format text covers the rest.
      return i18n.exists(key)
        ? t(key as 'profile.documents.hints.snils.format')
        : t(`profile.documents.hints.${field}.format`);
    }

    return serverFieldError(save.error, field);
  };

  const input = (field: DocumentField) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;

      setValues((current) => ({ ...current, [field]: value }));
    },
    onBlur: () => setTouched((current) => ({ ...current, [field]: true })),
    error: errorOf(field),
    required: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);

    const complete = FIELDS.every((field) => values[field].trim() !== '');

    if (complete && Object.keys(hints).length === 0) {
      save.mutate({
        passportSeriesNumber: values.passportSeriesNumber.trim(),
        passportIssuedOn: values.passportIssuedOn.trim(),
        departmentCode: values.departmentCode.trim(),
        snils: values.snils.trim(),
      });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="documents-heading">
      <form onSubmit={submit} noValidate aria-labelledby="documents-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="documents-heading">
            {hasDocuments ? t('profile.documents.replaceTitle') : t('profile.documents.title')}
          </Title>
          <Text size="sm">{t('profile.documents.lead')}</Text>
          {save.isError ? <ProblemMessage error={save.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.documents.passportSeriesNumber')}
              description={t('profile.documents.passportHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              {...input('passportSeriesNumber')}
            />
            <TextInput
              label={t('profile.documents.passportIssuedOn')}
              type="date"
              {...input('passportIssuedOn')}
            />
            <TextInput
              label={t('profile.documents.departmentCodeLabel')}
              description={t('profile.documents.departmentHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={10}
              {...input('departmentCode')}
            />
            <TextInput
              label={t('profile.documents.snils')}
              description={t('profile.documents.snilsHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              {...input('snils')}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
