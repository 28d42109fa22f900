import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { listHouseMeetings } from '../../api/meetings.js';
import { formatDay } from '../../i18n/format.js';

/** The house page's public board: meeting notices and the archive of decisions. */
export function HouseMeetingsSection({ houseId }: { houseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const meetings = useQuery({
    queryKey: ['meetings', 'house', houseId],
    queryFn: ({ signal }) => listHouseMeetings(houseId, signal),
  });

  // Most houses of the registry have no meetings on the platform: their page stays as it was.
  if (!meetings.data || meetings.data.length === 0) {
    return null;
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="house-meetings">
      <Title order={2} id="house-meetings">
        {t('meetings.house.title')}
      </Title>
      {meetings.data.map((m) => (
        <Group key={m.id} justify="space-between" data-testid="house-meeting">
          <Stack gap={0}>
            <Anchor component={Link} to={`/meetings/${m.id}`}>
              {m.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {formatDay(m.votingStartsOn, language)} — {formatDay(m.votingEndsOn, language)}
              {m.decisions && m.decisions.length > 0
                ? ` · ${t('meetings.house.adopted', {
                    adopted: m.decisions.filter((d) => d.adopted).length,
                    total: m.decisions.length,
                  })}`
                : ''}
            </Text>
          </Stack>
          <Badge>{t(`meetings.status.${m.status}`)}</Badge>
        </Group>
      ))}
    </Stack>
  );
}
