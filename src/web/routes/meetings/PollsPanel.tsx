import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { listOrgHouses } from '../../api/houseRegister.js';
import {
  answerPoll,
  createPoll,
  listMyPolls,
  listOrgPolls,
  type Poll,
} from '../../api/meetings.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isoAfter } from './dates.js';

/**
 * Non-binding polls: the owner's (one answer per ownership, totals only), or the organisation's
 * with the form to start one.
 */
export function PollsPanel({ orgId }: { orgId?: string }) {
  const { t } = useTranslation();
  const polls = useQuery({
    queryKey: ['polls', orgId ?? 'mine'],
    queryFn: ({ signal }) => (orgId ? listOrgPolls(orgId, signal) : listMyPolls(signal)),
  });

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('meetings.polls.title')}
      </Title>
      {orgId ? <CreatePollForm orgId={orgId} /> : null}
      {polls.data?.length === 0 ? <Text c="dimmed">{t('meetings.polls.none')}</Text> : null}
      {polls.isError ? <ProblemAlert error={polls.error} /> : null}
      {polls.data?.map((poll) => (
        <PollCard key={poll.id} poll={poll} />
      ))}
    </Stack>
  );
}

function CreatePollForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [houseId, setHouseId] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [closes, setCloses] = useState(() => isoAfter(14));
  const houses = useQuery({
    queryKey: ['meetings', 'houses', orgId],
    queryFn: ({ signal }) => listOrgHouses(orgId, { limit: 100 }, signal),
  });
  const create = useMutation({
    mutationFn: () =>
      createPoll({
        houseId: houseId ?? '',
        organisationId: orgId,
        question,
        options: options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
        closesAt: new Date(`${closes}T23:59:59`).toISOString(),
      }),
    onSuccess: async () => {
      setQuestion('');
      setOptions('');
      await queryClient.invalidateQueries({ queryKey: ['polls'] });
    },
  });

  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="xs">
          <Text fw={600}>{t('meetings.polls.create')}</Text>
          <Select
            label={t('meetings.polls.house')}
            data={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.address }))}
            value={houseId}
            onChange={setHouseId}
            searchable
            required
          />
          <TextInput
            label={t('meetings.polls.question')}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('meetings.polls.options')}
            description={t('meetings.polls.optionsHint')}
            value={options}
            onChange={(e) => setOptions(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          <TextInput
            type="date"
            label={t('meetings.polls.closes')}
            value={closes}
            onChange={(e) => setCloses(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('meetings.polls.submit')}
          </Button>
          {create.isError ? <ProblemAlert error={create.error} /> : null}
        </Stack>
      </form>
    </Card>
  );
}

function PollCard({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (option: number) => answerPoll(poll.id, option),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['polls'] }),
  });
  const total = poll.options.reduce((sum, o) => sum + o.votes, 0);
  const canAnswer = poll.open && poll.myAnswered < poll.myOwnerships;

  return (
    <Card withBorder data-testid="poll">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{poll.question}</Text>
          {!poll.open ? <Badge color="gray">{t('meetings.polls.closed')}</Badge> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {poll.houseAddress}
          {poll.anonymous ? ` · ${t('meetings.polls.anonymous')}` : ''}
        </Text>
        {poll.options.map((o) => (
          <Group key={o.index} justify="space-between">
            <Text>
              {o.text}: {o.votes}
              {total > 0 ? ` (${Math.round((o.votes / total) * 100)} %)` : ''}
            </Text>
            {canAnswer ? (
              <Button
                size="xs"
                variant="light"
                onClick={() => answer.mutate(o.index)}
                loading={answer.isPending}
                aria-label={`${t('meetings.polls.answer')}: ${o.text}`}
              >
                {t('meetings.polls.answer')}
              </Button>
            ) : null}
          </Group>
        ))}
        {poll.myAnswered > 0 ? <Text size="sm">{t('meetings.polls.answered')}</Text> : null}
        {answer.isError ? <ProblemAlert error={answer.error} /> : null}
      </Stack>
    </Card>
  );
}
