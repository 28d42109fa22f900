import { Alert, Button, Code, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { issueInPersonCode } from '../../api/access.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatDateTime } from '../../i18n/format.js';

/** At the desk: after checking the passport in person, the operator issues a one-time code. */
export function InPersonCodeIssue() {
  const { t, i18n } = useTranslation();
  const [login, setLogin] = useState('');
  const [empty, setEmpty] = useState(false);
  const issue = useMutation({ mutationFn: issueInPersonCode });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(login.trim() === '');

    if (login.trim() !== '') {
      issue.mutate(login.trim());
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="in-person-issue-heading">
      <form onSubmit={submit} noValidate aria-labelledby="in-person-issue-heading">
        <Stack gap="sm" maw="28rem">
          <Title order={2} size="h4" id="in-person-issue-heading">
            {t('operator.inPerson.title')}
          </Title>
          <Text size="sm">{t('operator.inPerson.lead')}</Text>
          {issue.isError ? <ProblemMessage error={issue.error} /> : null}
          {issue.data ? (
            <Alert color="teal.9" variant="outline" role="status">
              {t('operator.inPerson.issued', {
                name: issue.data.displayName,
                time: formatDateTime(issue.data.expiresAt, i18n.resolvedLanguage ?? 'ru'),
              })}{' '}
              <Code data-testid="in-person-code">{issue.data.code}</Code>
            </Alert>
          ) : null}
          <TextInput
            label={t('operator.inPerson.login')}
            value={login}
            onChange={(event) => setLogin(event.currentTarget.value)}
            autoComplete="off"
            maxLength={254}
            required
            error={empty ? t('form.required') : undefined}
          />
          <div>
            <Button type="submit" loading={issue.isPending}>
              {t('operator.inPerson.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
