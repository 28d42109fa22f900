import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Meeting } from '../../api/meetings.js';
import { formatDateTime, formatDay } from '../../i18n/format.js';

const STATUS_COLOR: Record<Meeting['status'], string> = {
  announced: 'blue',
  voting: 'green',
  closed: 'orange',
  counted: 'grape',
  signed: 'gray',
};

/** Meetings as cards: title, house, dates and status, each linking to its page. */
export function MeetingList({ meetings, empty }: { meetings: Meeting[]; empty: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';

  if (meetings.length === 0) {
    return <Text c="dimmed">{empty}</Text>;
  }

  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0 }}>
      {meetings.map((m) => {
        const inspection = m.protocol?.dispatches.find((d) => d.kind === 'protocol_to_inspection');

        return (
          <Card key={m.id} withBorder component="li" data-testid="meeting-card">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
                  {m.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {m.houseAddress}
                </Text>
                <Text size="sm">
                  {t('meetings.list.voting', {
                    from: formatDay(m.votingStartsOn, language),
                    to: formatDay(m.votingEndsOn, language),
                  })}
                </Text>
                {inspection ? (
                  <Text size="sm">
                    {t('meetings.inspection.received', {
                      at: formatDateTime(inspection.sentAt, language),
                    })}
                  </Text>
                ) : null}
              </Stack>
              <Badge color={STATUS_COLOR[m.status]}>{t(`meetings.status.${m.status}`)}</Badge>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
