import {
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { uploadFile } from '../../api/files.js';
import {
  enterPaperBallot,
  getRegister,
  type Answer,
  type MeetingDetail,
} from '../../api/meetings.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const ANSWERS: Answer[] = ['for', 'against', 'abstain'];

/**
 * The administrator enters a paper ballot as it is marked: any number of marks per question
 * (two marks spoil the question, none leaves it blank), with the scan of the signed ballot.
 */
export function PaperBallotForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [entryId, setEntryId] = useState<string | null>(null);
  const [scan, setScan] = useState<File | null>(null);
  const [marks, setMarks] = useState<Record<string, Answer[]>>({});
  const register = useQuery({
    queryKey: ['meeting', meeting.id, 'register'],
    queryFn: ({ signal }) => getRegister(meeting.id, signal),
  });
  const enter = useMutation({
    mutationFn: async () => {
      const file = await uploadFile(scan!);

      return enterPaperBallot(meeting.id, {
        entryId: entryId ?? '',
        scanFileId: file.id,
        answers: marks,
      });
    },
    onSuccess: async () => {
      setMarks({});
      setEntryId(null);
      setScan(null);
      await queryClient.invalidateQueries({ queryKey: ['meeting', meeting.id] });
    },
  });
  const toggle = (questionId: string, answer: Answer, on: boolean) =>
    setMarks((m) => {
      const current = new Set(m[questionId] ?? []);

      if (on) {
        current.add(answer);
      } else {
        current.delete(answer);
      }

      return { ...m, [questionId]: [...current] };
    });

  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          enter.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('meetings.paper.title')}
          </Title>
          <Select
            label={t('meetings.paper.entry')}
            data={(register.data?.entries ?? [])
              .filter((e) => e.share)
              .map((e) => ({
                value: e.entryId,
                label:
                  `№ ${e.premiseNumber} · ${e.ownerName ?? '—'} · ${e.share}` +
                  (e.ballots.length > 0 ? ` · ${t('meetings.paper.voted')}` : ''),
              }))}
            value={entryId}
            onChange={setEntryId}
            searchable
            required
          />
          {meeting.questions.map((q) => (
            <Stack key={q.id} gap={4}>
              <Text size="sm" fw={600}>
                {q.position}. {q.title}
              </Text>
              <Group>
                {ANSWERS.map((a) => (
                  <Checkbox
                    key={a}
                    label={t(`meetings.answer.${a}`)}
                    checked={(marks[q.id] ?? []).includes(a)}
                    onChange={(e) => toggle(q.id, a, e.currentTarget.checked)}
                    aria-label={`${q.position}. ${t(`meetings.answer.${a}`)}`}
                  />
                ))}
              </Group>
            </Stack>
          ))}
          <FileInput
            label={t('meetings.paper.scan')}
            accept="application/pdf,image/jpeg,image/png,image/heic"
            value={scan}
            onChange={setScan}
            required
          />
          <Button type="submit" loading={enter.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('meetings.paper.submit')}
          </Button>
          {enter.isSuccess ? <Text c="green">{t('meetings.paper.done')}</Text> : null}
          {enter.isError ? <ProblemAlert error={enter.error} /> : null}
        </Stack>
      </form>
    </Card>
  );
}
