import { Button, Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { acceptConsents, getLegalTexts, type Registration } from '../../api/accounts.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { LegalText } from './LegalText.js';

/**
 * Step 3: the consent to personal-data processing and the user agreement, each with its own
 * checkbox (domain rules §7: consent is given separately, never bundled). The versions read here
 * are the ones sent, so the server stores exactly the text the person saw.
 */
export function ConsentsStep({
  registration,
  onDone,
}: {
  registration: Registration;
  onDone: (registration: Registration) => void;
}) {
  const { t, i18n } = useTranslation();
  const texts = useQuery({
    queryKey: ['legal-texts', i18n.resolvedLanguage],
    queryFn: ({ signal }) => getLegalTexts(signal),
  });
  const [consent, setConsent] = useState(false);
  const [agreement, setAgreement] = useState(false);
  const [checked, setChecked] = useState(false);
  const accept = useMutation({
    mutationFn: (versions: { personalDataConsentVersion: string; userAgreementVersion: string }) =>
      acceptConsents(registration.registrationId, versions),
    onSuccess: onDone,
  });

  if (texts.isPending) {
    return <Loading />;
  }

  if (texts.isError) {
    return <ProblemAlert error={texts.error} onRetry={() => void texts.refetch()} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);

    if (consent && agreement) {
      accept.mutate({
        personalDataConsentVersion: texts.data.personalDataConsent.version,
        userAgreementVersion: texts.data.userAgreement.version,
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="consents-title">
      <Stack gap="md">
        <Text component="h2" fw={700} size="lg" id="consents-title">
          {t('register.consents.title')}
        </Text>
        <Text size="sm">{t('register.consents.lead')}</Text>
        {accept.isError ? (
          <ProblemMessage error={accept.error} title={t('register.consents.failed')} />
        ) : null}
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" id="pd-consent-title" mb={4}>
            {t('register.consents.personalData', {
              version: texts.data.personalDataConsent.version,
            })}
          </Text>
          <LegalText text={texts.data.personalDataConsent.text} labelledBy="pd-consent-title" />
        </Paper>
        <Checkbox
          label={t('register.consents.personalDataAccept')}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          required
          error={checked && !consent ? t('register.consents.required') : undefined}
        />
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" id="agreement-title" mb={4}>
            {t('register.consents.agreement', { version: texts.data.userAgreement.version })}
          </Text>
          <LegalText text={texts.data.userAgreement.text} labelledBy="agreement-title" />
        </Paper>
        <Checkbox
          label={t('register.consents.agreementAccept')}
          checked={agreement}
          onChange={(event) => setAgreement(event.currentTarget.checked)}
          required
          error={checked && !agreement ? t('register.consents.required') : undefined}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('form.next')}
        </Button>
      </Stack>
    </form>
  );
}
