import { Alert, Button, Card, Code, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  castBallot,
  type Answer,
  type MeetingDetail,
  type VoterEntry,
} from '../../api/meetings.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const ANSWERS: Answer[] = ['for', 'against', 'abstain'];

/** The caller's shares in the frozen register, each voted once, each with its receipt. */
export function VotePanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();

  return (
    <Card withBorder>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('meetings.vote.title')}
        </Title>
        {meeting.myEntries.length === 0 ? <Text c="dimmed">{t('meetings.vote.none')}</Text> : null}
        {meeting.myEntries.map((entry) => (
          <EntryBallot key={entry.entryId} meeting={meeting} entry={entry} />
        ))}
      </Stack>
    </Card>
  );
}

function EntryBallot({ meeting, entry }: { meeting: MeetingDetail; entry: VoterEntry }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const cast = useMutation({
    mutationFn: () =>
      castBallot(meeting.id, {
        entryId: entry.entryId,
        answers: Object.fromEntries(Object.entries(answers).map(([q, a]) => [q, [a]])),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meeting', meeting.id] }),
  });
  const open = meeting.status === 'voting';

  return (
    <Stack gap="sm" data-testid="my-entry">
      <Text fw={600}>
        {t('meetings.vote.share', {
          premise: entry.premiseNumber,
          share: entry.share,
          votes: entry.votes.m2,
          percent: entry.votes.percent,
        })}{' '}
        · {t(`meetings.vote.castAs.${entry.castAs}` as 'meetings.vote.castAs.owner')}
      </Text>
      {entry.ballot ? (
        <Alert color="green" title={t('meetings.vote.done')}>
          <Stack gap={4}>
            <Text size="sm">{t('meetings.vote.receipt')}:</Text>
            <Code data-testid="receipt" style={{ wordBreak: 'break-all' }}>
              {entry.ballot.receipt}
            </Code>
            <Text size="xs">{t('meetings.vote.receiptHint')}</Text>
          </Stack>
        </Alert>
      ) : open ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cast.mutate();
          }}
        >
          <Stack gap="sm">
            {meeting.questions.map((q) => (
              <Radio.Group
                key={q.id}
                label={`${q.position}. ${q.title}`}
                value={answers[q.id] ?? null}
                onChange={(value) => setAnswers((a) => ({ ...a, [q.id]: value as Answer }))}
                required
              >
                <Stack gap={4} mt={4}>
                  {ANSWERS.map((a) => (
                    <Radio key={a} value={a} label={t(`meetings.answer.${a}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
            <Button type="submit" loading={cast.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('meetings.vote.submit')}
            </Button>
            {cast.isError ? <ProblemAlert error={cast.error} /> : null}
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
