import { Anchor, Badge, Breadcrumbs, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ApiError } from '../../api/client.js';
import { getMeeting, type MeetingDetail } from '../../api/meetings.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatDay } from '../../i18n/format.js';
import { PaperBallotForm } from './PaperBallotForm.js';
import { ProtocolPanel } from './ProtocolPanel.js';
import { ReceiptCheck } from './ReceiptCheck.js';
import { ResultsPanel } from './ResultsPanel.js';
import { VotePanel } from './VotePanel.js';

/** /meetings/:id: one meeting with its agenda, live figures, the caller's ballot and the protocol. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  // Live figures: refreshed while the page is open during voting.
  const meeting = useQuery({
    queryKey: ['meeting', id],
    queryFn: ({ signal }) => getMeeting(id, signal),
    refetchInterval: (query) => (query.state.data?.status === 'voting' ? 15_000 : false),
  });
  const notFound = meeting.error instanceof ApiError && meeting.error.status === 404;

  usePageTitle(meeting.data?.title ?? (notFound ? t('meetings.page.notFound') : undefined));

  return (
    <Stack gap="lg" maw="64rem">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/">
          {t('app.name')}
        </Anchor>
        <Anchor
          component={Link}
          to={meeting.data?.mayAdminister ? '/org/meetings' : '/owner/meetings'}
        >
          {t('meetings.owner.title')}
        </Anchor>
      </Breadcrumbs>
      {meeting.isPending ? <Loading /> : null}
      {meeting.isError ? <ProblemAlert error={meeting.error} /> : null}
      {meeting.data ? <MeetingView meeting={meeting.data} /> : null}
    </Stack>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const day = (date: string) => formatDay(date, language);
  const after = meeting.status === 'counted' || meeting.status === 'signed';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1}>{meeting.title}</Title>
          <Badge data-testid="meeting-status">{t(`meetings.status.${meeting.status}`)}</Badge>
        </Group>
        <Text c="dimmed">{meeting.houseAddress}</Text>
      </Stack>
      <Card withBorder>
        <Stack gap={4}>
          <Text>
            {t('meetings.page.initiator')}: {meeting.initiator.name}
          </Text>
          <Text>{t(`meetings.form.${meeting.form}`)}</Text>
          <Text>
            {t('meetings.page.dates')}: {day(meeting.votingStartsOn)} — {day(meeting.votingEndsOn)}
          </Text>
          <Text size="sm">
            {t('meetings.page.notice')}: {day(meeting.noticeOn)} · {t('meetings.page.paperUntil')}:{' '}
            {day(meeting.paperUntilOn)}
          </Text>
          {meeting.place ? <Text size="sm">{meeting.place}</Text> : null}
          {meeting.materials ? <Text size="sm">{meeting.materials}</Text> : null}
        </Stack>
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('meetings.page.agenda')}
        </Title>
        <List type="ordered">
          {meeting.questions.map((q) => (
            <List.Item key={q.id}>
              <Text>{q.title}</Text>
              <Text size="xs" c="dimmed">
                {t('meetings.page.basis')}: {i18n.language === 'en' ? q.basisEn : q.basis} ·{' '}
                {t(`meetings.majority.${q.majority}`)}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
      {meeting.status === 'announced' ? (
        <Text>{t('meetings.vote.notYet', { date: day(meeting.votingStartsOn) })}</Text>
      ) : null}
      {meeting.results ? (
        <ResultsPanel results={meeting.results} questions={meeting.questions} />
      ) : null}
      {meeting.status !== 'announced' ? <VotePanel meeting={meeting} /> : null}
      {meeting.mayAdminister && meeting.status === 'voting' ? (
        <PaperBallotForm meeting={meeting} />
      ) : null}
      {after ? <ProtocolPanel meeting={meeting} /> : null}
      <ReceiptCheck />
    </Stack>
  );
}
