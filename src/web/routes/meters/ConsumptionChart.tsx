import type { TFunction } from 'i18next';
import { Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { getConsumption, type Consumption } from '../../api/meters.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatPeriod, formatValue, shortMonth } from './format.js';

type Series = Consumption['series'][number];

const W = 720;
const H = 220;
const PAD = 28;

/**
 * Monthly consumption of the last twelve months against the same months a year before, the
 * house's average per flat and the norm for the flat's residents. The same numbers follow as a
 * table, for screen readers and for anyone who prefers figures.
 */
export function ConsumptionChart({ premiseId }: { premiseId: string }) {
  const { t } = useTranslation();
  const data = useQuery({
    queryKey: ['consumption', premiseId],
    queryFn: ({ signal }) => getConsumption(premiseId, signal),
  });
  const [chosen, setChosen] = useState<string | null>(null);

  if (data.isPending) {
    return <Loading />;
  }

  if (data.isError) {
    return <ProblemAlert error={data.error} onRetry={() => void data.refetch()} />;
  }

  const keyOf = (s: Series) => `${s.resource}:${s.zone}`;
  const series = data.data.series;
  const current = series.find((s) => keyOf(s) === chosen) ?? series[0];

  return (
    <section aria-labelledby="consumption-title" data-testid="consumption-chart">
      <Title order={2} size="h3" id="consumption-title" mb="sm">
        {t('meters.chart.title')}
      </Title>
      {!current ? (
        <Text>{t('meters.chart.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <SegmentedControl
            data={series.map((s) => ({ value: keyOf(s), label: labelOf(s, t) }))}
            value={keyOf(current)}
            onChange={setChosen}
          />
          <Chart series={current} />
          <Legend />
          <Figures series={current} />
        </Stack>
      )}
    </section>
  );
}

function labelOf(s: Series, t: TFunction) {
  const resource = t(`meters.resource.${s.resource}`);

  return s.zone === 'single' ? resource : `${resource}, ${t(`meters.zone.${s.zone}`)}`;
}

function Chart({ series }: { series: Series }) {
  const { t, i18n } = useTranslation();
  const points = series.points.slice(-12);
  const lastYear = series.points.slice(-24, -12);
  const numbers = [...series.points.flatMap((p) => [p.quantity, p.houseAverage, p.norm])]
    .filter((v): v is string => v !== null)
    .map(Number);
  const max = Math.max(1, ...numbers);
  const step = (W - PAD * 2) / Math.max(1, points.length);
  const y = (v: number) => H - PAD - (v / max) * (H - PAD * 2);
  const norm = points.find((p) => p.norm !== null)?.norm;
  const average = points
    .map((p, i) =>
      p.houseAverage === null ? null : `${PAD + step * i + step / 2},${y(Number(p.houseAverage))}`,
    )
    .filter(Boolean)
    .join(' ');

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('meters.chart.aria', { resource: labelOf(series, t) })}
      style={{ width: '100%', maxWidth: W }}
    >
      <line
        x1={PAD}
        x2={W - PAD}
        y1={H - PAD}
        y2={H - PAD}
        stroke="currentColor"
        strokeOpacity={0.3}
      />
      {points.map((p, i) => {
        const x = PAD + step * i;
        const before = lastYear[i]?.quantity;

        return (
          <g key={p.period}>
            {before ? (
              <rect
                x={x + step * 0.1}
                width={step * 0.35}
                y={y(Number(before))}
                height={H - PAD - y(Number(before))}
                fill="var(--mantine-color-gray-4)"
              />
            ) : null}
            {p.quantity ? (
              <rect
                x={x + step * 0.48}
                width={step * 0.4}
                y={y(Number(p.quantity))}
                height={H - PAD - y(Number(p.quantity))}
                fill="var(--mantine-color-blue-6)"
              />
            ) : null}
            <text x={x + step / 2} y={H - 8} textAnchor="middle" fontSize={11} fill="currentColor">
              {shortMonth(p.period, i18n.language)}
            </text>
          </g>
        );
      })}
      {average ? (
        <polyline
          points={average}
          fill="none"
          stroke="var(--mantine-color-orange-6)"
          strokeWidth={2}
        />
      ) : null}
      {norm ? (
        <line
          x1={PAD}
          x2={W - PAD}
          y1={y(Number(norm))}
          y2={y(Number(norm))}
          stroke="var(--mantine-color-red-6)"
          strokeDasharray="6 4"
        />
      ) : null}
    </svg>
  );
}

function Legend() {
  const { t } = useTranslation();
  const item = (color: string, text: string) => (
    <Group gap={6} key={text}>
      <span
        aria-hidden
        style={{ width: 12, height: 12, background: color, display: 'inline-block' }}
      />
      <Text size="sm">{text}</Text>
    </Group>
  );

  return (
    <Group gap="lg">
      {item('var(--mantine-color-blue-6)', t('meters.chart.thisYear'))}
      {item('var(--mantine-color-gray-4)', t('meters.chart.lastYear'))}
      {item('var(--mantine-color-orange-6)', t('meters.chart.houseAverage'))}
      {item('var(--mantine-color-red-6)', t('meters.chart.norm'))}
    </Group>
  );
}

function Figures({ series }: { series: Series }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const show = (v: string | null) => (v === null ? '—' : formatValue(v, lang));

  return (
    <details>
      <summary>{t('meters.chart.table')}</summary>
      <Table striped withTableBorder mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('meters.chart.period')}</Table.Th>
            <Table.Th>
              {t('meters.chart.mine', {
                unit: t(`meters.unit.${series.unit as 'm3' | 'kWh' | 'Gcal'}`),
              })}
            </Table.Th>
            <Table.Th>{t('meters.chart.houseAverage')}</Table.Th>
            <Table.Th>{t('meters.chart.norm')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.points
            .slice()
            .reverse()
            .map((p) => (
              <Table.Tr key={p.period}>
                <Table.Td>{formatPeriod(p.period, lang)}</Table.Td>
                <Table.Td>{show(p.quantity)}</Table.Td>
                <Table.Td>{show(p.houseAverage)}</Table.Td>
                <Table.Td>{show(p.norm)}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
