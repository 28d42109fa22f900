import { Alert, Anchor, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { submitClaim, type PropertyClaim } from '../../api/propertyClaims.js';
import { Loading } from '../../components/Loading.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useMe } from '../profile/useMe.js';
import {
  checkDraft,
  EMPTY_DRAFT,
  serverProblems,
  stepOf,
  stepProblems,
  STEPS,
  toNewClaim,
  type Draft,
  type Field,
  type Step,
} from './claimForm.js';
import { ClaimResult } from './ClaimResult.js';
import { ClaimStepFields } from './ClaimStepFields.js';
import { MY_CLAIMS_KEY, MyClaimsList } from './MyClaimsList.js';

/**
 * /owner/properties/add: «Добавить объект недвижимости» — the product's six steps as a wizard
 * (house, object, share, title document, scans, review), then the outcome of the registry check.
 */
export function AddPropertyPage() {
  const { t } = useTranslation();
  const me = useMe();

  usePageTitle(t('property.add.title'));

  const level = me.data?.assurance.level;

  return (
    <Stack gap="lg" maw="56rem">
      <Stack gap={4}>
        <Title order={1}>{t('property.add.title')}</Title>
        <Text c="dimmed">{t('property.add.lead')}</Text>
      </Stack>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ProblemMessage error={me.error} /> : null}
      {level === 'basic' ? (
        <Alert color="orange" variant="light" title={t('property.add.level.title')} role="status">
          <Stack gap="xs">
            <Text size="sm">{t('property.add.level.text')}</Text>
            <Anchor component={Link} to="/profile?tab=verification" size="sm">
              {t('property.add.level.link')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      {level && level !== 'basic' ? <ClaimWizard /> : null}
      <MyClaimsList />
    </Stack>
  );
}

function ClaimWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [active, setActive] = useState(0);
  const [checked, setChecked] = useState<Set<Step>>(new Set());
  const [result, setResult] = useState<PropertyClaim | null>(null);
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const send = useMutation({
    mutationFn: submitClaim,
    onSuccess: (claim) => {
      setResult(claim);
      void queryClient.invalidateQueries({ queryKey: MY_CLAIMS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['my-premises'] });
    },
    onError: (error) => {
      const [first] = serverProblems(error);

      if (first) {
        setActive(STEPS.indexOf(stepOf(first.field)));
      }
    },
  });
  const problems = checkDraft(draft, today);
  const step = STEPS[active] ?? 'review';
  const fromServer = serverProblems(send.error);

  const errorOf = (field: Field): string | undefined => {
    const local = problems[field];

    if (local && checked.has(stepOf(field))) {
      return t(`property.add.errors.${local}` as 'property.add.errors.required');
    }

    const server = fromServer.find((problem) => problem.field === field);

    return server?.key
      ? t(`property.add.errors.${server.key}` as 'property.add.errors.required')
      : server?.text;
  };

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));

    if (send.isError) {
      send.reset();
    }
  };

  const next = () => {
    setChecked((current) => new Set(current).add(step));

    if (stepProblems(problems, step).length === 0) {
      setActive((current) => Math.min(current + 1, STEPS.length - 1));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();

    if (step !== 'review') {
      next();

      return;
    }

    setChecked(new Set(STEPS));

    const blocked = STEPS.find((candidate) => stepProblems(problems, candidate).length > 0);

    if (blocked) {
      setActive(STEPS.indexOf(blocked));

      return;
    }

    send.mutate(toNewClaim(draft));
  };

  const restart = () => {
    setDraft(EMPTY_DRAFT);
    setChecked(new Set());
    setResult(null);
    setActive(0);
    send.reset();
  };

  if (result) {
    return <ClaimResult claim={result} onAnother={restart} />;
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="claim-step-title">
      <form onSubmit={submit} noValidate aria-labelledby="claim-step-title">
        <Stack gap="md">
          <Stepper
            active={active}
            onStepClick={(index) => index < active && setActive(index)}
            size="sm"
            allowNextStepsSelect={false}
          >
            {STEPS.map((name) => (
              <Stepper.Step key={name} label={t(`property.add.steps.${name}`)} />
            ))}
          </Stepper>
          <Title order={2} size="h3" id="claim-step-title">
            {t(`property.add.steps.${step}`)}
          </Title>
          {step === 'review' ? <Text size="sm">{t('property.add.review.lead')}</Text> : null}
          <ClaimStepFields
            step={step}
            draft={draft}
            change={change}
            errorOf={errorOf}
            goTo={(target) => setActive(STEPS.indexOf(target))}
          />
          {send.isError ? <ProblemMessage error={send.error} /> : null}
          <Group gap="sm">
            {active > 0 ? (
              <Button variant="default" onClick={() => setActive(active - 1)}>
                {t('property.add.back')}
              </Button>
            ) : null}
            <Button type="submit" loading={send.isPending}>
              {step === 'review' ? t('property.add.submit') : t('property.add.next')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
