import { Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { getPremiseMeters } from '../../api/meters.js';
import { getMyPremises } from '../../api/myPremises.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { ConsumptionChart } from './ConsumptionChart.js';
import { FormNotice } from './FormNotice.js';
import { MeterCard } from './MeterCard.js';
import { ReminderSettings } from './ReminderSettings.js';

/** /owner/meters: submit readings of the person's meters, see consumption, set reminders. */
export function MetersPage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: ['my-premises'],
    queryFn: ({ signal }) => getMyPremises(signal),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const premises = mine.data?.premises ?? [];
  const premiseId = chosen ?? premises[0]?.id ?? null;

  usePageTitle(t('meters.title'));

  return (
    <Stack gap="lg">
      <Stack gap={4} maw="46rem">
        <Title order={1}>{t('meters.title')}</Title>
        <Text c="dimmed">{t('meters.lead')}</Text>
      </Stack>

      {mine.isPending ? <Loading /> : null}
      {mine.isError ? (
        <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : null}
      {mine.data && premises.length === 0 ? <Text>{t('meters.noPremises')}</Text> : null}

      {premises.length > 1 ? (
        <Select
          label={t('meters.premise')}
          data={premises.map((p) => ({ value: p.id, label: `${p.house.address}, ${p.number}` }))}
          value={premiseId}
          onChange={(id) => id && setChosen(id)}
          allowDeselect={false}
          maw="36rem"
        />
      ) : null}

      {premiseId ? <PremiseMeters premiseId={premiseId} /> : null}
      {mine.data ? <ReminderSettings /> : null}
    </Stack>
  );
}

function PremiseMeters({ premiseId }: { premiseId: string }) {
  const { t } = useTranslation();
  const meters = useQuery({
    queryKey: ['premise-meters', premiseId],
    queryFn: ({ signal }) => getPremiseMeters(premiseId, signal),
  });

  if (meters.isPending) {
    return <Loading />;
  }

  if (meters.isError) {
    return <ProblemAlert error={meters.error} onRetry={() => void meters.refetch()} />;
  }

  const active = meters.data.meters.filter((m) => m.status === 'active');

  return (
    <Stack gap="lg">
      <FormNotice form={meters.data.form} />
      <section aria-labelledby="meters-list">
        <Title order={2} size="h3" id="meters-list" mb="sm">
          {t('meters.list')}
        </Title>
        {active.length === 0 ? <Text>{t('meters.noMeters')}</Text> : null}
        <Stack gap="md">
          {active.map((meter) => (
            <MeterCard key={meter.id} meter={meter} form={meters.data.form} premiseId={premiseId} />
          ))}
        </Stack>
      </section>
      <ConsumptionChart premiseId={premiseId} />
    </Stack>
  );
}
