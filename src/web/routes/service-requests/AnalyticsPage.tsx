import {
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { getAnalytics } from '../../api/serviceRequests.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { OrgSelect } from './OrgPicker.js';

type Bar = { label: string; values: number[] };

/**
 * Horizontal bars in plain SVG: no chart library to keep in step with React and Mantine, and
 * every bar carries its number as text, so the chart reads without colour or a mouse.
 */
function BarChart({ title, bars, legend }: { title: string; bars: Bar[]; legend?: string[] }) {
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const colours = ['#1c7ed6', '#2f9e44', '#e8590c'];
  const row = 22 * Math.max(1, bars[0]?.values.length ?? 1) + 10;

  return (
    <Card withBorder padding="md">
      <Text fw={700} mb="xs">
        {title}
      </Text>
      {legend ? (
        <Group gap="md" mb="xs">
          {legend.map((name, i) => (
            <Group key={name} gap={4}>
              <svg width="12" height="12" aria-hidden>
                <rect width="12" height="12" fill={colours[i]} />
              </svg>
              <Text size="xs">{name}</Text>
            </Group>
          ))}
        </Group>
      ) : null}
      <svg width="100%" viewBox={`0 0 600 ${bars.length * row}`} role="img" aria-label={title}>
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0, ${i * row})`}>
            <text x="0" y="14" fontSize="12">
              {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
            </text>
            {bar.values.map((value, j) => (
              <g key={j} transform={`translate(230, ${j * 22})`}>
                <rect
                  width={Math.max(2, (value / max) * 320)}
                  height="16"
                  fill={colours[j]}
                  rx="2"
                />
                <text x={Math.max(2, (value / max) * 320) + 6} y="13" fontSize="12">
                  {value}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </Card>
  );
}

/** /org/requests/analytics: for the organisation and for inspectors (who pick it by id). */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose } = useOrgChoice();
  const [params] = useSearchParams();
  const [months, setMonths] = useState('6');
  const [typed, setTyped] = useState(params.get('org') ?? '');
  const orgId = chosen && orgs.length > 0 && !params.get('inspect') ? chosen.id : typed;
  const data = useQuery({
    queryKey: ['service-requests', 'analytics', orgId, months],
    queryFn: ({ signal }) => getAnalytics(orgId, Number(months), signal),
    enabled: /^[0-9a-f-]{36}$/.test(orgId),
  });

  usePageTitle(t('serviceRequests.analytics.title'));

  const a = data.data;
  const figure = (label: string, value: string) => (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );

  return (
    <Stack gap="md" maw="64rem">
      <Title order={1}>{t('serviceRequests.analytics.title')}</Title>
      <OrgSelect orgs={orgs} chosen={chosen} choose={choose} />
      {params.get('inspect') || orgs.length === 0 ? (
        <TextInput
          label={t('serviceRequests.analytics.orgId')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value.trim())}
          w="26rem"
        />
      ) : null}
      <SegmentedControl
        value={months}
        onChange={setMonths}
        data={['3', '6', '12'].map((m) => ({
          value: m,
          label: t('serviceRequests.analytics.months', { count: Number(m) }),
        }))}
        w="fit-content"
      />
      {data.isPending && data.fetchStatus !== 'idle' ? <Loading /> : null}
      {data.isError ? <ProblemAlert error={data.error} /> : null}
      {a ? (
        <Stack gap="md" data-testid="analytics">
          <Text fw={600}>{a.organisation.name}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {figure(t('serviceRequests.analytics.total'), String(a.total))}
            {figure(
              t('serviceRequests.analytics.firstResponse'),
              a.medianFirstResponseMinutes === null
                ? '—'
                : t('serviceRequests.analytics.minutes', { value: a.medianFirstResponseMinutes }),
            )}
            {figure(
              t('serviceRequests.analytics.completion'),
              a.medianCompletionHours === null
                ? '—'
                : t('serviceRequests.analytics.hours', { value: a.medianCompletionHours }),
            )}
            {figure(
              t('serviceRequests.analytics.inTime'),
              a.completedInTimeShare === null
                ? '—'
                : `${Math.round(a.completedInTimeShare * 100)} %`,
            )}
          </SimpleGrid>
          <BarChart
            title={t('serviceRequests.analytics.byMonth')}
            legend={[
              t('serviceRequests.analytics.filed'),
              t('serviceRequests.analytics.completed'),
              t('serviceRequests.analytics.completedInTime'),
            ]}
            bars={a.byMonth.map((m) => ({
              label: m.month,
              values: [m.filed, m.completed, m.completedInTime],
            }))}
          />
          <BarChart
            title={t('serviceRequests.analytics.byCategory')}
            bars={a.byCategory.map((c) => ({
              label: t(`serviceRequests.category.${c.category as 'other'}`),
              values: [c.count],
            }))}
          />
          <BarChart
            title={t('serviceRequests.analytics.byHouse')}
            bars={a.byHouse.map((h) => ({ label: h.address, values: [h.count] }))}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
