import {
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
import { useNavigate } from 'react-router';

import { listOrgHouses } from '../../api/houseRegister.js';
import { createMeeting, decisionKinds, type Meeting } from '../../api/meetings.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isoAfter } from './dates.js';

type Draft = { title: string; decisionKind: string };

const FORMS: Meeting['form'][] = ['electronic', 'absentee', 'mixed', 'in_person'];

/**
 * Convening a meeting: house, form, dates and the agenda. Each question takes a decision kind
 * from the law's catalogue in force on the first day of voting; the majority follows from it and
 * is shown, never typed. The server checks the notice period and the voting bounds.
 */
export function CreateMeetingForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? 'ru') === 'en' ? 'en' : 'ru';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [houseId, setHouseId] = useState<string | null>(null);
  const [form, setForm] = useState<Meeting['form']>('electronic');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [materials, setMaterials] = useState('');
  const [starts, setStarts] = useState(() => isoAfter(10));
  const [ends, setEnds] = useState(() => isoAfter(16));
  const [questions, setQuestions] = useState<Draft[]>([{ title: '', decisionKind: 'other' }]);
  const houses = useQuery({
    queryKey: ['meetings', 'houses', orgId],
    queryFn: ({ signal }) => listOrgHouses(orgId, { limit: 100 }, signal),
  });
  const kinds = useQuery({
    queryKey: ['meetings', 'kinds', starts],
    queryFn: ({ signal }) => decisionKinds(starts, signal),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(starts),
  });
  const create = useMutation({
    mutationFn: () =>
      createMeeting({
        houseId: houseId ?? '',
        organisationId: orgId,
        form,
        title,
        place: place || undefined,
        materials: materials || undefined,
        votingStartsOn: starts,
        votingEndsOn: ends,
        questions,
      }),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onDone();
      await navigate(`/meetings/${meeting.id}`);
    },
  });
  const update = (index: number, patch: Partial<Draft>) =>
    setQuestions((list) => list.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const kindOptions = (kinds.data?.kinds ?? []).map((k) => ({
    value: k.code,
    label: `${k.basis[language]} — ${k.title[language]}`,
  }));

  return (
    <Card withBorder data-testid="create-meeting">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="md">
          <Title order={2}>{t('meetings.create.title')}</Title>
          <Select
            label={t('meetings.create.house')}
            data={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.address }))}
            value={houseId}
            onChange={setHouseId}
            searchable
            required
          />
          <Select
            label={t('meetings.create.meetingForm')}
            data={FORMS.map((f) => ({ value: f, label: t(`meetings.form.${f}`) }))}
            value={form}
            onChange={(value) => setForm((value as Meeting['form']) ?? 'electronic')}
            allowDeselect={false}
          />
          <TextInput
            label={t('meetings.create.name')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('meetings.create.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
          />
          <Textarea
            label={t('meetings.create.materials')}
            value={materials}
            onChange={(e) => setMaterials(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('meetings.create.starts')}
              value={starts}
              onChange={(e) => setStarts(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('meetings.create.ends')}
              value={ends}
              onChange={(e) => setEnds(e.currentTarget.value)}
              required
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('meetings.create.noticeHint')}
          </Text>
          {questions.map((q, index) => {
            const kind = kinds.data?.kinds.find((k) => k.code === q.decisionKind);

            return (
              <Card key={index} withBorder data-testid="agenda-question">
                <Stack gap="xs">
                  <Textarea
                    label={`${t('meetings.create.question', { n: index + 1 })}: ${t('meetings.create.questionTitle')}`}
                    value={q.title}
                    onChange={(e) => update(index, { title: e.currentTarget.value })}
                    required
                  />
                  <Select
                    label={t('meetings.create.kind')}
                    data={kindOptions}
                    value={q.decisionKind}
                    onChange={(value) => update(index, { decisionKind: value ?? 'other' })}
                    allowDeselect={false}
                    searchable
                  />
                  {kind ? (
                    <Text size="sm" data-testid="question-majority">
                      {t('meetings.create.kindHint', {
                        majority: t(`meetings.majority.${kind.majority}`),
                      })}
                    </Text>
                  ) : null}
                  {questions.length > 1 ? (
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() => setQuestions((list) => list.filter((_, i) => i !== index))}
                    >
                      {t('meetings.create.removeQuestion')}
                    </Button>
                  ) : null}
                </Stack>
              </Card>
            );
          })}
          <Group>
            <Button
              variant="light"
              onClick={() =>
                setQuestions((list) => [...list, { title: '', decisionKind: 'other' }])
              }
            >
              {t('meetings.create.addQuestion')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('meetings.create.submit')}
            </Button>
          </Group>
          {create.isError ? <ProblemAlert error={create.error} /> : null}
        </Stack>
      </form>
    </Card>
  );
}
