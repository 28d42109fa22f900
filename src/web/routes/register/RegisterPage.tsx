import { Anchor, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import type { Registration } from '../../api/accounts.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useSession } from '../../session/useSession.js';
import { ConfirmStep } from './ConfirmStep.js';
import { ConsentsStep } from './ConsentsStep.js';
import { ContactsStep } from './ContactsStep.js';
import { PasswordStep } from './PasswordStep.js';

const STEPS = ['contacts', 'confirm', 'consents', 'password'] as const;

type Step = (typeof STEPS)[number] | 'done';

function stepOf(registration: Registration): Step {
  return registration.nextStep === 'done' ? 'done' : registration.nextStep;
}

/**
 * /register: contacts and name → a code for each contact → two separate consents → password.
 * Each step follows the server's `nextStep`, so the wizard never gets ahead of what is stored.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [step, setStep] = useState<Step>('contacts');

  usePageTitle(t('register.title'));

  if (session.data?.user && step === 'contacts') {
    return <Navigate to="/profile" replace />;
  }

  const advance = (next: Registration) => {
    setRegistration(next);
    setStep(stepOf(next));
  };

  const active = step === 'done' ? STEPS.length : STEPS.indexOf(step);

  return (
    <Stack gap="lg" maw="40rem">
      <Title order={1} id="register-title">
        {t('register.title')}
      </Title>
      {/* Four labelled steps do not fit a phone; there the line below says where the person is. */}
      <Stepper
        active={active}
        size="sm"
        allowNextStepsSelect={false}
        aria-label={t('register.progress')}
        visibleFrom="sm"
      >
        {STEPS.map((name) => (
          <Stepper.Step key={name} label={t(`register.steps.${name}`)} />
        ))}
      </Stepper>
      <Text size="sm" aria-live="polite" data-testid="register-step">
        {step === 'done'
          ? t('register.done.title')
          : t('register.stepOf', {
              step: active + 1,
              total: STEPS.length,
              name: t(`register.steps.${step}`),
            })}
      </Text>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        {step === 'contacts' ? <ContactsStep onDone={advance} /> : null}
        {step === 'confirm' && registration ? (
          <ConfirmStep registration={registration} onDone={advance} />
        ) : null}
        {step === 'consents' && registration ? (
          <ConsentsStep registration={registration} onDone={advance} />
        ) : null}
        {step === 'password' && registration ? (
          <PasswordStep registration={registration} onDone={() => setStep('done')} />
        ) : null}
        {step === 'done' ? <Done /> : null}
      </Paper>
      {step === 'contacts' ? (
        <Text size="sm">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to="/signin">
            {t('header.signIn')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

function Done() {
  const { t } = useTranslation();

  return (
    <Stack gap="sm" data-testid="register-done">
      <Title order={2} size="h3">
        {t('register.done.title')}
      </Title>
      <Text>{t('register.done.text')}</Text>
      <Anchor component={Link} to="/profile">
        {t('register.done.profile')}
      </Anchor>
    </Stack>
  );
}
