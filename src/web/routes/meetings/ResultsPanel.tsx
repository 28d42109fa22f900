import { Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Question, Results } from '../../api/meetings.js';

/**
 * The figures of the count: quorum against all votes, and per question the votes for, against,
 * abstaining and spoiled, with the share of the question's base. The percentages are rounded for
 * reading; the exact fraction is kept beside each figure and decides.
 */
export function ResultsPanel({ results, questions }: { results: Results; questions: Question[] }) {
  const { t } = useTranslation();

  return (
    <Card withBorder data-testid="results">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('meetings.results.title')}
          </Title>
          <Badge color={results.final ? 'grape' : 'green'}>
            {results.final ? t('meetings.results.final') : t('meetings.results.live')}
          </Badge>
        </Group>
        <Text>
          {t('meetings.results.total')}:{' '}
          <b>{t('meetings.results.m2', { value: results.totalVotes.m2 })}</b>
        </Text>
        <Stack gap={4}>
          <Text data-testid="participants">
            {t('meetings.results.participants')}:{' '}
            <b>{t('meetings.results.m2', { value: results.participantVotes.m2 })}</b> (
            {results.participantVotes.percent} %) ·{' '}
            <span title={t('meetings.results.exact', { value: results.participantVotes.exact })}>
              {t('meetings.results.exact', { value: results.participantVotes.exact })}
            </span>
          </Text>
          <Progress value={Number(results.participantVotes.percent)} aria-hidden />
          <Badge color={results.quorum ? 'green' : 'red'} data-testid="quorum">
            {results.quorum ? t('meetings.results.quorum') : t('meetings.results.noQuorum')}
          </Badge>
          <Text size="sm">{t('meetings.results.ballots', { count: results.ballots })}</Text>
        </Stack>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('meetings.results.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№</Table.Th>
                <Table.Th>{t('meetings.results.for')}</Table.Th>
                <Table.Th>{t('meetings.results.against')}</Table.Th>
                <Table.Th>{t('meetings.results.abstain')}</Table.Th>
                <Table.Th>{t('meetings.results.spoiled')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.questions.map((q) => {
                const question = questions.find((x) => x.id === q.questionId);

                return (
                  <Table.Tr key={q.questionId} data-testid="question-result">
                    <Table.Td>
                      <Text fw={600}>
                        {question?.position}. {question?.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`meetings.majority.${q.majority}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td title={q.for.exact}>
                      {t('meetings.results.m2', { value: q.for.m2 })} ({q.for.percent} %)
                    </Table.Td>
                    <Table.Td>{t('meetings.results.m2', { value: q.against.m2 })}</Table.Td>
                    <Table.Td>{t('meetings.results.m2', { value: q.abstain.m2 })}</Table.Td>
                    <Table.Td>
                      {t('meetings.results.m2', { value: q.spoiled.m2 })} ({q.spoiledBallots})
                    </Table.Td>
                    <Table.Td>
                      <Badge color={q.adopted ? 'green' : 'gray'} data-testid="decision">
                        {q.adopted ? t('meetings.results.adopted') : t('meetings.results.rejected')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {results.conflicts.length > 0 ? (
          <Stack gap={2} data-testid="conflicts">
            <Text fw={600}>{t('meetings.results.conflicts')}</Text>
            {results.conflicts.map((c) => (
              <Text size="sm" key={c.entryId}>
                {t('meetings.results.conflict', {
                  premise: c.premiseNumber,
                  owner: c.ownerName ?? '—',
                  counted: t(`meetings.channel.${c.counted.channel}` as 'meetings.channel.paper'),
                  aside: c.setAside
                    .map((s) => t(`meetings.channel.${s.channel}` as 'meetings.channel.paper'))
                    .join(', '),
                })}
              </Text>
            ))}
          </Stack>
        ) : null}
        {results.chainHead ? (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('meetings.results.chainHead')}: {results.chainHead}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
