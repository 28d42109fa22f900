import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { PlannedWork } from '../../api/serviceRequests.js';

/** Planned works grouped by month, each with its dates, house and status: a calendar as a list. */
export function WorksList({
  works,
  actions,
}: {
  works: PlannedWork[];
  actions?: (work: PlannedWork) => ReactNode;
}) {
  const { t, i18n } = useTranslation();

  if (works.length === 0) {
    return <Text c="dimmed">{t('serviceRequests.works.empty')}</Text>;
  }

  const months = new Map<string, PlannedWork[]>();

  for (const work of works) {
    const key = work.startsOn.slice(0, 7);

    months.set(key, [...(months.get(key) ?? []), work]);
  }

  const monthName = (key: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${key}-01T00:00:00Z`));
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));

  return (
    <Stack gap="md" data-testid="works-calendar">
      {[...months].map(([month, items]) => (
        <Stack key={month} gap="xs">
          <Text fw={700} tt="capitalize">
            {monthName(month)}
          </Text>
          {items.map((work) => (
            <Card key={work.id} withBorder padding="sm" data-testid="planned-work">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>
                      {day(work.startsOn)}
                      {work.endsOn !== work.startsOn ? ` — ${day(work.endsOn)}` : ''}
                    </Text>
                    <Text>{work.title}</Text>
                    <Badge variant="light" color={work.status === 'done' ? 'teal.9' : 'blue.8'}>
                      {t(`serviceRequests.works.status.${work.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`serviceRequests.works.kind.${work.kind}`)} · {work.house.address}
                  </Text>
                  {work.description ? <Text size="sm">{work.description}</Text> : null}
                  {work.resultNote ? <Text size="sm">{work.resultNote}</Text> : null}
                </Stack>
                {actions?.(work)}
              </Group>
            </Card>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
